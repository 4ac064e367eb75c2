import { useEffect, useState } from 'react';
import type { SettingSummary } from '../../../shared/schemas/settings.js';
import { settingTypeLabels, type SettingType } from '../../../shared/schemas/settings.js';
import { optionsFrom, RadioGroup, SelectField } from '../../components/fields.js';

type ScopeKind = 'all' | 'la' | 'type' | 'chosen';

/**
 * Which settings an area report covers, as URL parameters for the preview: every setting the
 * person reaches, one local authority's, one type, or settings ticked one by one.
 */
export function AreaScopeChooser({ settings, onChange }: { settings: SettingSummary[]; onChange: (params: Record<string, string>) => void }) {
  const authorities = [...new Set(settings.map((s) => s.localAuthority).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'en-GB'));
  const [kind, setKind] = useState<ScopeKind>('all');
  const [la, setLa] = useState(authorities[0] ?? '');
  const [type, setType] = useState<SettingType>('nursery');
  const [chosen, setChosen] = useState<string[]>([]);

  useEffect(() => {
    if (kind === 'la' && la) onChange({ la });
    else if (kind === 'type') onChange({ type });
    else if (kind === 'chosen' && chosen.length > 0) onChange({ settings: chosen.join(',') });
    else onChange({});
  }, [kind, la, type, chosen, onChange]);

  return (
    <div className="report-controls">
      <RadioGroup<ScopeKind>
        name="scopeKind"
        legend="Which settings?"
        value={kind}
        options={[
          { value: 'all', label: `Every setting you work with (${settings.length})` },
          ...(authorities.length > 0 ? [{ value: 'la' as const, label: 'The settings of one local authority' }] : []),
          { value: 'type', label: 'One type of setting' },
          { value: 'chosen', label: 'Settings I choose' },
        ]}
        onChange={setKind}
      />
      {kind === 'la' && (
        <SelectField name="scopeLa" label="Local authority" value={la} options={authorities.map((a) => ({ value: a, label: a }))} onChange={setLa} />
      )}
      {kind === 'type' && <SelectField name="scopeType" label="Type of setting" value={type} options={optionsFrom(settingTypeLabels)} onChange={setType} />}
      {kind === 'chosen' && (
        <fieldset className="field">
          <legend className="field__label">Settings</legend>
          <p className="field__hint">With none ticked, the report covers every setting you work with.</p>
          <div className="report-settings-choice">
            {settings.map((s) => (
              <div className="checkbox" key={s.id}>
                <input
                  id={`scope-setting-${s.id}`}
                  type="checkbox"
                  checked={chosen.includes(s.id)}
                  onChange={(e) => setChosen((c) => (e.target.checked ? [...c, s.id] : c.filter((id) => id !== s.id)))}
                />
                <label htmlFor={`scope-setting-${s.id}`}>{s.name}</label>
              </div>
            ))}
          </div>
        </fieldset>
      )}
    </div>
  );
}
