import { useState, type FormEvent } from 'react';
import type { TableExport } from '../../../shared/schemas/export.js';
import { strategyGroupLabels, strategyInputSchema, type Strategy, type StrategyGroup } from '../../../shared/schemas/strategies.js';
import { ExportButtons } from '../../components/ExportButtons.js';
import { optionsFrom, RadioGroup, SelectField, TextAreaField, TextField } from '../../components/fields.js';
import { FilterCheckbox, FilterSelect } from '../../components/filters.js';
import { InlineForm } from '../../components/InlineForm.js';
import { SortableHead } from '../../components/SortableHeader.js';
import { WhenLoaded } from '../../components/WhenLoaded.js';
import { useApiClient } from '../../lib/apiClient.js';
import { useAppState, useToday } from '../../lib/appState.js';
import { formatUkDate } from '../../lib/format.js';
import { useSession } from '../../lib/session.js';
import { sortRows, useSort } from '../../lib/sorting.js';
import { useApi } from '../../lib/useApi.js';
import { useArchive } from '../../lib/useArchive.js';
import { useRecordForm } from '../../lib/useRecordForm.js';
import { useSetting } from '../settings/SettingLayout.js';

type SortKey = 'title' | 'group' | 'uses';
const columns: readonly { label: string; sortKey?: SortKey }[] = [
  { label: 'Strategy', sortKey: 'title' },
  { label: 'Group', sortKey: 'group' },
  { label: 'Try at home' },
  { label: 'Targets using it', sortKey: 'uses' },
];

interface Values {
  group: StrategyGroup | '';
  title: string;
  description: string;
  homeVersion: string;
  shared: 'setting' | 'shared';
}
const empty: Values = { group: '', title: '', description: '', homeVersion: '', shared: 'setting' };

