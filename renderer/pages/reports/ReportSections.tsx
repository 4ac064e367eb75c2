import type { ReactNode } from 'react';
import { settingTargetStatusLabels } from '../../../shared/domain/settingTargets.js';
import type { CohortReportFigures, Narrative } from '../../../shared/schemas/reports.js';
import { formatUkDate } from '../../lib/format.js';
import { RagBarChart } from '../cohort/charts.js';
import { pct } from '../cohort/RagTable.js';
import { colourOrder, colourWords } from '../cohort/words.js';
import { GapsTable, ReportRagTable, TransitionTable, WorkingAtTable } from './ReportTables.js';

// The sections a setting report and an area report share, in the order they print. Each is a
// <section> that print CSS keeps whole where it is small (reports.css).

export function Section({ id, title, children, small = false }: { id: string; title: string; children: ReactNode; small?: boolean }) {
  return (
    <section className={`report-section${small ? ' report-section--whole' : ''}`} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** The period in a title: the round's name where the period is a round, else its dates. */
export function shortPeriod(f: CohortReportFigures): string {
  const p = f.period;
  return p.roundName && p.label.startsWith(p.roundName) ? p.roundName : p.label;
}

/** The cover's lines about the period: its dates, and which rounds the screening figures come from. */
export function periodLines(f: CohortReportFigures): [string, string][] {
  const p = f.period;
  return [
    ['Period', p.label],
    ['Screenings counted', p.roundName ?? 'No screening round falls in this period'],
    ['Progress measured from', p.previousRoundName ?? 'No earlier round'],
  ];
}

/** The figures the report is read for first: the same numbers the dashboard shows for the round. */
export function HeadlineFigures({ f }: { f: CohortReportFigures }) {
  const o = f.overview;
  const rag = f.byAgeSection.total;
  const round = f.period.roundName;
  // With no round in the period there are no screening figures to give, only who was on roll
  // over its dates (the targets figures count that, with the same on-roll rule).
  const lines: [string, ReactNode][] = round
    ? [
        [`Children on roll at any time in ${round}`, o.childrenOnRoll],
        [`Children screened in ${round}`, `${o.screened} (${pct(o.screened, o.childrenOnRoll)}%)`],
        ['Children on roll not screened', o.notScreened],
        ...colourOrder.map((c): [string, ReactNode] => [`${colourWords[c]} result`, `${rag[c]} (${pct(rag[c], rag.total)}%)`]),
      ]
    : [['Children on roll at any time in the period', f.targets.onRoll]];
  if (f.progress) lines.push(['Improved since the previous round', f.progress.improved], ['Stayed the same', f.progress.same], ['Got worse', f.progress.worse]);
  lines.push(['Children on targets', f.targets.onTargets], ['Targets met', `${f.targets.targetsMet} of ${f.targets.targetsClosed} closed`]);
  return (
    <Section id="report-headline" title="Headline figures" small>
      <table className="table report-table report-headline">
        <caption className="visually-hidden">Headline figures</caption>
        <tbody>
          {lines.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td className="numeric">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

/** Everything counted from the round's screenings, or one plain sentence when there were none. */
export function ScreeningSections({ f }: { f: CohortReportFigures }) {
  const round = f.period.roundName;
  if (!f.hasScreenings || !round)
    return (
      <Section id="report-no-screenings" title="Screening results" small>
        <p className="report-empty">
          {round
            ? `No children were screened in ${round}, so there are no screening results, working-at levels or progress figures to show.`
            : 'No screening round falls in this period, so there are no screening results, working-at levels or progress figures to show.'}
        </p>
      </Section>
    );
  const caption = `Red, Amber and Green by age section, ${round}`;
  return (
    <>
      <Section id="report-by-age" title="Red, Amber and Green by age section">
        <div className="report-keep">
          <div className="report-chart" role="img" aria-label={`Chart: ${caption}. The same numbers are in the table below.`}>
            <RagBarChart rows={f.byAgeSection.rows} title={caption} />
          </div>
          {/* In greyscale Red and Green print alike: the order says which is which. */}
          <p className="report-chart-key">Each bar reads Red, then Amber, then Green, from left to right; the table below has the same numbers in words.</p>
        </div>
        <div className="report-keep">
          <ReportRagTable caption={caption} group="Age section" rows={f.byAgeSection.rows} total={f.byAgeSection.total} />
        </div>
      </Section>
      <Section id="report-working-at" title="Working-at level against age" small>
        <WorkingAtTable rows={f.workingAt} roundName={round} />
      </Section>
      <Section id="report-gaps" title="Gaps between groups" small>
        <GapsTable rows={f.gaps} />
      </Section>
      <Section id="report-progress" title="Progress since the previous round" small>
        {f.progress && f.period.previousRoundName ? (
          <>
            <TransitionTable progress={f.progress} from={f.period.previousRoundName} to={round} />
            <p>
              Of {f.progress.total} children screened in both rounds, {f.progress.improved} improved ({pct(f.progress.improved, f.progress.total)}%),{' '}
              {f.progress.same} stayed the same and {f.progress.worse} got worse.
            </p>
          </>
        ) : (
          <p className="report-empty">There is no earlier round to compare with.</p>
        )}
      </Section>
    </>
  );
}

export function TargetsFigures({ f }: { f: CohortReportFigures }) {
  const t = f.targets;
  return (
    <table className="table report-table">
      <caption className="table-caption">Children's targets in the period</caption>
      <tbody>
        <tr>
          <th scope="row">Children on roll</th>
          <td className="numeric">{t.onRoll}</td>
        </tr>
        <tr>
          <th scope="row">Children on targets</th>
          <td className="numeric">
            {t.onTargets} <span className="pct">({pct(t.onTargets, t.onRoll)}%)</span>
          </td>
        </tr>
        <tr>
          <th scope="row">Targets closed by a review</th>
          <td className="numeric">{t.targetsClosed}</td>
        </tr>
        <tr>
          <th scope="row">Targets met (closed as achieved)</th>
          <td className="numeric">
            {t.targetsMet} <span className="pct">({pct(t.targetsMet, t.targetsClosed)}%)</span>
          </td>
        </tr>
      </tbody>
    </table>
  );
}

/** A list this short prints whole on the next page rather than start at a page's foot. */
export const shortList = 15;

/** Whole-setting targets and their status; `withSetting` adds the setting's name (area reports). */
export function SettingTargetsSection({ f, withSetting }: { f: CohortReportFigures; withSetting: boolean }) {
  return (
    <Section id="report-setting-targets" title="Whole-setting targets" small={f.settingTargets.length <= shortList}>
      {f.settingTargets.length === 0 ? (
        <p className="report-empty">No whole-setting targets in this period.</p>
      ) : (
        <table className="table report-table">
          <caption className="visually-hidden">Whole-setting targets and their status</caption>
          <thead>
            <tr>
              {withSetting && <th scope="col">Setting</th>}
              <th scope="col">Target</th>
              <th scope="col">Status</th>
              <th scope="col">Last reviewed</th>
            </tr>
          </thead>
          <tbody>
            {f.settingTargets.map((t) => (
              <tr key={t.id}>
                {withSetting && <td>{t.settingName}</td>}
                <td>{t.title}</td>
                <td className="nowrap">{settingTargetStatusLabels[t.status]}</td>
                <td>{t.reviewDate ? formatUkDate(t.reviewDate) : 'Not yet'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

export function VisitsSection({ f, withSetting }: { f: CohortReportFigures; withSetting: boolean }) {
  return (
    <Section id="report-visits" title="Visits held" small={f.visitsHeld.length <= shortList}>
      {f.visitsHeld.length === 0 ? (
        <p className="report-empty">No visits were held in this period.</p>
      ) : (
        <table className="table report-table">
          <caption className="visually-hidden">Visits held in the period</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              {withSetting && <th scope="col">Setting</th>}
              <th scope="col">Visitor</th>
            </tr>
          </thead>
          <tbody>
            {f.visitsHeld.map((v) => (
              <tr key={v.id}>
                <td>{formatUkDate(v.date)}</td>
                {withSetting && <td>{v.settingName}</td>}
                <td>{v.visitorName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

/** The manager's own words, as typed (line breaks kept). */
export function NarrativeSections({ narrative }: { narrative: Narrative }) {
  return (
    <>
      <Section id="report-achievements" title="Achievements">
        {narrative.achievements.trim() ? <p className="report-narrative">{narrative.achievements}</p> : <p className="report-empty">Nothing written.</p>}
      </Section>
      <Section id="report-priorities" title="Priorities for next term">
        {narrative.priorities.trim() ? <p className="report-narrative">{narrative.priorities}</p> : <p className="report-empty">Nothing written.</p>}
      </Section>
    </>
  );
}
