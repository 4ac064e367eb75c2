import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { childSummaryAudienceLabels, narrativeMaxLength, type ChildSummaryAudience } from '../../../shared/schemas/reports.js';
import { AsyncButton } from '../../components/AsyncButton.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { optionsFrom, RadioGroup, TextAreaField } from '../../components/fields.js';
import { WhenLoaded } from '../../components/WhenLoaded.js';
import { useApiClient } from '../../lib/apiClient.js';
import { errorsFromFailure, type FieldErrors } from '../../lib/forms.js';
import { useApi } from '../../lib/useApi.js';
import { useSetting } from '../settings/SettingLayout.js';
import { ChildSummaryDocument } from './ChildSummaryDocument.js';

// Writing a child's progress summary: who it is for, the key person's note, and below them the
// summary as it will print. The preview is fetched once per audience and the note is laid into it
// here as it is typed, so typing sends nothing to the core; "Save and print" produces the summary
// (the core works it out again and stores that snapshot) and opens the saved copy to print.

const order = ['audience', 'note'];

export function ChildSummaryPage() {
  const { childId = '' } = useParams();
  const { setting } = useSetting();
  const api = useApiClient();
  const navigate = useNavigate();
  const [audience, setAudience] = useState<ChildSummaryAudience | ''>('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const preview = useApi('reports.childPreview', { childId, audience: audience || 'parents', note: '' });
  const childPage = `/s/${setting.id}/children/${childId}`;
  const over = note.trim().length > narrativeMaxLength;

  async function produce() {
    if (!audience) {
      setErrors({ audience: 'Choose who the summary is for' });
      return;
    }
    if (over) {
      setErrors({ note: `Keep this to ${narrativeMaxLength} characters or fewer` });
      return;
    }
    setErrors({});
    try {
      const report = await api('reports.produceChild', { childId, audience, note });
      navigate(`${childPage}/summaries/${report.id}`);
    } catch (err) {
      setErrors(errorsFromFailure(err));
    }
  }

  return (
    <WhenLoaded results={[preview]} errorClassName="error-text">
      {(p) => (
        <>
          <p className="breadcrumb cs-screen-only">
            <Link to={`/s/${setting.id}/children`}>Children</Link> › <Link to={childPage}>{p.child.name}</Link>
          </p>
          <div className="child-summary-form cs-screen-only">
            <h1>Progress summary for {p.child.name}</h1>
            <p>
              A summary in plain words of {p.child.name}’s checks, targets and ideas for home. Saving it keeps a copy exactly as printed, so it can be printed
              again later.
            </p>
            <ErrorSummary errors={errors} order={order} />
            {errors.form && (
              <p className="error-text" role="alert">
                {errors.form}
              </p>
            )}
            <RadioGroup
              name="audience"
              legend="Who is the summary for?"
              value={audience}
              options={optionsFrom(childSummaryAudienceLabels)}
              onChange={setAudience}
              error={errors.audience}
            />
            <TextAreaField
              name="note"
              label="Your note to the reader (optional)"
              hint={`Printed first, in your own words. ${note.trim().length} of ${narrativeMaxLength} characters used.`}
              value={note}
              onChange={setNote}
              error={errors.note ?? (over ? `Keep this to ${narrativeMaxLength} characters or fewer` : undefined)}
            />
            <div className="button-row">
              <AsyncButton className="button" onClick={produce} busyLabel="Saving…">
                Save and print
              </AsyncButton>
              <Link className="button button--secondary" to={childPage}>
                Cancel
              </Link>
            </div>
            <h2>Preview</h2>
            {!audience && <p className="muted">Showing the version for parents and carers until you choose.</p>}
          </div>
          <div className="child-summary-preview">
            <ChildSummaryDocument summary={{ ...p, note: note.trim() }} />
          </div>
        </>
      )}
    </WhenLoaded>
  );
}
