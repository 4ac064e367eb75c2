import { Link, useParams } from 'react-router';
import type { Target } from '../../../shared/schemas/targets.js';
import type { WorkLists } from '../../../shared/schemas/settings.js';
import { ColourTag } from '../../components/ColourTag.js';
import { ExportButtons } from '../../components/ExportButtons.js';
import { WhenLoaded } from '../../components/WhenLoaded.js';
import { useToday } from '../../lib/appState.js';
import { formatUkDate } from '../../lib/format.js';
import { useSession } from '../../lib/session.js';
import { useApi } from '../../lib/useApi.js';
import { ActionList } from '../visits/VisitActionsSection.js';
import { useSetting } from './SettingLayout.js';

/** The work lists that open on a page of their own (re-screens open the children list, filtered). */
export const workListNames = ['reviews-due', 'actions', 'red-amber'] as const;
export type WorkListName = (typeof workListNames)[number];

const colourLabels = { red: 'Red', amber: 'Amber' } as const;

const headings: Record<WorkListName, string> = {
  'reviews-due': 'Target reviews due this week',
  actions: 'Open actions from visits',
  'red-amber': 'Red or Amber children with no active target',
};

/**
 * One of the setting's work lists: the rows the overview's number counted, from the same answer
 * (settings.workLists), so the list and its number always agree.
 */
export function WorkListPage() {
  const { setting } = useSetting();
  const { list } = useParams();
  const name = workListNames.find((n) => n === list) ?? 'reviews-due';
  const lists = useApi('settings.workLists', { settingId: setting.id });
  const today = useToday();
  return (
    <article className="work-list">
      <p className="screen-only">
        <Link to={`/s/${setting.id}`}>Back to the overview</Link>
      </p>
      <h1>{headings[name]}</h1>
      <p className="print-only">
        {setting.name}, printed {formatUkDate(today)}
      </p>
      <WhenLoaded results={[lists]}>{(work) => <ListBody name={name} work={work} settingId={setting.id} reload={lists.reload} />}</WhenLoaded>
    </article>
  );
}

function ListBody({ name, work, settingId, reload }: { name: WorkListName; work: WorkLists; settingId: string; reload: () => void }) {
  const { may } = useSession();
  switch (name) {
    case 'reviews-due':
      return (
        <>
          <p>Active targets whose review date is on or before Sunday {formatUkDate(work.reviewsDueBy)}, overdue ones first.</p>
          <ReviewsDue targets={work.targetReviewsDue} settingId={settingId} />
          {work.targetReviewsDue.length > 0 && (
            <ExportButtons
              label="this list"
              table={() => ({
                title: 'Target reviews due this week',
                columns: ['Child', 'Target', 'Review due', 'Started'],
                rows: work.targetReviewsDue.map((t) => [t.childName, t.aim, formatUkDate(t.reviewDate), formatUkDate(t.startDate)]),
              })}
            />
          )}
        </>
      );
    case 'actions':
      return work.openVisitActions ? (
        <ActionList actions={work.openVisitActions} canChange={may('visits:write')} onChange={reload} />
      ) : (
        <p>Your account does not show visits.</p>
      );
    case 'red-amber':
      return (
        <>
          <p>Children on roll whose latest screening is Red or Amber and who have no active target. Red first.</p>
          <RedAmber rows={work.redAmberWithoutTarget} settingId={settingId} />
          {work.redAmberWithoutTarget.length > 0 && (
            <ExportButtons
              label="this list"
              table={() => ({
                title: 'Red or Amber with no active target',
                columns: ['First name', 'Last name', 'Latest screening', 'Screened on'],
                rows: work.redAmberWithoutTarget.map((r) => [r.firstName, r.lastName, colourLabels[r.colour], formatUkDate(r.screeningDate)]),
              })}
            />
          )}
        </>
      );
  }
}

function ReviewsDue({ targets, settingId }: { targets: Target[]; settingId: string }) {
  if (targets.length === 0) return <p>No target reviews are due this week.</p>;
  return (
    <table className="table">
      <caption className="visually-hidden">Target reviews due this week</caption>
      <thead>
        <tr>
          <th scope="col">Child</th>
          <th scope="col">Target</th>
          <th scope="col">Review due</th>
          <th scope="col">Started</th>
        </tr>
      </thead>
      <tbody>
        {targets.map((t) => (
          <tr key={t.id}>
            <td>
              <Link to={`/s/${settingId}/children/${t.childId}`}>{t.childName}</Link>
            </td>
            <td>{t.aim}</td>
            <td>{formatUkDate(t.reviewDate)}</td>
            <td>{formatUkDate(t.startDate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RedAmber({ rows, settingId }: { rows: WorkLists['redAmberWithoutTarget']; settingId: string }) {
  if (rows.length === 0) return <p>Every Red or Amber child on roll has an active target.</p>;
  return (
    <table className="table">
      <caption className="visually-hidden">Red or Amber children with no active target</caption>
      <thead>
        <tr>
          <th scope="col">Child</th>
          <th scope="col">Latest screening</th>
          <th scope="col">Screened on</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.childId}>
            <td>
              <Link to={`/s/${settingId}/children/${r.childId}`}>
                {r.firstName} {r.lastName}
              </Link>
            </td>
            <td>
              <ColourTag colour={r.colour} />
            </td>
            <td>{formatUkDate(r.screeningDate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
