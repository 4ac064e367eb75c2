import { useState } from 'react';
import { strategyGroupLabels } from '../../../shared/schemas/strategies.js';
import { useApi } from '../../lib/useApi.js';

interface Props {
  settingId: string;
  chosen: readonly string[];
  /** Titles of strategies already on the target, which the search may not be showing. */
  knownTitles: Readonly<Record<string, string>>;
  onChange: (ids: string[]) => void;
  error?: string | undefined;
}

/** Picks strategies for a target from the library: search, add, remove. */
export function StrategyPicker({ settingId, chosen, knownTitles, onChange, error }: Props) {
  const [search, setSearch] = useState('');
  const found = useApi('strategies.list', { settingId, search });
  const titles: Record<string, string> = { ...knownTitles };
  for (const s of found.data ?? []) titles[s.id] = s.title;
  const offered = (found.data ?? []).filter((s) => !chosen.includes(s.id)).slice(0, 8);
  return (
    <fieldset className={`field${error ? ' field--error' : ''}`} id="field-strategyIds">
      <legend className="field__label">Strategies</legend>
      {error && (
        <p className="field__error">
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      {chosen.length === 0 ? (
        <p className="muted">None chosen yet.</p>
      ) : (
        <ul className="plain-list">
          {chosen.map((id) => (
            <li key={id}>
              {titles[id] ?? 'A strategy'}{' '}
              <button type="button" className="link-button no-print" onClick={() => onChange(chosen.filter((x) => x !== id))}>
                Remove<span className="visually-hidden"> {titles[id]}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="field field--inline no-print">
        <label htmlFor="strategy-picker-search">Find a strategy</label>
        <input id="strategy-picker-search" className="input input--medium" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
      </div>
      <ul className="plain-list no-print" aria-label="Strategies found">
        {offered.map((s) => (
          <li key={s.id}>
            <button type="button" className="link-button" onClick={() => onChange([...chosen, s.id])}>
              Add<span className="visually-hidden"> {s.title}</span>
            </button>{' '}
            {s.title} <span className="muted">({strategyGroupLabels[s.group]})</span>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
