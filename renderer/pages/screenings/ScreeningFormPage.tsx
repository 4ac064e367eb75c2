import { useParams } from 'react-router';
import { WhenLoaded } from '../../components/WhenLoaded.js';
import { useApi } from '../../lib/useApi.js';
import { useSetting } from '../settings/SettingLayout.js';
import { ScreeningForm } from './ScreeningForm.js';

/** /s/:settingId/children/:childId/screenings/new and …/:screeningId/edit: the form, once the child, tools and staff are in. */
export function ScreeningFormPage() {
  const { childId = '', screeningId } = useParams();
  const child = useApi('children.get', { id: childId });
  const instruments = useApi('instruments.list', {});
  const staff = useApi('staff.list', { settingId: useSetting().setting.id, includeArchived: true });
  const existing = useApi('screenings.get', screeningId ? { id: screeningId } : null);
  return (
    <WhenLoaded results={[child, instruments, staff, screeningId ? existing : null]}>
      {(c, i, s, e) => <ScreeningForm key={screeningId ?? 'new'} child={c} instruments={i} staff={s} existing={e} />}
    </WhenLoaded>
  );
}
