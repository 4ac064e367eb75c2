import { useSearchParams } from 'react-router';
import type { SettingType } from '../../../shared/schemas/settings.js';
import { AsyncButton } from '../../components/AsyncButton.js';
import { useApiClient } from '../../lib/apiClient.js';
import { downloadFile } from '../../lib/exportTable.js';
import { useApi } from '../../lib/useApi.js';
import { AttemptError, useAttempt } from '../../lib/useAttempt.js';
import { defaultRound } from './CohortDashboard.js';

/**
 * One workbook of every child in the settings shown, for the round shown: what a local authority
 * sends on, in one file instead of one per setting.
 */
export function LaTrackerButton({ localAuthority, settingType }: { localAuthority: string | null; settingType: SettingType | null }) {
  const api = useApiClient();
  const [params] = useSearchParams();
  const rounds = useApi('rounds.list', {});
  const { error, attempt } = useAttempt();
  const round = rounds.data?.find((r) => r.id === params.get('round')) ?? (rounds.data ? defaultRound(rounds.data) : undefined);
  return (
    <div className="export-buttons">
      <AsyncButton
        className="button button--secondary"
        busyLabel="Preparing the tracker…"
        onClick={() =>
          attempt(
            async () => downloadFile(await api('export.laTracker', { roundId: round?.id ?? null, localAuthority, settingType })),
            'The tracker could not be made',
          )
        }
      >
        Download tracker (Excel, every child in one workbook)
      </AsyncButton>
      <AttemptError error={error} />
    </div>
  );
}
