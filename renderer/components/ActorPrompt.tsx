import { useState, type FormEvent } from 'react';
import type { Actor } from '../../shared/schemas/session.js';
import type { Staff } from '../../shared/schemas/staff.js';
import { useApiClient } from '../lib/apiClient.js';
import { errorsFromFailure, type FieldErrors } from '../lib/forms.js';
import { ErrorSummary } from './ErrorSummary.js';
import { RadioGroup, recordOptions, TextField } from './fields.js';

const storageKey = 'chatterbox.actor';

/** The person chosen earlier in this browser session, so a reload does not ask again. */
export function rememberedActor(): Actor | null {
  try {
    const stored = sessionStorage.getItem(storageKey);
    return stored ? (JSON.parse(stored) as Actor) : null;
  } catch {
    return null;
  }
}

export function rememberActor(actor: Actor | null): void {
  if (actor) sessionStorage.setItem(storageKey, JSON.stringify(actor));
  else sessionStorage.removeItem(storageKey);
}

/**
 * "Who is using Chatterbox?": until there is sign-in, every change is recorded against the
 * person chosen here. Staff of the setting are listed; anyone else types their name.
 */
export function ActorPrompt({ staff, onChosen }: { staff: Staff[]; onChosen: (actor: Actor) => void }) {
  const api = useApiClient();
  const current = staff.filter((s) => !s.archivedAt);
  const [choice, setChoice] = useState(current.length > 0 ? '' : 'other');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!choice) return setErrors({ actor: 'Choose who you are' });
    if (choice === 'other' && !name.trim()) return setErrors({ actorName: 'Type your name' });
    try {
      const actor = await api('session.setActor', choice === 'other' ? { name } : { staffId: choice });
      rememberActor(actor);
      onChosen(actor);
    } catch (err) {
      setErrors(errorsFromFailure(err));
    }
  }

  return (
    <form className="panel panel--next form" onSubmit={onSubmit} noValidate aria-labelledby="actor-title">
      <h1 id="actor-title">Who is using Chatterbox?</h1>
      <p>Changes you make are recorded in the audit trail under your name.</p>
      <ErrorSummary errors={errors} order={['actor', 'actorName']} />
      <RadioGroup
        name="actor"
        legend="I am"
        value={choice}
        options={[...recordOptions(current), { value: 'other', label: 'Someone else' }]}
        onChange={setChoice}
        error={errors.actor ?? errors.staffId}
      />
      {choice === 'other' && (
        <TextField name="actorName" label="Your name" value={name} onChange={setName} error={errors.actorName ?? errors.name} width="medium" />
      )}
      <div className="button-row">
        <button type="submit" className="button">
          Continue
        </button>
      </div>
    </form>
  );
}
