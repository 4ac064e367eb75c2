import { foldForSearch } from '../../../../shared/domain/search.js';
import type { Strategy, StrategyGroup } from '../../../../shared/schemas/strategies.js';
import type { Db } from '../connection.js';
import { newId, notFound } from './rows.js';

interface StrategyRow {
  id: string;
  setting_id: string | null;
  group_name: StrategyGroup;
  title: string;
  description: string;
  home_version: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
  target_count: number;
}

const select = `
  SELECT s.*, (SELECT count(*) FROM child_target_strategies ts WHERE ts.strategy_id = s.id) AS target_count
  FROM strategies s`;

function toStrategy(r: StrategyRow): Strategy {
  return {
    id: r.id,
    settingId: r.setting_id,
    group: r.group_name,
    title: r.title,
    description: r.description,
    homeVersion: r.home_version ?? '',
    archivedAt: r.archived_at,
    targetCount: r.target_count,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export interface StrategyFields {
  group: StrategyGroup;
  title: string;
  description: string;
  homeVersion: string;
}

export function strategiesRepo(db: Db) {
  return {
    /**
     * The shared library plus one setting's own. The library is a few dozen rows per setting, so
     * the text search folds accents in code, as the children search does, rather than in SQL.
     */
    list(q: { settingId: string | null; search: string; group: StrategyGroup | null; includeArchived: boolean }): Strategy[] {
      const rows = db
        .prepare(
          `${select} WHERE (s.setting_id IS NULL OR s.setting_id = ?)
             AND (? IS NULL OR s.group_name = ?) AND (? = 1 OR s.archived_at IS NULL)
           ORDER BY s.title COLLATE NOCASE, s.id`,
        )
        .all(q.settingId, q.group, q.group, q.includeArchived ? 1 : 0) as StrategyRow[];
      const words = foldForSearch(q.search).split(' ').filter(Boolean);
      const found = rows.filter((r) => {
        const text = foldForSearch(`${r.title} ${r.description} ${r.home_version ?? ''}`);
        return words.every((w) => text.includes(w));
      });
      return found.map(toStrategy);
    },

    get(id: string): Strategy {
      const row = db.prepare(`${select} WHERE s.id = ?`).get(id) as StrategyRow | undefined;
      if (!row) throw notFound('The strategy');
      return toStrategy(row);
    },

    /** The named strategies that exist, by id: a target's picker checks its choices against these. */
    byIds(ids: readonly string[]): Strategy[] {
      const stmt = db.prepare(`${select} WHERE s.id = ?`);
      return ids.flatMap((id) => {
        const row = stmt.get(id) as StrategyRow | undefined;
        return row ? [toStrategy(row)] : [];
      });
    },

    create(settingId: string | null, f: StrategyFields, now: string): Strategy {
      const id = newId();
      db.prepare(
        `INSERT INTO strategies (id, setting_id, group_name, title, description, home_version, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(id, settingId, f.group, f.title, f.description, f.homeVersion || null, now, now);
      return this.get(id);
    },

    update(id: string, f: StrategyFields, now: string): Strategy {
      this.get(id);
      db.prepare('UPDATE strategies SET group_name = ?, title = ?, description = ?, home_version = ?, updated_at = ? WHERE id = ?').run(
        f.group,
        f.title,
        f.description,
        f.homeVersion || null,
        now,
        id,
      );
      return this.get(id);
    },

    setArchived(id: string, archived: boolean, now: string): Strategy {
      const current = this.get(id);
      // Archiving twice keeps the first time: it is when the strategy left the pickers.
      const at = archived ? (current.archivedAt ?? now) : null;
      db.prepare('UPDATE strategies SET archived_at = ?, updated_at = ? WHERE id = ?').run(at, now, id);
      return this.get(id);
    },
  };
}
