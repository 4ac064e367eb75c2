import type { Setting, SettingSummary, SettingType } from '../../../../shared/schemas/settings.js';
import type { ReviewIntervals } from '../../../../shared/domain/screening.js';
import { AppError, validationError } from '../../../../shared/errors.js';
import type { Db } from '../connection.js';
import { onRollOnSql } from './roll.js';
import { isUniqueViolation, newId, notFound } from './rows.js';

interface SettingRow {
  id: string;
  name: string;
  urn: string;
  type: SettingType;
  local_authority: string;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
  review_amber_weeks: number;
  review_red_weeks: number;
  review_green_months: number;
  review_stopped_early_weeks: number;
}

interface SummaryRow extends SettingRow {
  room_count: number;
  staff_count: number;
  children_on_roll: number;
}

export interface SettingFields {
  name: string;
  urn: string;
  type: SettingType;
  localAuthority: string;
}

const summarySelect = `
  SELECT s.*,
    (SELECT count(*) FROM rooms r WHERE r.setting_id = s.id AND r.archived_at IS NULL) AS room_count,
    (SELECT count(*) FROM staff st WHERE st.setting_id = s.id AND st.archived_at IS NULL) AS staff_count,
    (SELECT count(*) FROM children c WHERE c.setting_id = s.id AND ${onRollOnSql('c', '@today')}) AS children_on_roll
  FROM settings s`;

function toSetting(r: SettingRow): Setting {
  return {
    id: r.id,
    name: r.name,
    urn: r.urn,
    type: r.type,
    localAuthority: r.local_authority,
    archivedAt: r.archived_at,
    reviewIntervals: {
      amberWeeks: r.review_amber_weeks,
      redWeeks: r.review_red_weeks,
      greenMonths: r.review_green_months,
      stoppedEarlyWeeks: r.review_stopped_early_weeks,
    },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toSummary(r: SummaryRow): SettingSummary {
  return { ...toSetting(r), roomCount: r.room_count, staffCount: r.staff_count, childrenOnRoll: r.children_on_roll };
}

export function settingsRepo(db: Db) {
  const duplicateUrn = (urn: string) =>
    new AppError('CONFLICT', `Another setting already has the URN ${urn}`, [{ path: ['urn'], message: `Another setting already has the URN ${urn}` }]);

  return {
    /** Every setting with its counts; children on roll are counted on `today`. */
    list(includeArchived: boolean, today: string): SettingSummary[] {
      const where = includeArchived ? '' : 'WHERE s.archived_at IS NULL';
      return (db.prepare(`${summarySelect} ${where} ORDER BY s.name COLLATE NOCASE`).all({ today }) as SummaryRow[]).map(toSummary);
    },

    /** The open settings, by name, narrowed by local authority and type: no counting (an area report's settings). */
    open(localAuthority: string | null, settingType: SettingType | null): Setting[] {
      return (
        db
          .prepare(
            `SELECT * FROM settings WHERE archived_at IS NULL AND (@localAuthority IS NULL OR local_authority = @localAuthority)
               AND (@settingType IS NULL OR type = @settingType) ORDER BY name COLLATE NOCASE`,
          )
          .all({ localAuthority, settingType }) as SettingRow[]
      ).map(toSetting);
    },

    count(): number {
      return (db.prepare('SELECT count(*) AS n FROM settings').get() as { n: number }).n;
    },

    summary(id: string, today: string): SettingSummary {
      const row = db.prepare(`${summarySelect} WHERE s.id = @id`).get({ id, today }) as SummaryRow | undefined;
      if (!row) throw notFound('The setting');
      return toSummary(row);
    },

    /** New records may only be added to a setting that is open: `doing` says what was refused. */
    requireOpen(id: string, doing: string): Setting {
      const setting = this.get(id);
      if (setting.archivedAt) {
        throw validationError([{ path: ['settingId'], message: `${setting.name} is archived` }], `${setting.name} is archived: restore it before ${doing}`);
      }
      return setting;
    },
    get(id: string): Setting {
      const row = db.prepare('SELECT * FROM settings WHERE id = ?').get(id) as SettingRow | undefined;
      if (!row) throw notFound('The setting');
      return toSetting(row);
    },

    create(f: SettingFields, now: string): Setting {
      const id = newId();
      try {
        db.prepare(
          `INSERT INTO settings (id, name, urn, type, local_authority, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        ).run(id, f.name, f.urn, f.type, f.localAuthority, now, now);
      } catch (err) {
        if (isUniqueViolation(err)) throw duplicateUrn(f.urn);
        throw err;
      }
      return this.get(id);
    },

    update(id: string, f: SettingFields, now: string): Setting {
      this.get(id);
      try {
        db.prepare(`UPDATE settings SET name = ?, urn = ?, type = ?, local_authority = ?, updated_at = ? WHERE id = ?`).run(
          f.name,
          f.urn,
          f.type,
          f.localAuthority,
          now,
          id,
        );
      } catch (err) {
        if (isUniqueViolation(err)) throw duplicateUrn(f.urn);
        throw err;
      }
      return this.get(id);
    },

    setReviewIntervals(id: string, i: ReviewIntervals, now: string): Setting {
      this.get(id);
      db.prepare(
        'UPDATE settings SET review_amber_weeks = ?, review_red_weeks = ?, review_green_months = ?, review_stopped_early_weeks = ?, updated_at = ? WHERE id = ?',
      ).run(i.amberWeeks, i.redWeeks, i.greenMonths, i.stoppedEarlyWeeks, now, id);
      return this.get(id);
    },

    setArchived(id: string, archived: boolean, now: string): Setting {
      this.get(id);
      db.prepare('UPDATE settings SET archived_at = ?, updated_at = ? WHERE id = ?').run(archived ? now : null, now, id);
      return this.get(id);
    },
  };
}
