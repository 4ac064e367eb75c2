import { latestSchemaVersion } from '../db/migrations.js';
import { appVersion } from '../version.js';
import type { appContract } from '../../../shared/contract/app.js';
import type { DomainHandlers } from './types.js';

export const appHandlers = {
  'app.info': (ctx) => ({
    version: appVersion,
    schemaVersion: latestSchemaVersion,
    databasePath: ctx.databasePath,
    today: ctx.clock.today(),
    settingCount: ctx.repos.settings.count(),
    readOnly: ctx.db.readonly,
    encrypted: ctx.connection.encrypted,
    integrity: ctx.connection.integrity,
  }),
} satisfies DomainHandlers<typeof appContract>;
