import type { Db } from '../connection.js';

// App-wide key/value settings (0006): backup_keep, and whatever small settings come later.

export function appSettingsRepo(db: Db) {
  return {
    get(key: string): string | null {
      const row = db.prepare('SELECT value FROM app_settings WHERE key = ?').get(key) as { value: string } | undefined;
      return row ? row.value : null;
    },

    set(key: string, value: string, now: string): void {
      db.prepare(
        `INSERT INTO app_settings (key, value, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      ).run(key, value, now);
    },
  };
}
