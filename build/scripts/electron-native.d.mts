/** Builds better-sqlite3 for Electron into .electron-native/ (once); false if it cannot. */
export function buildElectronNative(root: string): boolean;
