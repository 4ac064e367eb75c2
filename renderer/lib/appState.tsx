import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import type { MethodOutput } from '../../shared/contract/index.js';

// App-wide state kept small on purpose: what the core told us at start-up (today's date, the
// database), and the one status message shown after an action, with its optional Undo.

export type AppInfo = MethodOutput<'app.info'>;

export interface Notice {
  message: string;
  /** Reverses the action; every open view reloads afterwards. */
  undo?: () => Promise<unknown>;
}

interface AppState {
  info: AppInfo;
  refreshInfo: () => void;
  notice: Notice | null;
  notify: (notice: Notice | null) => void;
  /** Makes every loaded view fetch again: after an Undo, whatever screen is open shows the result. */
  reloadAll: () => void;
}

/** Bumped by reloadAll; useApi refetches when it changes. */
export const DataVersionContext = createContext(0);

const AppStateContext = createContext<AppState | null>(null);

export function AppStateProvider({ info, refreshInfo, children }: { info: AppInfo; refreshInfo: () => void; children: ReactNode }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const [dataVersion, setDataVersion] = useState(0);
  const notify = useCallback((n: Notice | null) => setNotice(n), []);
  const reloadAll = useCallback(() => {
    setDataVersion((v) => v + 1);
    refreshInfo();
  }, [refreshInfo]);
  return (
    <AppStateContext.Provider value={{ info, refreshInfo, notice, notify, reloadAll }}>
      <DataVersionContext.Provider value={dataVersion}>{children}</DataVersionContext.Provider>
    </AppStateContext.Provider>
  );
}

export function useAppState(): AppState {
  const state = useContext(AppStateContext);
  if (!state) throw new Error('useAppState outside AppStateProvider');
  return state;
}

/** "Today" as the core sees it, so a pinned demo date and the rules agree. */
export function useToday(): string {
  return useAppState().info.today;
}
