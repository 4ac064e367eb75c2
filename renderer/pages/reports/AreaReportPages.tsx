import { useState } from 'react';
import { Link, Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { reportKindLabels, type AreaReportInput, type Narrative } from '../../../shared/schemas/reports.js';
import { settingTypes, type SettingType } from '../../../shared/schemas/settings.js';
import { AsyncButton } from '../../components/AsyncButton.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { PrintButton } from '../../components/PrintButton.js';
import { WhenLoaded } from '../../components/WhenLoaded.js';
import { useApiClient } from '../../lib/apiClient.js';
import { useToday } from '../../lib/appState.js';
import { errorsFromFailure, type FieldErrors } from '../../lib/forms.js';
import { useSession } from '../../lib/session.js';
import { useApi } from '../../lib/useApi.js';
import { usePrintPage } from '../../lib/usePrintPage.js';
import { AreaScopeChooser } from './AreaScopeChooser.js';
import { NarrativeFields, narrativeOrder } from './NarrativeFields.js';
import { PeriodChooser, periodFromParams } from './PeriodChooser.js';
import { AreaReportDocument, areaReportTitle } from './ReportDocument.js';
import { ReportsList } from './ReportsList.js';

/** The scope as URL parameters: `la`, `type`, `settings` (ids joined with commas); none is every setting. */
export function scopeFromParams(params: URLSearchParams): NonNullable<AreaReportInput['scope']> {
  const type = params.get('type');
  return {
    localAuthority: params.get('la') || null,
    settingType: settingTypes.includes(type as SettingType) ? (type as SettingType) : null,
    settingIds: (params.get('settings') ?? '').split(',').filter(Boolean),
  };
}

/** Area reports produced (those covering only settings the caller reaches), and where a new one starts. */
export function AreaReportsPage() {
  const navigate = useNavigate();
  const rounds = useApi('rounds.list', {});
  const settings = useApi('settings.list', {});
  const reports = useApi('reports.list', { settingId: null, kind: 'area' });
  const [scope, setScope] = useState<Record<string, string>>({});
  return (
    <>
      <h1>Area progress reports</h1>
      <section aria-labelledby="new-report">
        <h2 id="new-report">Produce an area progress report</h2>
        <WhenLoaded results={[rounds, settings]}>
          {(roundList, settingList) => (
            <>
              <AreaScopeChooser settings={settingList} onChange={setScope} />
              <PeriodChooser
                rounds={roundList}
                submitLabel="Preview the report"
                onChoose={(period) => navigate(`/reports/new?${new URLSearchParams({ ...scope, ...period }).toString()}`)}
              />
            </>
          )}
        </WhenLoaded>
      </section>
      <h2>Reports produced</h2>
      <WhenLoaded results={[reports]} errorClassName="error-text">
        {(list) => <ReportsList reports={list} title="Area progress reports" href={(r) => `/reports/${r.id}`} />}
      </WhenLoaded>
    </>
  );
}

export function AreaReportPreviewPage() {
  const [params] = useSearchParams();
  const period = periodFromParams(params);
  const scope = scopeFromParams(params);
  const { me } = useSession();
  const today = useToday();
  const api = useApiClient();
  const navigate = useNavigate();
  const [narrative, setNarrative] = useState<Narrative>({ achievements: '', priorities: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const preview = useApi('reports.areaPreview', { scope, period });
  usePrintPage(preview.data ? areaReportTitle(preview.data) : reportKindLabels.area);

  async function produce() {
    try {
      const saved = await api('reports.produceArea', { scope, period, narrative });
      navigate(`/reports/${saved.id}`);
    } catch (err) {
      setErrors(errorsFromFailure(err));
    }
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to="/reports">Back to area progress reports</Link>
      </p>
      <h1>Preview the area progress report</h1>
      <div className="report-controls">
        <ErrorSummary errors={errors} order={narrativeOrder} />
        <p>Check the report below, add your own words, then produce it: the report is saved exactly as it is shown, to reopen or print later.</p>
        <NarrativeFields value={narrative} onChange={setNarrative} errors={errors} />
        <div className="button-row">
          <AsyncButton className="button" onClick={produce} busyLabel="Saving…">
            Produce and save
          </AsyncButton>
          <PrintButton />
        </div>
      </div>
      <WhenLoaded results={[preview]} errorClassName="error-text">
        {(snapshot) => <AreaReportDocument snapshot={{ ...snapshot, narrative }} produced={{ by: me.displayName, at: today, preview: true }} />}
      </WhenLoaded>
    </>
  );
}

export function AreaSavedReportPage() {
  const { reportId = '' } = useParams();
  const report = useApi('reports.get', { id: reportId });
  const snapshot = report.data?.snapshot;
  usePrintPage(snapshot?.kind === 'area' ? areaReportTitle(snapshot) : reportKindLabels.area);
  return (
    <WhenLoaded results={[report]}>
      {(r) => {
        if (r.snapshot.kind !== 'area')
          return r.settingId ? <Navigate replace to={`/s/${r.settingId}/reports/${r.id}`} /> : <p role="alert">This is not an area report.</p>;
        return (
          <>
            <p className="breadcrumb">
              <Link to="/reports">Back to area progress reports</Link>
            </p>
            <div className="page-heading">
              <h1>{r.title}</h1>
              <PrintButton />
            </div>
            <AreaReportDocument snapshot={r.snapshot} produced={{ by: r.producedByName, at: r.producedAt, preview: false }} />
          </>
        );
      }}
    </WhenLoaded>
  );
}
