import type { InstrumentSection } from '../../../../shared/domain/screening.js';
import { AppError } from '../../../../shared/errors.js';
import type { Instrument } from '../../../../shared/schemas/instruments.js';
import type { Db } from '../connection.js';
import { fromFlag, isUniqueViolation, newId, notFound } from './rows.js';

interface InstrumentRow {
  id: string;
  name: string;
  is_default: number;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
  screening_count: number;
}

interface SectionRow {
  section: number;
  min_months: number;
  max_months: number;
  item_count: number;
  lowest_green: number | null;
  lowest_amber: number | null;
}

const select = `SELECT i.*, (SELECT count(*) FROM screenings s WHERE s.instrument_id = i.id) AS screening_count FROM instruments i`;

export function instrumentsRepo(db: Db) {
  const sectionsOf = (id: string): InstrumentSection[] =>
    (db.prepare('SELECT * FROM instrument_sections WHERE instrument_id = ? ORDER BY section').all(id) as SectionRow[]).map((r) => ({
      section: r.section,
      minMonths: r.min_months,
      maxMonths: r.max_months,
      itemCount: r.item_count,
      lowestGreen: r.lowest_green,
      lowestAmber: r.lowest_amber,
    }));

  const toInstrument = (r: InstrumentRow): Instrument => ({
    id: r.id,
    name: r.name,
    isDefault: fromFlag(r.is_default),
    archivedAt: r.archived_at,
    sections: sectionsOf(r.id),
    screeningCount: r.screening_count,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });

  const duplicateName = (name: string) =>
    new AppError('CONFLICT', `There is already an instrument called ${name}`, [{ path: ['name'], message: `There is already an instrument called ${name}` }]);

  return {
    list(): Instrument[] {
      return (db.prepare(`${select} ORDER BY i.is_default DESC, i.name COLLATE NOCASE`).all() as InstrumentRow[]).map(toInstrument);
    },

    get(id: string): Instrument {
      const row = db.prepare(`${select} WHERE i.id = ?`).get(id) as InstrumentRow | undefined;
      if (!row) throw notFound('The screening instrument');
      return toInstrument(row);
    },

    getDefault(): Instrument {
      const row = db.prepare(`${select} WHERE i.is_default = 1 LIMIT 1`).get() as InstrumentRow | undefined;
      if (!row) throw notFound('The default screening instrument');
      return toInstrument(row);
    },

    /** A new version starts as a copy, so screenings made with the old one keep their meaning. */
    copy(fromId: string, name: string, now: string): Instrument {
      const from = this.get(fromId);
      const id = newId();
      try {
        db.prepare('INSERT INTO instruments (id, name, is_default, created_at, updated_at) VALUES (?, ?, 0, ?, ?)').run(id, name, now, now);
      } catch (err) {
        if (isUniqueViolation(err)) throw duplicateName(name);
        throw err;
      }
      const insert = db.prepare(
        `INSERT INTO instrument_sections (instrument_id, section, min_months, max_months, item_count, lowest_green, lowest_amber, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const s of from.sections) insert.run(id, s.section, s.minMonths, s.maxMonths, s.itemCount, s.lowestGreen, s.lowestAmber, now);
      return this.get(id);
    },

    update(
      id: string,
      name: string,
      sections: readonly Pick<InstrumentSection, 'section' | 'itemCount' | 'lowestGreen' | 'lowestAmber'>[],
      now: string,
    ): Instrument {
      this.get(id);
      try {
        db.prepare('UPDATE instruments SET name = ?, updated_at = ? WHERE id = ?').run(name, now, id);
      } catch (err) {
        if (isUniqueViolation(err)) throw duplicateName(name);
        throw err;
      }
      const update = db.prepare(
        'UPDATE instrument_sections SET item_count = ?, lowest_green = ?, lowest_amber = ?, updated_at = ? WHERE instrument_id = ? AND section = ?',
      );
      for (const s of sections) update.run(s.itemCount, s.lowestGreen, s.lowestAmber, now, id, s.section);
      return this.get(id);
    },

    setDefault(id: string, now: string): Instrument {
      this.get(id);
      db.prepare('UPDATE instruments SET is_default = (id = ?), updated_at = ? WHERE is_default = 1 OR id = ?').run(id, now, id);
      return this.get(id);
    },
  };
}
