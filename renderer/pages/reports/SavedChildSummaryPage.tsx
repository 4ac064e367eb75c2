import { Link, useParams } from 'react-router';
import type { Report } from '../../../shared/schemas/reports.js';
import { PrintButton } from '../../components/PrintButton.js';
import { WhenLoaded } from '../../components/WhenLoaded.js';
import { formatUkDateTime, formatUkDay } from '../../lib/format.js';
import { useApi } from '../../lib/useApi.js';
import { usePrintPage } from '../../lib/usePrintPage.js';
import { useSetting } from '../settings/SettingLayout.js';
import { ChildSummaryDocument } from './ChildSummaryDocument.js';

// A saved progress summary as the A4 page it printed as: the stored snapshot, never worked out
// again, so it reads the same next year whatever has changed since.

export function SavedChildSummaryPage() {
  const { reportId = '' } = useParams();
  const report = useApi('reports.get', { id: reportId });
  return <WhenLoaded results={[report]}>{(r) => <SavedSummary report={r} />}</WhenLoaded>;
}

function SavedSummary({ report }: { report: Report }) {
  const { setting } = useSetting();
  usePrintPage(report.title);
  if (report.snapshot.kind !== 'child') {
    return (
      <p role="alert" className="error-text">
        This is not a progress summary. <Link to={`/s/${setting.id}/reports/${report.id}`}>Open the report</Link>
      </p>
    );
  }
  const s = report.snapshot;
  const childPage = `/s/${setting.id}/children/${s.child.id}`;
  return (
    <>
      <div className="cs-screen-only">
        <p className="breadcrumb">
          <Link to={`/s/${setting.id}/children`}>Children</Link> › <Link to={childPage}>{s.child.name}</Link>
        </p>
        <div className="page-heading">
          <h1>Saved progress summary</h1>
          <div className="button-row">
            <PrintButton childId={s.child.id} />
            <Link className="button button--secondary" to={`${childPage}/summary`}>
              Write another
            </Link>
          </div>
        </div>
        <p className="muted">
          Produced by {report.producedByName} on {formatUkDateTime(report.producedAt)}. This is the summary as it was saved: later changes to the child’s
          records do not change it.
        </p>
      </div>
      <ChildSummaryDocument summary={s} produced={`${formatUkDay(report.producedAt)} by ${report.producedByName}`} />
    </>
  );
}