/** The strategies library as one setting sees it: the shared strategies and the setting's own. */
export function StrategiesPage() {
  const api = useApiClient();
  const { setting } = useSetting();
  const { notify } = useAppState();
  const today = useToday();
  const { may, me } = useSession();
  const canChange = may('strategies:write');
  // Shared strategies belong to every setting: only people who reach them all change them (the core checks too).
  const canChangeShared = canChange && (me.role === 'manager' || me.role === 'local-admin');
  const [search, setSearch] = useState('');
  const [group, setGroup] = useState<StrategyGroup | ''>('');
  const [showArchived, setShowArchived] = useState(false);
  const { sort, direction, onSort } = useSort<SortKey>('title');
  const list = useApi('strategies.list', { settingId: setting.id, search, group: group || null, includeArchived: showArchived });
  const form = useRecordForm<Strategy, Values>(empty);
  const { editing, values } = form;
  const archive = useArchive('strategies.archive', list.reload);

  const ordered = (rows: readonly Strategy[]) =>
    sortRows(
      rows,
      (s) => (sort === 'title' ? s.title : sort === 'group' ? strategyGroupLabels[s.group] : s.targetCount),
      direction,
      (s) => s.title,
    );

  const onSubmit = (e: FormEvent) => {
    const settingId = values.shared === 'shared' && canChangeShared ? null : setting.id;
    const fields = { group: values.group, title: values.title, description: values.description, homeVersion: values.homeVersion };
    return form.submit(e, strategyInputSchema, { settingId, ...fields }, async (checked) => {
      if (editing) {
        const before = { id: editing.id, group: editing.group, title: editing.title, description: editing.description, homeVersion: editing.homeVersion };
        await api('strategies.update', { id: editing.id, ...checked });
        notify({ message: `${checked.title} saved`, undo: () => api('strategies.update', before) });
      } else {
        const made = await api('strategies.create', checked);
        notify({ message: `${made.title} added to the library`, undo: () => api('strategies.archive', { id: made.id, archived: true }) });
      }
      list.reload();
    });
  };

  const mayEdit = (s: Strategy) => canChange && (s.settingId !== null || canChangeShared);

  return (
    <>
      <div className="page-heading">
        <h1>Strategies</h1>
      </div>
      <p>
        Everyday ways of supporting children’s talk, in our own words. The shared library is the same in every setting; {setting.name} can add its own. Each has
        a short “try at home” version to give to parents.
      </p>
      <div role="search" className="filters" aria-label="Find strategies">
        <div className="field field--inline">
          <label htmlFor="strategy-search">Search</label>
          <input id="strategy-search" className="input input--medium" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <FilterSelect
          id="filter-group"
          label="Show group"
          value={group}
          anyLabel="All groups"
          options={optionsFrom(strategyGroupLabels)}
          onChange={(v) => setGroup(v)}
        />
        <FilterCheckbox id="filter-archived" label="Show archived" checked={showArchived} onChange={setShowArchived} />
      </div>
      <WhenLoaded results={[list]} errorClassName="error-text">
        {(rows) => (
          <>
            <p className="result-count" aria-live="polite">
              {rows.length === 1 ? '1 strategy' : `${rows.length} strategies`}
            </p>
            {rows.length === 0 ? (
              <p>No strategies match. Try other words, or another group.</p>
            ) : (
              <table className="table">
                <caption className="visually-hidden">Strategies</caption>
                <SortableHead columns={canChange ? [...columns, { label: 'Actions' }] : columns} sort={sort} direction={direction} onSort={onSort} />
                <tbody>
                  {ordered(rows).map((s) => (
                    <tr key={s.id}>
                      <td>
                        <strong>{s.title}</strong> {s.settingId ? <span className="tag">{setting.name} only</span> : null}
                        {s.archivedAt && <span className="tag tag--grey">Archived</span>}
                        <br />
                        {s.description}
                      </td>
                      <td>{strategyGroupLabels[s.group]}</td>
                      <td>{s.homeVersion || <span className="muted">None yet</span>}</td>
                      <td className="numeric">{s.targetCount}</td>
                      {canChange && (
                        <td className="no-print">
                          {mayEdit(s) && (
                            <>
                              <button
                                type="button"
                                className="link-button"
                                onClick={() => form.edit(s, { ...s, shared: s.settingId ? 'setting' : 'shared' })}
                                aria-label={`Edit ${s.title}`}
                              >
                                Edit
                              </button>{' '}
                              <button
                                type="button"
                                className="link-button"
                                aria-label={`${s.archivedAt ? 'Restore' : 'Archive'} ${s.title}`}
                                onClick={() => void archive(s.id, !s.archivedAt, s.archivedAt ? `${s.title} restored` : `${s.title} archived`)}
                              >
                                {s.archivedAt ? 'Restore' : 'Archive'}
                              </button>
                            </>
                          )}
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {rows.length > 0 && may('data:export') && (
              <ExportButtons
                label="the strategies"
                table={() => strategiesTable(ordered(rows), `${setting.name} strategies ${formatUkDate(today)}`.slice(0, 100))}
              />
            )}
          </>
        )}
      </WhenLoaded>
      {canChange && (
        <InlineForm
          level={2}
          title={editing ? `Edit ${editing.title}` : 'Add a strategy'}
          errors={form.errors}
          order={['group', 'title', 'description', 'homeVersion']}
          submitLabel={editing ? 'Save strategy' : 'Add strategy'}
          onSubmit={onSubmit}
          onCancel={editing ? form.reset : undefined}
        >
          {canChangeShared && !editing && (
            <RadioGroup
              name="shared"
              legend="Who sees it"
              inline
              value={values.shared}
              options={[
                { value: 'setting', label: `${setting.name} only` },
                { value: 'shared', label: 'Every setting (shared library)' },
              ]}
              onChange={form.set('shared')}
            />
          )}
          <SelectField label="Group" {...form.field('group')} options={optionsFrom(strategyGroupLabels)} emptyLabel="Choose a group" />
          <TextField label="Title" {...form.field('title')} width="long" />
          <TextAreaField label="What to do" hint="One to three sentences, in plain words." {...form.field('description')} />
          <TextField label="Try at home (optional)" hint="One sentence for parents." {...form.field('homeVersion')} width="long" />
        </InlineForm>
      )}
    </>
  );
}

/** The strategies on screen as a spreadsheet, in the order shown. */
function strategiesTable(rows: readonly Strategy[], title: string): TableExport {
  return {
    title,
    columns: ['Strategy', 'Group', 'What to do', 'Try at home', 'Shared or own', 'Archived', 'Targets using it'],
    rows: rows.map((s) => [
      s.title,
      strategyGroupLabels[s.group],
      s.description,
      s.homeVersion,
      s.settingId ? 'Own' : 'Shared',
      s.archivedAt ? formatUkDate(s.archivedAt.slice(0, 10)) : '',
      s.targetCount,
    ]),
  };
}
