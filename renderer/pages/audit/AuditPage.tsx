import { contract, methodNames } from '../../../shared/contract/index.js';
import { isIsoDate } from '../../../shared/domain/dates.js';
import { plural } from '../../../shared/domain/words.js';
import { ExportButtons } from '../../components/ExportButtons.js';
import { recordOptions } from '../../components/fields.js';
import { FilterSelect } from '../../components/filters.js';
import { Pager } from '../../components/Pager.js';
import { PrintButton } from '../../components/PrintButton.js';
import { WhenLoaded } from '../../components/WhenLoaded.js';
import { auditWording, auditWords, changeWords } from '../../lib/auditWords.js';
import { formatUkDate, formatUkDateTime, fromUkInput } from '../../lib/format.js';
import { useApi } from '../../lib/useApi.js';
import { useUrlParams } from '../../lib/useUrlParams.js';

const pageSize = 100;

// Only what the trail records can be filtered for; the choices say it in words, by method name.
const changeOptions = methodNames
  .filter((m) => contract[m].audit.mode !== 'none')
  .map((m) => ({ value: m, label: auditWords[m] }))
  .sort((a, b) => a.label.localeCompare(b.label));

type Change = { field: string; before: string | null; after: string | null };

/** The changes of one row in words, leaving out those no reader can use (see changeWords). */
const readableChanges = (changes: readonly Change[], names: Readonly<Record<string, string>>): Change[] => changes.flatMap((c) => changeWords(c, names) ?? []);

const changeText = (c: Change) => `${c.field}: ${c.before ?? '(empty)'} -> ${c.after ?? '(empty)'}`;

/** The audit trail: who changed what and when. Read-only: nothing here can change it. */
export function AuditPage() {
  const [params, update] = useUrlParams();
  const settings = useApi('settings.list', { includeArchived: true });
  const settingId = params.get('setting') || null;
  const method = params.get('what') ?? '';
  const actor = params.get('who') ?? '';
  const fromText = params.get('from') ?? '';
  const toText = params.get('to') ?? '';
  const from = fromUkInput(fromText);
  const to = fromUkInput(toText);
  const page = Math.max(0, Number(params.get('page') ?? 0) || 0);
  const audit = useApi('audit.list', {
    settingId,
    method: method || null,
    actor: actor || null,
    from: from && isIsoDate(from) ? from : null,
    to: to && isIsoDate(to) ? to : null,
    limit: pageSize,
    offset: page * pageSize,
  });
  const settingName = new Map((settings.data ?? []).map((s) => [s.id, s.name]));

  return (
    <>
      <div className="page-heading">
        <h1>Audit trail</h1>
        <PrintButton />
      </div>
      <p className="lead">Every change to the records, who made it and when. The trail cannot be edited.</p>
      <div className="filters" role="search" aria-label="Filter the audit trail">
        <FilterSelect
          id="audit-setting"
          label="Setting"
          value={settingId ?? ''}
          anyLabel="All settings"
          options={recordOptions(settings.data ?? [])}
          onChange={(v) => update({ setting: v })}
        />
        <FilterSelect id="audit-what" label="Change" value={method} anyLabel="All changes" options={changeOptions} onChange={(v) => update({ what: v })} />
        <div className="field field--inline">
          <label htmlFor="audit-who">Person</label>
          <input id="audit-who" className="input" value={actor} onChange={(e) => update({ who: e.target.value })} />
        </div>
        <div className="field field--inline">
          <label htmlFor="audit-from">From (dd/mm/yyyy)</label>
          <input id="audit-from" className="input input--short" value={fromText} onChange={(e) => update({ from: e.target.value })} />
        </div>
        <div className="field field--inline">
          <label htmlFor="audit-to">To (dd/mm/yyyy)</label>
          <input id="audit-to" className="input input--short" value={toText} onChange={(e) => update({ to: e.target.value })} />
        </div>
      </div>
      <WhenLoaded results={[audit]} loading={null}>
        {(found) => (
          <>
            <p className="result-count">{plural(found.total, 'change')}</p>
            <table className="table">
              <caption className="visually-hidden">Audit trail, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                  <th scope="col">Setting</th>
                  <th scope="col">Changes</th>
                </tr>
              </thead>
              <tbody>
                {found.rows.map((r) => (
                  <tr key={r.id}>
                    <td>{formatUkDateTime(r.at)}</td>
                    <td>{r.actorName}</td>
                    <td>{auditWording(r.method)}</td>
                    <td>{r.settingId ? (settingName.get(r.settingId) ?? 'Removed setting') : '–'}</td>
                    <td>
                      <ChangeList changes={readableChanges(r.changes, found.names)} note={r.note} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager page={page} total={found.total} pageSize={pageSize} onPage={(p) => update({ page: String(p) })} labels={['Newer', 'Older']} />
            <ExportButtons
              label="this page of the audit trail"
              table={() => ({
                title: `Audit trail ${formatUkDate(new Date().toISOString().slice(0, 10))}`,
                columns: ['When', 'Who', 'What', 'Setting', 'Changes'],
                rows: found.rows.map((r) => [
                  formatUkDateTime(r.at),
                  r.actorName,
                  auditWording(r.method),
                  r.settingId ? (settingName.get(r.settingId) ?? '') : '',
                  readableChanges(r.changes, found.names).map(changeText).join('; ').slice(0, 2000),
                ]),
              })}
            />
          </>
        )}
      </WhenLoaded>
    </>
  );
}

function ChangeList({ changes, note }: { changes: Change[]; note: string }) {
  if (changes.length === 0) return <span className="muted">{note || '–'}</span>;
  return (
    <ul className="changes">
      {changes.slice(0, 8).map((c) => (
        <li key={c.field}>
          {c.field}: {c.before === null ? <span className="muted">(empty)</span> : c.before} →{' '}
          {c.after === null ? <span className="muted">(empty)</span> : c.after}
        </li>
      ))}
      {changes.length > 8 && <li className="muted">and {changes.length - 8} more</li>}
    </ul>
  );
}
