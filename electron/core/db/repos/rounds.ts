import { AppError } from '../../../../shared/errors.js';
import type { Round } from '../../../../shared/schemas/rounds.js';
import type { Db } from '../connection.js';
import { refreshRoundDerived } from './derived.js';
import { isUniqueViolation, newId, notFound } from './rows.js';

interface RoundRow {
  id: string;
  name: string;
  start_date: string;
  end_date: string;
  created_at: string;
  updated_at: string;
  screening_count: number;
}

const select = `SELECT r.*, (SELECT COALESCE(sum(children), 0) FROM round_summary rs WHERE rs.round_id = r.id) AS screening_count FROM rounds r`;

function toRound(r: RoundRow): Round {
  return {
    id: r.id,
    name: r.name,
    startDate: r.start_date,
    endDate: r.end_date,
    screeningCount: r.screening_count,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export interface RoundFields {
  name: string;
  startDate: string;
  endDate: string;
}

export function roundsRepo(db: Db) {
  const duplicateName = (name: string) =>
    new AppError('CONFLICT', `There is already a round called ${name}`, [{ path: ['name'], message: `There is already a round called ${name}` }]);

  /** A screening must belong to one round only, so rounds may not overlap. */
  function checkNoOverlap(f: RoundFields, exceptId: string | null): void {
    const clash = db
      .prepare('SELECT name FROM rounds WHERE start_date <= ? AND end_date >= ? AND id IS NOT ? LIMIT 1')
      .get(f.endDate, f.startDate, exceptId) as { name: string } | undefined;
    if (clash) {
      const message = `These dates overlap ${clash.name}: a screening can belong to one round only`;
      throw new AppError('VALIDATION', message, [{ path: ['startDate'], message }]);
    }
  }

  return {
    /** Oldest first, the order trends are read in. */
    list(): Round[] {
      return (db.prepare(`${select} ORDER BY r.start_date`).all() as RoundRow[]).map(toRound);
    },

    /** The round a date falls in, else the latest begun before it: dates only, no counting (the visit agenda). */
    windowFor(date: string): { id: string; name: string; startDate: string; endDate: string } | null {
      const row = db
        .prepare(
          `SELECT id, name, start_date AS startDate, end_date AS endDate FROM rounds WHERE start_date <= @date
           ORDER BY (end_date >= @date) DESC, start_date DESC LIMIT 1`,
        )
        .get({ date }) as { id: string; name: string; startDate: string; endDate: string } | undefined;
      return row ?? null;
    },

    /** Every round's dates, oldest first, with no counting: a report finds its rounds among them. */
    windows(): { id: string; name: string; startDate: string; endDate: string }[] {
      return db.prepare('SELECT id, name, start_date AS startDate, end_date AS endDate FROM rounds ORDER BY start_date').all() as {
        id: string;
        name: string;
        startDate: string;
        endDate: string;
      }[];
    },

    /** Just the dates, for the cohort calls: no counting. */
    window(id: string): { id: string; name: string; startDate: string; endDate: string } {
      const row = db.prepare('SELECT id, name, start_date AS startDate, end_date AS endDate FROM rounds WHERE id = ?').get(id) as
        { id: string; name: string; startDate: string; endDate: string } | undefined;
      if (!row) throw notFound('The screening round');
      return row;
    },

    get(id: string): Round {
      const row = db.prepare(`${select} WHERE r.id = ?`).get(id) as RoundRow | undefined;
      if (!row) throw notFound('The screening round');
      return toRound(row);
    },

    create(f: RoundFields, now: string): Round {
      checkNoOverlap(f, null);
      const id = newId();
      try {
        db.prepare('INSERT INTO rounds (id, name, start_date, end_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(
          id,
          f.name,
          f.startDate,
          f.endDate,
          now,
          now,
        );
      } catch (err) {
        if (isUniqueViolation(err)) throw duplicateName(f.name);
        throw err;
      }
      refreshRoundDerived(db, id);
      return this.get(id);
    },

    update(id: string, f: RoundFields, now: string): Round {
      this.get(id);
      checkNoOverlap(f, id);
      try {
        db.prepare('UPDATE rounds SET name = ?, start_date = ?, end_date = ?, updated_at = ? WHERE id = ?').run(f.name, f.startDate, f.endDate, now, id);
      } catch (err) {
        if (isUniqueViolation(err)) throw duplicateName(f.name);
        throw err;
      }
      refreshRoundDerived(db, id);
      return this.get(id);
    },

    /** Removes the round only: its screenings stay, belonging to no round. */
    delete(id: string): Round {
      const round = this.get(id);
      db.prepare('DELETE FROM round_results WHERE round_id = ?').run(id);
      db.prepare('DELETE FROM round_summary WHERE round_id = ?').run(id);
      db.prepare('DELETE FROM rounds WHERE id = ?').run(id);
      return round;
    },
  };
}
