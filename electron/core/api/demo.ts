import { AppError } from '../../../shared/errors.js';
import { generateDemo } from '../demo/generate.js';
import { invokerOnDay } from '../demo/on-day.js';
import type { demoContract } from '../../../shared/contract/demo.js';
import type { DomainHandlers } from './types.js';

export const demoHandlers = {
  'demo.load': (ctx) => {
    // Demo data is for trying the app out; mixing it into a database with real children would
    // put fictional records into real reports.
    if (ctx.repos.settings.count() > 0) {
      throw new AppError('CONFLICT', 'Demo data can only be added to an empty database. Use `npm run demo -- --db FILE` for a separate demo database.');
    }
    return generateDemo(ctx.invoke, { today: ctx.clock.today(), invokeOn: invokerOnDay(ctx, ctx.session) });
  },
} satisfies DomainHandlers<typeof demoContract>;
