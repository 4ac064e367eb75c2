import type { sessionContract } from '../../../shared/contract/session.js';
import { AppError } from '../../../shared/errors.js';
import type { DomainHandlers } from './types.js';

// Each caller's own session (see context.ts): choosing who is using the app in one window never
// changes it in another.

export const sessionHandlers = {
  'session.getActor': (ctx) => ctx.session.actor,
  'session.setActor': (ctx, input) => {
    if (input.staffId) {
      const person = ctx.repos.staff.get(input.staffId);
      if (person.archivedAt)
        throw new AppError('VALIDATION', `${person.name} has left`, [{ path: ['staffId'], message: `${person.name} has left: choose someone else` }]);
      ctx.session.actor = { staffId: person.id, name: person.name };
    } else {
      ctx.session.actor = { staffId: null, name: input.name };
    }
    return ctx.session.actor;
  },
} satisfies DomainHandlers<typeof sessionContract>;
