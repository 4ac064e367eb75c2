import { useState } from 'react';
import { Link, Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { reportKindLabels, type Narrative } from '../../../shared/schemas/reports.js';
import { AsyncButton } from '../../components/AsyncButton.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { CheckboxField } from '../../components/fields.js';
import { PrintButton } from '../../components/PrintButton.js';
import { WhenLoaded } from '../../components/WhenLoaded.js';
import { useApiClient } from '../../lib/apiClient.js';
import { useToday } from '../../lib/appState.js';
import { errorsFromFailure, type FieldErrors } from '../../lib/forms.js';
import { usePrintPage } from '../../lib/usePrintPage.js';
import { useSession } from '../../lib/session.js';
import { useApi } from '../../lib/useApi.js';
import { useSetting } from '../settings/SettingLayout.js';
import { NarrativeFields, narrativeOrder } from './NarrativeFields.js';
import { PeriodChooser, periodFromParams } from './PeriodChooser.js';
import { SettingReportDocument, settingReportTitle } from './ReportDocument.js';
import { ReportsList } from './ReportsList.js';

/** A setting's produced reports (its own and its children's summaries), and where a new one starts. */
export function ReportsPage() {
  const { setting } = useSetting();
  const { may } = useSession();
  const navigate = useNavigate();
  const rounds = useApi('rounds.list', {});
  const reports = useApi('reports.list', { settingId: setting.id });
  const base = `/s/${setting.id}/reports`;
  return (
    <>
      <h1>Progress reports</h1>
      {may('reports:produce') && (
        <section aria-labelledby="new-report">
          <h2 id="new-report">Produce a setting progress report</h2>
          <WhenLoaded results={[rounds]}>
            {(list) => (
              <PeriodChooser
                rounds={list}
                submitLabel="Preview the report"
                onChoose={(period) => navigate(`${base}/new?${new URLSearchParams(period).toString()}`)}
              />
            )}
          </WhenLoaded>
        </section>
      )}
      <h2>Reports produced</h2>
      <WhenLoaded results={[reports]} errorClassName="error-text">
        {(list) => (
          <ReportsList
            reports={list}
            title={`Progress reports, ${setting.name}`}
            href={(r) => (r.kind === 'child' && r.childId ? `/s/${setting.id}/children/${r.childId}/summaries/${r.id}` : `${base}/${r.id}`)}
          />
        )}
      </WhenLoaded>
    </>
  );
}

/** The whole report as it will print, the manager's words beside it, and "Produce and save". */
export function SettingReportPreviewPage() {
  const { setting } = useSetting();
  const [params] = useSearchParams();
  const period = periodFromParams(params);
  const { me } = useSession();
  const today = useToday();
  const api = useApiClient();
  const navigate = useNavigate();
  const [initialsOnly, setInitialsOnly] = useState(false);
  const [narrative, setNarrative] = useState<Narrative>({ achievements: '', priorities: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  // The words are added on screen as typed; the numbers come once (and again if initials change).
  const preview = useApi('reports.settingPreview', { settingId: setting.id, period, initialsOnly });
  usePrintPage(preview.data ? settingReportTitle(preview.data) : reportKindLabels.setting);

  async function produce() {
    try {
      const saved = await api('reports.produceSetting', { settingId: setting.id, period, initialsOnly, narrative });
      navigate(`/s/${setting.id}/reports/${saved.id}`);
    } catch (err) {
      setErrors(errorsFromFailure(err));
    }
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/s/${setting.id}/reports`}>Back to progress reports</Link>
      </p>
      <h1>Preview the setting progress report</h1>
      <div className="report-controls">
        <ErrorSummary errors={errors} order={narrativeOrder} />
        <p>Check the report below, add your own words, then produce it: the report is saved exactly as it is shown, to reopen or print later.</p>
        <CheckboxField
          name="initialsOnly"
          label="Show initials only"
          hint="Children with targets are listed by their initials instead of their names."
          checked={initialsOnly}
          onChange={setInitialsOnly}
        />
        <NarrativeFields value={narrative} onChange={setNarrative} errors={errors} />
        <div className="button-row">
          <AsyncButton className="button" onClick={produce} busyLabel="Saving…">
            Produce and save
          </AsyncButton>
          <PrintButton />
        </div>
      </div>
      <WhenLoaded results={[preview]} errorClassName="error-text">
        {(snapshot) => <SettingReportDocument snapshot={{ ...snapshot, narrative }} produced={{ by: me.displayName, at: today, preview: true }} />}
      </WhenLoaded>
    </>
  );
}

/** A produced setting report, exactly as it was saved; a child's summary opens on its own page. */
export function SavedReportPage() {
  const { setting } = useSetting();
  const { reportId = '' } = useParams();
  const report = useApi('reports.get', { id: reportId });
  const snapshot = report.data?.snapshot;
  usePrintPage(snapshot?.kind === 'setting' ? settingReportTitle(snapshot) : reportKindLabels.setting);
  return (
    <WhenLoaded results={[report]}>
      {(r) => {
        if (r.snapshot.kind === 'child') return <Navigate replace to={`/s/${setting.id}/children/${r.snapshot.child.id}/summaries/${r.id}`} />;
        if (r.snapshot.kind === 'area') return <Navigate replace to={`/reports/${r.id}`} />;
        return (
          <>
            <p className="breadcrumb">
              <Link to={`/s/${setting.id}/reports`}>Back to progress reports</Link>
            </p>
            <div className="page-heading">
              <h1>{r.title}</h1>
              <PrintButton />
            </div>
            <SettingReportDocument snapshot={r.snapshot} produced={{ by: r.producedByName, at: r.producedAt, preview: false }} />
          </>
        );
      }}
    </WhenLoaded>
  );
}
