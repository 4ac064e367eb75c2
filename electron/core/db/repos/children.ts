import type { Child, ChildListResult, ChildRow as ChildListRow, EthnicityCode, SendStage, Sex } from '../../../../shared/schemas/children.js';
import type { ChildSortKey, LatestScreening } from '../../../../shared/schemas/children.js';
import { reviewStatus } from '../../../../shared/domain/screening.js';
import { foldForSearch } from '../../../../shared/domain/search.js';
import type { Db } from '../connection.js';
import { refreshChildDerived } from './derived.js';
import { notScreenedInRoundSql } from './roll.js';
import { fromFlag, newId, notFound, toFlag } from './rows.js';

interface ChildDbRow {
  id: string;
  setting_id: string;
  first_name: string;
  last_name: string;
  date_of_birth: string;
  sex: Sex;
  ethnicity: EthnicityCode;
  home_languages: string;
  eal: number;
  send_stage: SendStage;
  funded2: number;
  eypp: number;
  room_id: string | null;
  key_person_id: string | null;
  start_date: string | null;
  leave_date: string | null;
  notes: string;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

interface ChildListDbRow extends ChildDbRow {
  room_name: string | null;
  key_person_name: string | null;
  ls_id: string | null;
  ls_date: string | null;
  ls_colour: 'red' | 'amber' | 'green' | null;
  ls_age_section: number | null;
  ls_working_at: number | null;
  ls_referral: number | null;
  ls_review_date: string | null;
}

/** Everything a caller may set on a child; the repository adds id, setting and timestamps. */
export type ChildFields = Omit<Child, 'id' | 'settingId' | 'archivedAt' | 'createdAt' | 'updatedAt'>;

export interface ChildListFilter {
  settingId: string;
  search: string;
  roomId: string | null;
  keyPersonId: string | null;
  eal: boolean | null;
  sendStage: SendStage | null;
  status: 'current' | 'leavers' | 'all';
  colour: 'red' | 'amber' | 'green' | 'none' | null;
  reviewOverdue: boolean;
  reviewDueSoon: boolean;
  /** For "due soon": the last review date that counts, worked out by the shared rule. */
  dueSoonUntil: string;
  referralPrompted: boolean;
  belowAge: boolean;
  /** Only children on roll in this round and not screened in it (roll.ts). */
  notScreenedIn: { id: string; startDate: string; endDate: string } | null;
  /** For "overdue": the repository has no clock of its own. */
  today: string;
  sort: ChildSortKey;
  direction: 'asc' | 'desc';
  limit: number;
  offset: number;
}

function toChild(r: ChildDbRow): Child {
  return {
    id: r.id,
    settingId: r.setting_id,
    firstName: r.first_name,
    lastName: r.last_name,
    dateOfBirth: r.date_of_birth,
    sex: r.sex,
    ethnicity: r.ethnicity,
    homeLanguages: parseLanguages(r.home_languages),
    eal: fromFlag(r.eal),
    sendStage: r.send_stage,
    funded2: fromFlag(r.funded2),
    eypp: fromFlag(r.eypp),
    roomId: r.room_id,
    keyPersonId: r.key_person_id,
    startDate: r.start_date,
    leaveDate: r.leave_date,
    notes: r.notes,
    archivedAt: r.archived_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function parseLanguages(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

// Ties are broken by name and then id so that paging through a sorted list never repeats a row.
const nameOrder = 'c.last_name COLLATE NOCASE {dir}, c.first_name COLLATE NOCASE {dir}, c.id';
const sortSql: Record<ChildSortKey, string> = {
  name: nameOrder,
  dateOfBirth: `c.date_of_birth {dir}, ${nameOrder}`,
  room: `r.name IS NULL, r.name COLLATE NOCASE {dir}, ${nameOrder}`,
  keyPerson: `st.name IS NULL, st.name COLLATE NOCASE {dir}, ${nameOrder}`,
  startDate: `c.start_date IS NULL, c.start_date {dir}, ${nameOrder}`,
  reviewDate: `ls.review_date IS NULL, ls.review_date {dir}, ${nameOrder}`,
};

/** Escapes LIKE wildcards so a search for "50%" finds that text, not everything. */
function likeContains(token: string): string {
  return `%${token.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

export function childrenRepo(db: Db) {
  return {
    get(id: string): Child {
      const row = db.prepare('SELECT * FROM children WHERE id = ?').get(id) as ChildDbRow | undefined;
      if (!row) throw notFound('The child');
      return toChild(row);
    },

    list(f: ChildListFilter): ChildListResult {
      const where: string[] = ['c.setting_id = @settingId'];
      const params: Record<string, string | number> = { settingId: f.settingId };
      // Every word typed must appear somewhere in the child's full name, in any order.
      foldForSearch(f.search)
        .split(' ')
        .filter(Boolean)
        .forEach((token, i) => {
          where.push(`c.search_name LIKE @search${i} ESCAPE '\\'`);
          params[`search${i}`] = likeContains(token);
        });
      if (f.roomId) {
        where.push('c.room_id = @roomId');
        params.roomId = f.roomId;
      }
      if (f.keyPersonId) {
        where.push('c.key_person_id = @keyPersonId');
        params.keyPersonId = f.keyPersonId;
      }
      if (f.eal !== null) {
        where.push('c.eal = @eal');
        params.eal = toFlag(f.eal);
      }
      if (f.sendStage) {
        where.push('c.send_stage = @sendStage');
        params.sendStage = f.sendStage;
      }
      if (f.status === 'current') where.push('c.archived_at IS NULL');
      if (f.status === 'leavers') where.push('c.archived_at IS NOT NULL');
      if (f.colour === 'none') where.push('ls.id IS NULL');
      else if (f.colour) {
        where.push('ls.colour = @colour');
        params.colour = f.colour;
      }
      if (f.reviewOverdue) {
        where.push('ls.review_date < @today');
        params.today = f.today;
      }
      if (f.reviewDueSoon) {
        where.push('ls.review_date >= @today AND ls.review_date <= @dueSoonUntil');
        params.today = f.today;
        params.dueSoonUntil = f.dueSoonUntil;
      }
      if (f.referralPrompted) where.push('ls.referral_prompted = 1');
      if (f.belowAge) where.push('(ls.working_at_section IS NULL OR ls.working_at_section < ls.age_section)');
      if (f.notScreenedIn) {
        where.push(notScreenedInRoundSql('c', '@notScreenedRoundId', '@notScreenedFrom', '@notScreenedTo'));
        params.notScreenedRoundId = f.notScreenedIn.id;
        params.notScreenedFrom = f.notScreenedIn.startDate;
        params.notScreenedTo = f.notScreenedIn.endDate;
      }

      // The latest screening per child, kept in children.latest_screening_id (see derived.ts).
      const from = `FROM children c
        LEFT JOIN rooms r ON r.id = c.room_id
        LEFT JOIN staff st ON st.id = c.key_person_id
        LEFT JOIN screenings ls ON ls.id = c.latest_screening_id
        WHERE ${where.join(' AND ')}`;
      const total = (db.prepare(`SELECT count(*) AS n ${from}`).get(params) as { n: number }).n;
      const order = sortSql[f.sort].replaceAll('{dir}', f.direction === 'desc' ? 'DESC' : 'ASC');
      const rows = db
        .prepare(
          `SELECT c.*, r.name AS room_name, st.name AS key_person_name, ls.id AS ls_id, ls.screening_date AS ls_date,
             ls.colour AS ls_colour, ls.age_section AS ls_age_section, ls.working_at_section AS ls_working_at,
             ls.referral_prompted AS ls_referral, ls.review_date AS ls_review_date
           ${from} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
        )
        .all({ ...params, limit: f.limit, offset: f.offset }) as ChildListDbRow[];
      return {
        total,
        rows: rows.map((r): ChildListRow => ({
          ...toChild(r),
          roomName: r.room_name,
          keyPersonName: r.key_person_name,
          latestScreening: latestScreening(r, f.today),
        })),
      };
    },

    create(settingId: string, f: ChildFields, now: string): Child {
      const [id = ''] = this.insertMany(settingId, [{ fields: f, archivedAt: null }], null, now);
      return this.get(id);
    },

    /**
     * Inserts children with one prepared statement (imports add thousands at a time). New
     * children have no screenings, so there is no derived data to refresh. Returns the new ids.
     */
    insertMany(
      settingId: string,
      children: readonly { fields: ChildFields; archivedAt: string | null }[],
      importBatchId: string | null,
      now: string,
    ): string[] {
      const insert = db.prepare(
        `INSERT INTO children (id, setting_id, first_name, last_name, date_of_birth, sex, ethnicity, home_languages, eal,
           send_stage, funded2, eypp, room_id, key_person_id, start_date, leave_date, notes, search_name, archived_at,
           import_batch_id, created_at, updated_at)
         VALUES (@id, @settingId, @firstName, @lastName, @dateOfBirth, @sex, @ethnicity, @homeLanguages, @eal,
           @sendStage, @funded2, @eypp, @roomId, @keyPersonId, @startDate, @leaveDate, @notes, @searchName, @archivedAt,
           @importBatchId, @now, @now)`,
      );
      return children.map(({ fields, archivedAt }) => {
        const id = newId();
        insert.run({ ...bind(fields), id, settingId, archivedAt, importBatchId, now });
        return id;
      });
    },

    update(id: string, f: ChildFields, now: string): Child {
      this.get(id);
      db.prepare(
        `UPDATE children SET first_name = @firstName, last_name = @lastName, date_of_birth = @dateOfBirth, sex = @sex,
           ethnicity = @ethnicity, home_languages = @homeLanguages, eal = @eal, send_stage = @sendStage,
           funded2 = @funded2, eypp = @eypp, room_id = @roomId, key_person_id = @keyPersonId,
           start_date = @startDate, leave_date = @leaveDate, notes = @notes, search_name = @searchName, updated_at = @now
         WHERE id = @id`,
      ).run({ ...bind(f), id, now });
      // Subgroups in round_results (sex, EAL, SEND...) follow the child's details.
      refreshChildDerived(db, id);
      return this.get(id);
    },

    setArchived(id: string, archivedAt: string | null, leaveDate: string | null, now: string): Child {
      this.get(id);
      db.prepare('UPDATE children SET archived_at = ?, leave_date = ?, updated_at = ? WHERE id = ?').run(archivedAt, leaveDate, now, id);
      // The leave date decides which rounds the child was on roll in.
      refreshChildDerived(db, id);
      return this.get(id);
    },
  };
}

function latestScreening(r: ChildListDbRow, today: string): LatestScreening | null {
  if (!r.ls_id || !r.ls_date || !r.ls_colour || r.ls_age_section === null || !r.ls_review_date) return null;
  return {
    id: r.ls_id,
    screeningDate: r.ls_date,
    colour: r.ls_colour,
    ageSection: r.ls_age_section,
    workingAtSection: r.ls_working_at,
    referralPrompted: r.ls_referral === 1,
    reviewDate: r.ls_review_date,
    reviewStatus: reviewStatus(r.ls_review_date, today),
  };
}

function bind(f: ChildFields) {
  return {
    firstName: f.firstName,
    lastName: f.lastName,
    dateOfBirth: f.dateOfBirth,
    sex: f.sex,
    ethnicity: f.ethnicity,
    homeLanguages: JSON.stringify(f.homeLanguages),
    eal: toFlag(f.eal),
    sendStage: f.sendStage,
    funded2: toFlag(f.funded2),
    eypp: toFlag(f.eypp),
    roomId: f.roomId,
    keyPersonId: f.keyPersonId,
    startDate: f.startDate,
    leaveDate: f.leaveDate,
    notes: f.notes,
    searchName: foldForSearch(`${f.firstName} ${f.lastName}`),
  };
}
