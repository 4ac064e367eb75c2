import { homedir } from 'node:os';
import { join } from 'node:path';

export const appFolderName = 'Chatterbox';
export const databaseFileName = 'chatterbox.sqlite';

/**
 * The user's data folder, computed the way Electron's app.getPath('userData') does for an app
 * named Chatterbox, so the desktop app and browser mode open the same file without Electron.
 */
export function userDataFolder(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), appFolderName);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', appFolderName);
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), appFolderName);
}

/** `--db PATH` wins, then CHATTERBOX_DB, then the file in the user's data folder. */
export function resolveDatabasePath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag || env.CHATTERBOX_DB || join(userDataFolder(process.platform, env), databaseFileName);
}
