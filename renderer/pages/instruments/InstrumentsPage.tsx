import type { FormEvent } from 'react';
import { Link } from 'react-router';
import type { Instrument } from '../../../shared/schemas/instruments.js';
import { instrumentCopySchema } from '../../../shared/schemas/instruments.js';
import { TextField } from '../../components/fields.js';
import { InlineForm } from '../../components/InlineForm.js';
import { RecordTable } from '../../components/RecordTable.js';
import { WhenLoaded } from '../../components/WhenLoaded.js';
import { useApiClient } from '../../lib/apiClient.js';
import { useAppState } from '../../lib/appState.js';
import { useApi } from '../../lib/useApi.js';
import { useRecordForm } from '../../lib/useRecordForm.js';

/** The screening tools: which exist, which is the default, and a way to make a new version. */
export function InstrumentsPage() {
  const api = useApiClient();
  const instruments = useApi('instruments.list', {});
  const { notify } = useAppState();
  // The form here only ever copies: "editing" is the tool being copied, and the form shows only then.
  const copy = useRecordForm<Instrument, { name: string }>({ name: '' });
  const copyFrom = copy.editing;

  async function makeDefault(i: Instrument) {
    const previous = instruments.data?.find((x) => x.isDefault);
    await api('instruments.setDefault', { id: i.id });
    instruments.reload();
    notify({
      message: `${i.name} is now the default for new screenings`,
      ...(previous ? { undo: () => api('instruments.setDefault', { id: previous.id }) } : {}),
    });
  }

  const onCopy = (e: FormEvent) => {
    if (!copyFrom) return e.preventDefault();
    return copy.submit(e, instrumentCopySchema, { fromId: copyFrom.id, name: copy.values.name }, async (input) => {
      const created = await api('instruments.copy', input);
      notify({ message: `${created.name} created as a copy of ${copyFrom.name}` });
      instruments.reload();
    });
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to="/">Settings</Link>
      </p>
      <h1>Screening tools</h1>
      <p className="lead">
        Chatterbox records the results of screenings you carry out with your own licensed toolkit. Enter the number of items and the score cut-offs from your
        handbook so the app can work out colours from scores. Until then, screeners choose the colour from the score sheet.
      </p>
      <WhenLoaded results={[instruments]} loading={null}>
        {(list) => (
          <RecordTable
            rows={list}
            columns={[
              {
                header: 'Tool',
                cell: (i) => (
                  <>
                    <Link to={`/instruments/${i.id}`}>{i.name}</Link>
                    {i.isDefault && <span className="tag">Default</span>}
                  </>
                ),
              },
              { header: 'Cut-offs entered', cell: (i) => `${i.sections.filter((s) => s.lowestGreen !== null).length} of ${i.sections.length} sections` },
              { header: 'Screenings', numeric: true, cell: (i) => i.screeningCount },
            ]}
            actions={[
              { label: 'Make default', onClick: makeDefault, hidden: (i) => i.isDefault },
              { label: 'Copy as a new version', context: (i) => `of ${i.name}`, onClick: (i) => copy.edit(i, { name: `${i.name} (copy)` }) },
            ]}
          />
        )}
      </WhenLoaded>
      {copyFrom && (
        <InlineForm
          title={`New version of ${copyFrom.name}`}
          level={2}
          label="Copy a screening tool"
          intro={<p>Screenings already recorded keep the version they used.</p>}
          errors={copy.errors}
          order={['name']}
          submitLabel="Create copy"
          onSubmit={onCopy}
          onCancel={copy.reset}
        >
          <TextField label="Name of the new version" {...copy.field('name')} width="medium" />
        </InlineForm>
      )}
    </>
  );
}
