import type { ReactNode } from 'react';
import { settingTypeLabels } from '../../../shared/schemas/settings.js';
import { reportKindLabels, type AreaReportSnapshot, type SettingReportSnapshot } from '../../../shared/schemas/reports.js';
import { formatUkDay } from '../../lib/format.js';
import { AreaSettingsTable } from './AreaSettingsTable.js';
import {
  HeadlineFigures,
  NarrativeSections,
  periodLines,
  shortList,
  shortPeriod,
  ScreeningSections,
  Section,
  SettingTargetsSection,
  TargetsFigures,
  VisitsSection,
} from './ReportSections.js';
import './reports.css';

// The A4 report: one component for the preview and the saved report, so what the manager checks
// before producing is what prints, and what a saved report shows is its snapshot, never today's data.

/** Who produced the report and when (for a preview: the person signed in, today). */
export interface Produced {
  by: string;
  /** ISO date or timestamp. */
  at: string;
  /** A preview says so on the page, in case it is printed before it is saved. */
  preview: boolean;
}

function Cover({ title, lines, produced }: { title: string; lines: [string, string][]; produced: Produced }) {
  return (
    <header className="report-cover">
      <p className="report-cover__kind">{title}</p>
      <dl className="report-cover__facts">
        {[...lines, ['Produced by', produced.by] as [string, string], ['Date produced', formatUkDay(produced.at)] as [string, string]].map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {produced.preview && <p className="report-cover__preview">Preview: this report has not been saved yet.</p>}
    </header>
  );
}

function Doc({ label, children }: { label: string; children: ReactNode }) {
  return (
    <article className="report-doc" aria-label={label}>
      {children}
    </article>
  );
}

export function settingReportTitle(s: SettingReportSnapshot): string {
  return `${reportKindLabels.setting}, ${s.setting.name}, ${shortPeriod(s.figures)}`;
}

export function areaReportTitle(s: AreaReportSnapshot): string {
  return `${reportKindLabels.area}, ${s.scopeLabel}, ${shortPeriod(s.figures)}`;
}

export function SettingReportDocument({ snapshot: s, produced }: { snapshot: SettingReportSnapshot; produced: Produced }) {
  const f = s.figures;
  return (
    <Doc label={settingReportTitle(s)}>
      <Cover
        title={reportKindLabels.setting}
        lines={[
          ['Setting', s.setting.name],
          ['Type', `${settingTypeLabels[s.setting.type]}${s.setting.localAuthority ? `, ${s.setting.localAuthority}` : ''}`],
          ...periodLines(f),
        ]}
        produced={produced}
      />
      <HeadlineFigures f={f} />
      <ScreeningSections f={f} />
      <Section id="report-targets" title="Children on targets and targets met" small={s.childrenOnTargets.length <= shortList}>
        <div className="report-keep">
          <TargetsFigures f={f} />
        </div>
        {s.childrenOnTargets.length > 0 && (
          <table className="table report-table">
            <caption className="table-caption">Children with targets in the period{s.initialsOnly ? ' (initials only)' : ''}</caption>
            <thead>
              <tr>
                <th scope="col">Child</th>
                <th scope="col" className="numeric">
                  Active targets
                </th>
                <th scope="col" className="numeric">
                  Closed
                </th>
                <th scope="col" className="numeric">
                  Met
                </th>
              </tr>
            </thead>
            <tbody>
              {s.childrenOnTargets.map((c) => (
                <tr key={c.childId}>
                  <th scope="row">{c.name}</th>
                  <td className="numeric">{c.active}</td>
                  <td className="numeric">{c.closed}</td>
                  <td className="numeric">{c.met}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
      <SettingTargetsSection f={f} withSetting={false} />
      <VisitsSection f={f} withSetting={false} />
      <NarrativeSections narrative={s.narrative} />
    </Doc>
  );
}

export function AreaReportDocument({ snapshot: s, produced }: { snapshot: AreaReportSnapshot; produced: Produced }) {
  const f = s.figures;
  return (
    <Doc label={areaReportTitle(s)}>
      <Cover
        title={reportKindLabels.area}
        lines={[
          ['Settings', `${s.scopeLabel} (${s.settingIds.length})`],
          ...periodLines(f),
          [
            'Small numbers',
            s.suppressBelow > 0
              ? `Age sections and groups of fewer than ${s.suppressBelow} children show no counts; other tables show every count`
              : 'Every count shown',
          ],
        ]}
        produced={produced}
      />
      <HeadlineFigures f={f} />
      <Section id="report-settings" title="Setting by setting" small={s.settings.length <= shortList}>
        <AreaSettingsTable rows={s.settings} roundName={f.period.roundName} />
      </Section>
      <ScreeningSections f={f} />
      <Section id="report-targets" title="Children on targets and targets met" small>
        <TargetsFigures f={f} />
      </Section>
      <SettingTargetsSection f={f} withSetting />
      <VisitsSection f={f} withSetting />
      <NarrativeSections narrative={s.narrative} />
    </Doc>
  );
}
