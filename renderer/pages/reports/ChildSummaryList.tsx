import { Link } from 'react-router';
import { WhenLoaded } from '../../components/WhenLoaded.js';
import { formatUkDateTime } from '../../lib/format.js';
import { useApi } from '../../lib/useApi.js';

// The child page's "Progress summaries" block: a link to write one, and the ones written so far
// (newest first), each opening the saved copy as it was printed.

export function ChildSummaryList({ settingId, childId, childName }: { settingId: string; childId: string; childName: string }) {
  const summaries = useApi('reports.list', { settingId, childId, kind: 'child' });
  const base = `/s/${settingId}/children/${childId}`;
  return (
    <section aria-labelledby="summaries-heading" className="section">
      <div className="page-heading">
        <h2 id="summaries-heading">Progress summaries</h2>
        <Link className="button button--secondary" to={`${base}/summary`}>
          Progress summary<span className="visually-hidden"> for {childName}</span>
        </Link>
      </div>
      <WhenLoaded results={[summaries]} loading={null}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted">No progress summaries written yet. A summary tells parents, or the next setting, how {childName} is getting on.</p>
          ) : (
            <ul className="child-summary-list">
              {list.map((r) => (
                <li key={r.id}>
                  <Link to={`${base}/summaries/${r.id}`}>Progress summary written {formatUkDateTime(r.producedAt)}</Link>{' '}
                  <span className="muted">by {r.producedByName}</span>
                </li>
              ))}
            </ul>
          )
        }
      </WhenLoaded>
    </section>
  );
}
