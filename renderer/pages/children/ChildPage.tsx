import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ethnicities, sendStageLabels, sexLabels, type Child } from '../../../shared/schemas/children.js';
import type { Screening } from '../../../shared/schemas/screenings.js';
import { useApiClient } from '../../lib/apiClient.js';
import { ColourTag } from '../../components/ColourTag.js';
import { DateField } from '../../components/fields.js';
import { WhenLoaded } from '../../components/WhenLoaded.js';
import { ReviewDue, ScreeningHistory } from '../screenings/ScreeningHistory.js';
import { useAppState, useToday } from '../../lib/appState.js';
import { errorsFromFailure } from '../../lib/forms.js';
import { ageLabel, formatUkDate, fromUkInput, toUkInput } from '../../lib/format.js';
import { downloadFile } from '../../lib/exportTable.js';
import { useApi } from '../../lib/useApi.js';
import { useSetting } from '../settings/SettingLayout.js';
import { useSession } from '../../lib/session.js';
import { fromScreeningParam, TargetsSection } from '../targets/TargetsSection.js';
import { ChildSummaryList } from '../reports/ChildSummaryList.js';

const yesNo = (b: boolean) => (b ? 'Yes' : 'No');

export function ChildPage() {
  const { childId = '' } = useParams();
  const child = useApi('children.get', { id: childId });
  return <WhenLoaded results={[child]}>{(data) => <ChildView child={data} reload={child.reload} />}</WhenLoaded>;
}

