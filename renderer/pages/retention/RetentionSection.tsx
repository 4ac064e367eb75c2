import { plural } from '../../../shared/domain/words.js';
import { useState } from 'react';
import { retentionYearLimits, type RetentionPolicy } from '../../../shared/schemas/retention.js';
import { useApiClient } from '../../lib/apiClient.js';
import { useAppState } from '../../lib/appState.js';
import { formatUkDate } from '../../lib/format.js';
import { useApi } from '../../lib/useApi.js';

/** Retention: how long records are kept, and deleting those past it (only leavers, only when confirmed). */
export function RetentionSection() {
  const api = useApiClient();
  const { notify } = useAppState();
  const policies = useApi('retention.policies', {});
  const due = useApi('retention.due', { withinDays: 0 });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const dueNow = (due.data?.children ?? []).filter((c) => c.isDue);

  async function savePolicy(p: RetentionPolicy, years: number) {
    setError(null);
    try {
      await api('retention.updatePolicy', { recordType: p.recordType, years });
      policies.reload();
      due.reload();
      notify({
        message: `${p.label}: now ${years} ${p.rule === 'until-age' ? 'years of age' : 'years after leaving'}`,
        undo: () => api('retention.updatePolicy', { recordType: p.recordType, years: p.years }),
      });
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The policy was not saved');
    }
  }

  async function purge() {
    setError(null);
    try {
      const result = await api('retention.purge', { childIds: [...selected], confirm: true });
      setSelected(new Set());
      setConfirming(false);
      due.reload();
      notify({
        message: `Deleted the records of ${plural(result.purged.length, 'child', 'children')}. The deletion is in the audit trail.`,
      });
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Nothing was deleted');
    }
  }

  return (
    <section className="panel" aria-labelledby="retention-title">
      <h2 id="retention-title">Data retention</h2>
      <p>Records are kept for as long as the policies below say, then listed here for deletion. Only children who have left are ever listed.</p>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <table className="table">
        <caption className="table-caption">Retention policies</caption>
        <thead>
          <tr>
            <th scope="col">Records</th>
            <th scope="col">Kept</th>
          </tr>
        </thead>
        <tbody>
          {policies.data?.map((p) => (
            <tr key={p.recordType}>
              <th scope="row">{p.label}</th>
              <td>
                <label className="visually-hidden" htmlFor={`policy-${p.recordType}`}>
                  Years for {p.label}
                </label>
                <input
                  id={`policy-${p.recordType}`}
                  className="input input--tiny"
                  inputMode="numeric"
                  defaultValue={p.years}
                  key={p.years}
                  onBlur={(e) => {
                    const years = Number(e.target.value);
                    const limits = retentionYearLimits[p.rule];
                    if (!Number.isInteger(years) || years < limits.min || years > limits.max) {
                      setError(`${p.label}: enter a whole number from ${limits.min} to ${limits.max}`);
                      return;
                    }
                    if (years !== p.years) void savePolicy(p, years);
                  }}
                />{' '}
                {p.rule === 'until-age' ? 'years old: kept until the child reaches this age' : 'years after the child leaves'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>Due for deletion</h3>
      {due.data && dueNow.length === 0 && <p>Nothing is due for deletion.</p>}
      {dueNow.length > 0 && (
        <>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">Choose</span>
                </th>
                <th scope="col">Child</th>
                <th scope="col">Setting</th>
                <th scope="col">Left</th>
                <th scope="col">Due</th>
                <th scope="col" className="numeric">
                  Screenings
                </th>
              </tr>
            </thead>
            <tbody>
              {dueNow.map((c) => (
                <tr key={c.childId}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Delete the records of ${c.firstName} ${c.lastName}`}
                      checked={selected.has(c.childId)}
                      onChange={(e) =>
                        setSelected((s) => {
                          const next = new Set(s);
                          if (e.target.checked) next.add(c.childId);
                          else next.delete(c.childId);
                          return next;
                        })
                      }
                    />
                  </td>
                  <td>
                    {c.lastName}, {c.firstName}
                  </td>
                  <td>{c.settingName}</td>
                  <td>{formatUkDate(c.leaveDate)}</td>
                  <td>{formatUkDate(c.dueDate)}</td>
                  <td className="numeric">{c.screenings}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {confirming ? (
            <div className="panel panel--warning" role="group" aria-labelledby="purge-title">
              <h4 id="purge-title">Delete the records of {selected.size} children for good?</h4>
              <p>
                Their screenings and details are deleted and cannot be brought back from the app. Older backups keep them until those backups are rotated out.
              </p>
              <div className="button-row">
                <button type="button" className="button button--warning" onClick={purge}>
                  Yes, delete
                </button>
                <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
                  Cancel
                </button>
              </div>
            </div>
          ) : (
            <button type="button" className="button button--warning" disabled={selected.size === 0} onClick={() => setConfirming(true)}>
              Delete the chosen records…
            </button>
          )}
        </>
      )}
    </section>
  );
}
