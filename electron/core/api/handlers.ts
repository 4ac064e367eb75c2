import type { MethodName } from '../../../shared/contract/index.js';
import { accountsHandlers } from './accounts.js';
import { appHandlers } from './app.js';
import { auditHandlers } from './audit.js';
import { backupsHandlers } from './backups.js';
import { childrenHandlers } from './children.js';
import { cohortHandlers } from './cohort.js';
import { demoHandlers } from './demo.js';
import { encryptionHandlers } from './encryption.js';
import { exportHandlers } from './export.js';
import { importsHandlers } from './imports.js';
import { instrumentsHandlers } from './instruments.js';
import { retentionHandlers } from './retention.js';
import { roomsHandlers } from './rooms.js';
import { roundsHandlers } from './rounds.js';
import { screeningsHandlers } from './screenings.js';
import { sessionHandlers } from './session.js';
import { settingTargetsHandlers } from './settingTargets.js';
import { settingsHandlers } from './settings.js';
import { staffHandlers } from './staff.js';
import { visitsHandlers } from './visits.js';
import { strategiesHandlers } from './strategies.js';
import { targetsHandlers } from './targets.js';
import { reportsHandlers } from './reports.js';
import type { HandlerMap } from './types.js';

/** Every method's handler, one domain file each; the type fails to compile if one is missing. */
export const handlers = {
  ...appHandlers,
  ...demoHandlers,
  ...settingsHandlers,
  ...roomsHandlers,
  ...staffHandlers,
  ...childrenHandlers,
  ...instrumentsHandlers,
  ...screeningsHandlers,
  ...roundsHandlers,
  ...cohortHandlers,
  ...sessionHandlers,
  ...accountsHandlers,
  ...auditHandlers,
  ...exportHandlers,
  ...backupsHandlers,
  ...retentionHandlers,
  ...importsHandlers,
  ...encryptionHandlers,
  ...visitsHandlers,
  ...settingTargetsHandlers,
  ...strategiesHandlers,
  ...targetsHandlers,
  ...reportsHandlers,
} satisfies HandlerMap<MethodName>;
