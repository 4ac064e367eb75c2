import { settingTargetStatusLabels, type SettingTargetStatus } from '../../../shared/domain/settingTargets.js';

const tagClass: Record<SettingTargetStatus, string> = {
  planned: 'tag',
  'in-progress': 'tag tag--purple',
  achieved: 'tag tag--due',
  stopped: 'tag tag--grey',
};

/** A target's status in words, always with the word (the colour only helps). */
export function StatusTag({ status }: { status: SettingTargetStatus }) {
  return <span className={tagClass[status]}>{settingTargetStatusLabels[status]}</span>;
}
