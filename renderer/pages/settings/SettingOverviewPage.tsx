import { useState } from 'react';
import { Link } from 'react-router';
import { settingTypeLabels } from '../../../shared/schemas/settings.js';
import { ReviewIntervalsForm } from './ReviewIntervalsForm.js';
import { useAppState } from '../../lib/appState.js';
import { errorsFromFailure } from '../../lib/forms.js';
import { useArchive } from '../../lib/useArchive.js';
import { useSetting } from './SettingLayout.js';
import { WhatIsDue } from './WhatIsDue.js';
import { rollLabels } from '../../../shared/domain/roll.js';
import { useSession } from '../../lib/session.js';

export function SettingOverviewPage() {
  const { setting, reloadSetting } = useSetting();
  // Only those who may change the setting (managers) are offered its edit, intervals and archive.
  const { may } = useSession();
  const canChange = may('settings:write');
  const { refreshInfo } = useAppState();
  const [error, setError] = useState<string>();
  const archive = useArchive('settings.archive', () => {
    reloadSetting();
    refreshInfo();
  });

  async function setArchived(archived: boolean) {
    try {
      await archive(setting.id, archived, archived ? `${setting.name} archived` : `${setting.name} restored`);
    } catch (err) {
      setError(errorsFromFailure(err).form);
    }
  }

  const nextSteps = [
    { done: setting.roomCount > 0, text: 'Add your rooms', to: `/s/${setting.id}/people` },
    { done: setting.staffCount > 0, text: 'Add your staff', to: `/s/${setting.id}/people` },
    { done: setting.childrenOnRoll > 0, text: 'Add children', to: `/s/${setting.id}/children/new` },
  ];
  const remaining = nextSteps.filter((s) => !s.done);

  return (
    <>
      <div className="page-heading">
        <h1>Overview</h1>
        <div className="button-row button-row--tight">
          {may('reports:child') && (
            <Link className="button button--secondary" to={`/s/${setting.id}/reports`}>
              Progress reports
            </Link>
          )}
          {canChange && (
            <Link className="button button--secondary" to={`/s/${setting.id}/edit`}>
              Edit setting details
            </Link>
          )}
        </div>
      </div>
      {remaining.length > 0 && (
        <section className="panel panel--next" aria-labelledby="next-steps">
          <h2 id="next-steps">What to do next</h2>
          <ul className="checklist">
            {nextSteps.map((s) => (
              <li key={s.text} className={s.done ? 'checklist__done' : ''}>
                {s.done ? (
                  <>
                    <span className="visually-hidden">Done: </span>
                    {s.text}
                  </>
                ) : (
                  <Link to={s.to}>{s.text}</Link>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {setting.childrenOnRoll > 0 && <WhatIsDue setting={setting} />}
      <h2>At a glance</h2>
      <div className="cards">
        <Link className="card" to={`/s/${setting.id}/children`}>
          <span className="card__number">{setting.childrenOnRoll}</span>
          <span className="card__label">children {rollLabels.today}</span>
        </Link>
        <Link className="card" to={`/s/${setting.id}/people`}>
          <span className="card__number">{setting.roomCount}</span>
          <span className="card__label">rooms</span>
        </Link>
        <Link className="card" to={`/s/${setting.id}/people`}>
          <span className="card__number">{setting.staffCount}</span>
          <span className="card__label">staff</span>
        </Link>
      </div>
      <h2>Details</h2>
      <dl className="summary-list">
        <div>
          <dt>Name</dt>
          <dd>{setting.name}</dd>
        </div>
        <div>
          <dt>Ofsted URN</dt>
          <dd>{setting.urn}</dd>
        </div>
        <div>
          <dt>Type</dt>
          <dd>{settingTypeLabels[setting.type]}</dd>
        </div>
        <div>
          <dt>Local authority</dt>
          <dd>{setting.localAuthority || 'Not recorded'}</dd>
        </div>
      </dl>
      {canChange && <ReviewIntervalsForm key={JSON.stringify(setting.reviewIntervals)} setting={setting} onSaved={reloadSetting} />}
      {/* Rarely needed and hard to undo by accident, so last on the page and not in red. */}
      {canChange && (
        <section className="manage-setting" aria-labelledby="manage-setting">
          <h2 id="manage-setting">Manage setting</h2>
          {error && (
            <p className="error-text" role="alert">
              {error}
            </p>
          )}
          {setting.archivedAt ? (
            <>
              <p>This setting is archived: its records are kept, but it is hidden from the list of settings.</p>
              <button type="button" className="button button--secondary" onClick={() => setArchived(false)}>
                Restore this setting
              </button>
            </>
          ) : (
            <>
              <p>Archive a setting that has closed or no longer uses Chatterbox. Its records are kept and it can be restored.</p>
              <button type="button" className="button button--secondary" onClick={() => setArchived(true)}>
                Archive this setting
              </button>
            </>
          )}
        </section>
      )}
    </>
  );
}
