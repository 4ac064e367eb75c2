import type { Db } from '../connection.js';
import { onRollDuringSql } from './roll.js';

// Derived data kept beside the records it comes from, in the same transaction as every write:
// children.latest_screening_id and latest_review_date, and the round_results and round_summary
// tables (see 0003-cohort.sql). Writers call these; nothing else writes those columns.

const latestScreeningOf = `(SELECT s.id FROM screenings s WHERE s.child_id = children.id ORDER BY s.screening_date DESC, s.created_at DESC, s.rowid DESC LIMIT 1)`;
const setLatest = `UPDATE children SET latest_screening_id = ${latestScreeningOf},
  latest_review_date = (SELECT review_date FROM screenings WHERE id = ${latestScreeningOf})`;

/** round_summary rows from round_results rows chosen by `where`. */
function insertSummary(where: string): string {
  return `
    INSERT INTO round_summary (round_id, setting_id, age_section, colour, behind, on_roll, children)
    SELECT round_id, setting_id, age_section, colour,
      CASE WHEN working_at_section IS NULL THEN -1
           WHEN age_section - working_at_section <= 0 THEN 0
           WHEN age_section - working_at_section >= 3 THEN 3
           ELSE age_section - working_at_section END AS behind,
      on_roll,
      count(*)
    FROM round_results WHERE ${where}
    GROUP BY round_id, setting_id, age_section, colour, behind, on_roll`;
}

function refreshSettingSummary(db: Db, settingIds: Iterable<string>): void {
  for (const settingId of new Set(settingIds)) {
    db.prepare('DELETE FROM round_summary WHERE setting_id = ?').run(settingId);
    db.prepare(insertSummary('setting_id = @settingId')).run({ settingId });
  }
}

function settingsOfChild(db: Db, childId: string): string[] {
  const rows = db
    .prepare('SELECT DISTINCT setting_id AS id FROM round_results WHERE child_id = ? UNION SELECT setting_id FROM children WHERE id = ?')
    .all(childId, childId) as { id: string }[];
  return rows.map((r) => r.id);
}

/**
 * The rows of round_results for the screenings chosen by `where` (over rounds r, screenings s,
 * children c): each child's latest screening in each round, with their subgroups.
 * Season of birth follows the English school year: autumn Sep-Dec, spring Jan-Apr, summer May-Aug.
 */
function insertRoundResults(where: string): string {
  return `
    INSERT INTO round_results (round_id, child_id, setting_id, screening_id, screening_date, age_section, colour,
      working_at_section, sex, eal, send_stage, ethnicity, funded2, eypp, season_of_birth, room_id, key_person_id, on_roll)
    SELECT r.id, s.child_id, s.setting_id, s.id, s.screening_date, s.age_section, s.colour, s.working_at_section,
      c.sex, c.eal, c.send_stage, c.ethnicity, c.funded2, c.eypp,
      CASE WHEN CAST(substr(c.date_of_birth, 6, 2) AS INTEGER) >= 9 THEN 'autumn'
           WHEN CAST(substr(c.date_of_birth, 6, 2) AS INTEGER) <= 4 THEN 'spring'
           ELSE 'summer' END,
      s.room_id, s.key_person_id,
      ${onRollDuringSql('c', 'r.start_date', 'r.end_date')}
    FROM rounds r
    JOIN screenings s ON s.screening_date BETWEEN r.start_date AND r.end_date
    JOIN children c ON c.id = s.child_id
    WHERE ${where}
      AND s.id = (SELECT s2.id FROM screenings s2
                  WHERE s2.child_id = s.child_id AND s2.screening_date BETWEEN r.start_date AND r.end_date
                  ORDER BY s2.screening_date DESC, s2.created_at DESC, s2.rowid DESC LIMIT 1)`;
}

export function refreshChildDerived(db: Db, childId: string): void {
  db.prepare(`${setLatest} WHERE id = ?`).run(childId);
  const settings = settingsOfChild(db, childId);
  db.prepare('DELETE FROM round_results WHERE child_id = ?').run(childId);
  db.prepare(insertRoundResults('s.child_id = @childId')).run({ childId });
  refreshSettingSummary(db, settings);
}

/** Before a child is deleted (retention): their rows leave the cohort numbers. */
export function removeChildDerived(db: Db, childId: string): number {
  const settings = settingsOfChild(db, childId);
  const removed = db.prepare('DELETE FROM round_results WHERE child_id = ?').run(childId).changes;
  db.prepare('UPDATE children SET latest_screening_id = NULL, latest_review_date = NULL WHERE id = ?').run(childId);
  refreshSettingSummary(db, settings);
  return removed;
}

export function refreshRoundDerived(db: Db, roundId: string): void {
  db.prepare('DELETE FROM round_results WHERE round_id = ?').run(roundId);
  db.prepare('DELETE FROM round_summary WHERE round_id = ?').run(roundId);
  db.prepare(insertRoundResults('r.id = @roundId')).run({ roundId });
  db.prepare(insertSummary('round_id = @roundId')).run({ roundId });
}

/** Rebuilds everything: after bulk loads (benchmarks, imports) that write screenings directly. */
export function refreshAllDerived(db: Db): void {
  db.exec(`${setLatest}`);
  db.exec('DELETE FROM round_results');
  db.exec('DELETE FROM round_summary');
  db.exec(insertRoundResults('1 = 1'));
  db.exec(insertSummary('1 = 1'));
}
