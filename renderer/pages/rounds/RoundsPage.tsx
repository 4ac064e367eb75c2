import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { roundInputSchema, type Round } from '../../../shared/schemas/rounds.js';
import { DateField, TextField } from '../../components/fields.js';
import { InlineForm } from '../../components/InlineForm.js';
import { RecordTable } from '../../components/RecordTable.js';
import { WhenLoaded } from '../../components/WhenLoaded.js';
import { useApiClient } from '../../lib/apiClient.js';
import { useAppState } from '../../lib/appState.js';
import { formatUkDate, fromUkInput, toUkInput } from '../../lib/format.js';
import { useApi } from '../../lib/useApi.js';
import { useRecordForm } from '../../lib/useRecordForm.js';

/** Screening rounds: the terms screenings are counted in. */
export function RoundsPage() {
  const api = useApiClient();
  const rounds = useApi('rounds.list', {});
  const { notify } = useAppState();
  const form = useRecordForm<Round, { name: string; startDate: string; endDate: string }>({ name: '', startDate: '', endDate: '' });
  const { editing, values, errors } = form;

  const onSubmit = (e: FormEvent) =>
    form.submit(
      e,
      roundInputSchema,
      { name: values.name, startDate: fromUkInput(values.startDate) ?? undefined, endDate: fromUkInput(values.endDate) ?? undefined },
      async (round) => {
        if (editing) {
          const before = { id: editing.id, name: editing.name, startDate: editing.startDate, endDate: editing.endDate };
          await api('rounds.update', { id: editing.id, ...round });
          notify({ message: `${round.name} saved`, undo: () => api('rounds.update', before) });
        } else {
          await api('rounds.create', round);
          notify({ message: `${round.name} added` });
        }
        rounds.reload();
      },
    );

  async function remove(r: Round) {
    await api('rounds.delete', { id: r.id });
    rounds.reload();
    notify({
      message: `${r.name} removed (its screenings are kept)`,
      undo: () => api('rounds.create', { name: r.name, startDate: r.startDate, endDate: r.endDate }),
    });
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to="/">Settings</Link>
      </p>
      <h1>Screening rounds</h1>
      <p className="lead">A round is a term you screen in, for example Autumn 2026. Each screening counts in the round its date falls in.</p>
      <WhenLoaded results={[rounds]} loading={null}>
        {(list) => (
          <RecordTable
            rows={list}
            empty={null}
            columns={[
              { header: 'Round', rowHeader: true, cell: (r) => r.name },
              { header: 'From', cell: (r) => formatUkDate(r.startDate) },
              { header: 'To', cell: (r) => formatUkDate(r.endDate) },
              { header: 'Children screened', numeric: true, cell: (r) => r.screeningCount },
            ]}
            actions={[
              { label: 'Edit', onClick: (r) => form.edit(r, { name: r.name, startDate: toUkInput(r.startDate), endDate: toUkInput(r.endDate) }) },
              { label: 'Remove', onClick: remove },
            ]}
          />
        )}
      </WhenLoaded>
      <InlineForm
        title={editing ? `Edit ${editing.name}` : 'Add a round'}
        level={2}
        errors={errors}
        order={['name', 'startDate', 'endDate']}
        submitLabel={editing ? 'Save round' : 'Add round'}
        onSubmit={onSubmit}
        onCancel={editing ? form.reset : undefined}
      >
        <TextField label="Name" hint="For example, Autumn 2026" {...form.field('name')} width="medium" />
        <DateField label="First day" {...form.field('startDate')} />
        <DateField label="Last day" {...form.field('endDate')} />
      </InlineForm>
    </>
  );
}
