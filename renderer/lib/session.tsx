import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Permission } from '../../shared/contract/facts.js';
import { roleMay } from '../../shared/domain/roles.js';
import { ApiCallError } from '../../shared/errors.js';
import type { Me, SessionStatus } from '../../shared/schemas/session.js';
import type { Api } from '../api.js';
import { ApiProvider, useApiClient } from './apiClient.js';

// Who is signed in to this window, and the gate in front of the app: the first-run page, the
// sign-in page, the forced password change after a reset, and the unlock screen over a locked
// page. The core decides every call (electron/core/api/access.ts); this only shows the state.

interface SessionState {
  me: Me;
  /** Whether the signed-in person's role holds a permission: navigation shows only what they may use. */
  may: (permission: Permission) => boolean;
  lock: () => void;
  signOut: () => Promise<void>;
  refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

/** A signed-in person without the gate: component tests render pages as someone. */
export function SignedInAs({ me, children }: { me: Me; children: ReactNode }) {
  const state = useMemo<SessionState>(
    () => ({ me, may: (p) => mayDo(me, p), lock: () => undefined, signOut: async () => undefined, refresh: async () => undefined }),
    [me],
  );
  return <SessionContext.Provider value={state}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionGate');
  return state;
}

/** Whether this role may: the local administrator (command line) may do anything. */
export function mayDo(me: Me, permission: Permission): boolean {
  return me.role === 'local-admin' || roleMay(me.role, permission);
}

/**
 * Wraps the client: an answer saying the window is locked or signed out (the core's idle lock, an
 * account disabled elsewhere) brings up the matching screen, wherever the call came from.
 */
function watched(api: Api, onState: (code: 'LOCKED' | 'SIGN_IN_REQUIRED') => void): Api {
  return (async (method, input) => {
    try {
      return await api(method, input);
    } catch (err) {
      if (err instanceof ApiCallError && (err.code === 'LOCKED' || err.code === 'SIGN_IN_REQUIRED')) onState(err.code);
      throw err;
    }
  }) as Api;
}

export interface GateScreens {
  firstRun: (done: () => void) => ReactNode;
  signIn: (done: () => void) => ReactNode;
  changePassword: (me: Me, done: () => void) => ReactNode;
  unlock: (me: Me, done: () => void, signOut: () => void) => ReactNode;
}

export function SessionGate({ screens, children }: { screens: GateScreens; children: ReactNode }) {
  const api = useApiClient();
  const [status, setStatus] = useState<SessionStatus | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setStatus(await api('session.status', {}));
      setFailure(null);
    } catch (err) {
      setFailure(err instanceof Error ? err.message : 'Chatterbox cannot start.');
    }
  }, [api]);
  useEffect(() => {
    let live = true;
    api('session.status', {}).then(
      (s) => live && setStatus(s),
      (err: unknown) => live && setFailure(err instanceof Error ? err.message : 'Chatterbox cannot start.'),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const onState = useCallback((code: 'LOCKED' | 'SIGN_IN_REQUIRED') => {
    setStatus((s) => (s ? (code === 'LOCKED' ? { ...s, locked: true } : { ...s, me: null, locked: false }) : s));
  }, []);
  const client = useMemo(() => watched(api, onState), [api, onState]);

  const lock = useCallback(() => {
    void api('session.lock', {}).then(setStatus, () => undefined);
  }, [api]);
  const signOut = useCallback(async () => {
    await api('session.signOut', {}).catch(() => undefined);
    await refresh();
  }, [api, refresh]);

  // The idle lock shows itself even if the page makes no call: the core locks at the same time.
  const idleMinutes = status?.idleMinutes ?? 10;
  const active = Boolean(status?.me && !status.locked && status.me.accountId);
  useEffect(() => {
    if (!active) return;
    let timer = window.setTimeout(lock, idleMinutes * 60_000);
    const reset = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(lock, idleMinutes * 60_000);
    };
    const events = ['pointerdown', 'keydown', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, reset, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, reset);
    };
  }, [active, idleMinutes, lock]);

  const me = status?.me ?? null;
  const state = useMemo<SessionState | null>(() => (me ? { me, may: (p) => mayDo(me, p), lock, signOut, refresh } : null), [me, lock, signOut, refresh]);

  if (failure) {
    return (
      <main className="app-main">
        <h1>Chatterbox cannot start</h1>
        <p role="alert">{failure}</p>
      </main>
    );
  }
  if (!status) return <p className="loading">Loading…</p>;
  if (status.firstRun) return <>{screens.firstRun(() => void refresh())}</>;
  if (!state || !me) return <>{screens.signIn(() => void refresh())}</>;
  if (me.mustChangePassword) return <>{screens.changePassword(me, () => void refresh())}</>;
  return (
    <SessionContext.Provider value={state}>
      <ApiProvider api={client}>
        {/* The page stays underneath, out of reach, while the unlock screen is up. */}
        <div inert={status.locked || undefined} aria-hidden={status.locked || undefined}>
          {children}
        </div>
        {status.locked &&
          screens.unlock(
            me,
            () => void refresh(),
            () => void signOut(),
          )}
      </ApiProvider>
    </SessionContext.Provider>
  );
}