function ChildView({ child: c, reload }: { child: Child; reload: () => void }) {
  const api = useApiClient();
  const { setting } = useSetting();
  const today = useToday();
  const { notify } = useAppState();
  const { may } = useSession();
  const mayTarget = may('targets:write');
  const screenings = useApi('screenings.listForChild', { childId: c.id });
  const rooms = useApi('rooms.list', { settingId: setting.id, includeArchived: true });
  const staff = useApi('staff.list', { settingId: setting.id, includeArchived: true });
  const [confirming, setConfirming] = useState(false);
  const [leaveDate, setLeaveDate] = useState('');
  const [error, setError] = useState<string>();

  const name = `${c.firstName} ${c.lastName}`;
  const room = rooms.data?.find((r) => r.id === c.roomId);
  const keyPerson = staff.data?.find((s) => s.id === c.keyPersonId);

  async function archive(archived: boolean) {
    setError(undefined);
    try {
      await api('children.archive', { id: c.id, archived, leaveDate: archived ? fromUkInput(leaveDate) : null });
      setConfirming(false);
      reload();
      notify({
        message: archived ? `${name} moved to leavers` : `${name} is back on roll`,
        undo: () => api('children.archive', { id: c.id, archived: !archived, leaveDate: archived ? null : c.leaveDate }),
      });
    } catch (err) {
      const errors = errorsFromFailure(err);
      setError(errors.leaveDate ?? errors.form ?? 'The change was not saved');
    }
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/s/${setting.id}/children`}>Children</Link>
      </p>
      <div className="page-heading">
        <h1>
          {name}
          {c.archivedAt && <span className="tag tag--grey">Left {c.leaveDate ? formatUkDate(c.leaveDate) : ''}</span>}
        </h1>
        <div className="button-row button-row--tight">
          <Link className="button button--secondary" to={`/s/${setting.id}/children/${c.id}/edit`}>
            Edit details<span className="visually-hidden"> of {name}</span>
          </Link>
          <button
            type="button"
            className="button button--secondary"
            onClick={async () => {
              try {
                downloadFile(await api('export.child', { childId: c.id }));
              } catch (err) {
                setError(err instanceof Error ? err.message : 'The records could not be exported');
              }
            }}
          >
            Export all records<span className="visually-hidden"> of {name}</span>
          </button>
        </div>
      </div>
      <section aria-labelledby="screening-heading" className="section">
        <div className="page-heading">
          <h2 id="screening-heading">Screening</h2>
          {!c.archivedAt && (
            <Link className="button" to={`/s/${setting.id}/children/${c.id}/screenings/new`}>
              Record a screening
            </Link>
          )}
        </div>
        <WhenLoaded results={[screenings]} loading={null}>
          {(list) => (
            <>
              {list[0] && <LatestScreening latest={list[0]} setTargets={mayTarget && !c.archivedAt} />}
              <ScreeningHistory settingId={setting.id} childId={c.id} screenings={list} onChanged={screenings.reload} setTargets={mayTarget && !c.archivedAt} />
            </>
          )}
        </WhenLoaded>
      </section>

      {may('targets:read') && <TargetsSection child={c} settingId={setting.id} />}

      {may('reports:child') && <ChildSummaryList settingId={setting.id} childId={c.id} childName={name} />}

      <h2>Details</h2>
      <dl className="summary-list">
        <Row term="Date of birth" value={formatUkDate(c.dateOfBirth)} />
        <Row term="Age" value={ageLabel(c.dateOfBirth, today)} />
        <Row term="Sex" value={sexLabels[c.sex]} />
        <Row term="Ethnicity" value={ethnicities[c.ethnicity]} />
        <Row term="Home languages" value={c.homeLanguages.join(', ') || 'Not recorded'} />
        <Row term="EAL" value={yesNo(c.eal)} />
        <Row term="SEND" value={sendStageLabels[c.sendStage]} />
        <Row term="Funded 2-year-old place" value={yesNo(c.funded2)} />
        <Row term="Early years pupil premium" value={yesNo(c.eypp)} />
        <Row term="Room" value={room ? room.name : 'Not assigned'} />
        <Row term="Key person" value={keyPerson ? keyPerson.name : 'Not assigned'} />
        <Row term="Start date" value={c.startDate ? formatUkDate(c.startDate) : 'Not recorded'} />
        {c.leaveDate && <Row term="Leave date" value={formatUkDate(c.leaveDate)} />}
        {c.notes && <Row term="Notes" value={c.notes} />}
      </dl>

      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {c.archivedAt ? (
        <button type="button" className="button button--secondary" onClick={() => archive(false)}>
          Put back on roll
        </button>
      ) : confirming ? (
        <section className="panel panel--warning" aria-labelledby="confirm-leaver">
          <h2 id="confirm-leaver">Move {name} to leavers?</h2>
          <p>Their records are kept, and you can put them back on roll at any time.</p>
          <DateField name="leaveDate" label="Leave date" hint="Leave blank for today" value={leaveDate} onChange={setLeaveDate} />
          <div className="button-row">
            <button type="button" className="button button--warning" onClick={() => archive(true)}>
              Move to leavers
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </section>
      ) : (
        <button
          type="button"
          className="button button--warning"
          onClick={() => {
            setLeaveDate(toUkInput(c.leaveDate));
            setConfirming(true);
          }}
        >
          Mark as leaver
        </button>
      )}
    </>
  );
}

/** The latest result at a glance, above the full history. */
function LatestScreening({ latest, setTargets }: { latest: Screening; setTargets: boolean }) {
  return (
    <div className="panel latest" aria-label="Latest screening">
      <div>
        <div className="muted">Latest result ({formatUkDate(latest.screeningDate)})</div>
        <ColourTag colour={latest.colour} />
      </div>
      <div>
        <div className="muted">Working at</div>
        <strong>{latest.workingAtSection === null ? 'Below every section tried' : `Section ${latest.workingAtSection}`}</strong>{' '}
        <span className="muted">
          (age section {latest.ageSection}
          {latest.sectionsBehind ? `, ${latest.sectionsBehind} behind` : ''})
        </span>
      </div>
      <div>
        <div className="muted">Activities from</div>
        <strong>{latest.activitySection === null ? '–' : `Section ${latest.activitySection}`}</strong>
      </div>
      <div>
        <div className="muted">Referral</div>
        <strong>{latest.referralPrompted ? 'Prompted' : 'Not prompted'}</strong>
      </div>
      <div>
        <div className="muted">Review screen due</div>
        <strong>
          <ReviewDue date={latest.reviewDate} />
        </strong>
      </div>
      {setTargets && (
        <div className="no-print">
          <Link className="button button--secondary button--small" to={`?${fromScreeningParam}=${latest.id}`}>
            Set targets from this screen
          </Link>
        </div>
      )}
    </div>
  );
}

function Row({ term, value }: { term: string; value: string }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
}
