import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract/index.js';
import { ApiCallError } from '../../../shared/errors.js';
import { dispatch } from '../api/registry.js';
import { createSession, fixedClock, type CoreContext, type Session } from '../context.js';

export type Invoke = <M extends MethodName>(method: M, input: MethodInput<M>) => MethodOutput<M>;

/**
 * Calls the API as `session` with the clock reading the given day. Demo history (a year of visits,
 * target reviews) is recorded on the day it happened, so every rule that looks at "today" (a
 * review not in the future, a planned visit not in the past, a whole-setting target reviewed no
 * earlier than it was agreed) judges it as it would have on that day, and its timestamps read
 * right. Runs inside the caller's transaction, like any nested call. Each day gets a session of
 * its own for the same account: on the caller's, the clock going back a year would look like
 * a year idle and lock it.
 */
export function invokerOnDay(core: CoreContext, session: Session): (today: string) => Invoke {
  return (today) => {
    const dayCore: CoreContext = {
      connection: core.connection,
      get db() {
        return core.db;
      },
      get repos() {
        return core.repos;
      },
      clock: fixedClock(today),
      databasePath: core.databasePath,
    };
    const daySession = createSession(session.account);
    return (method, input) => {
      const result = dispatch(dayCore, daySession, method, input);
      if (!result.ok) throw new ApiCallError(result.error);
      // dispatch validated the input for this method and ran its handler, so the value has its output type.
      return result.value as never;
    };
  };
}
