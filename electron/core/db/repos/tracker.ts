import type { SettingType } from '../../../../shared/schemas/settings.js';
import type { EthnicityCode, SendStage, Sex } from '../../../../shared/schemas/children.js';
import type { Db } from '../connection.js';
import { onRollDuringSql } from './roll.js';

// The rows of the cohort tracker: every child on roll in a round's window, with their result in
// that round (blank where not screened). One setting's tracker and the local authority's single
// workbook read the same query, so the two can never disagree on who was on roll.

export interface TrackerRow {
  setting_name: string;
  setting_urn: string;
  last_name: string;
  first_name: string;
  date_of_birth: string;
  sex: Sex;
  ethnicity: EthnicityCode;
  eal: number;
  send_stage: SendStage;
  funded2: number;
  eypp: number;
  room: string | null;
  key_person: string | null;
  screening_date: string | null;
  age_months: number | null;
  age_section: number | null;
  colour: 'red' | 'amber' | 'green' | null;
  working_at_section: number | null;
  referral_prompted: number | null;
  review_date: string | null;
}

export interface TrackerQuery {
  /** Null before any round exists: nobody has a result, the window is the dates given. */
  roundId: string | null;
  startDate: string;
  endDate: string;
  /** One setting, or (null) every setting not archived in the scope below. */
  settingId: string | null;
  localAuthority?: string | null;
  settingType?: SettingType | null;
}

const select = `SELECT st.name AS setting_name, st.urn AS setting_urn,
    c.last_name, c.first_name, c.date_of_birth, c.sex, c.ethnicity, c.eal, c.send_stage, c.funded2, c.eypp,
    COALESCE(sr.name, r.name) AS room, COALESCE(sk.name, k.name) AS key_person,
    s.screening_date, s.age_months, s.age_section, s.colour, s.working_at_section, s.referral_prompted, s.review_date
  FROM children c
  JOIN settings st ON st.id = c.setting_id
  LEFT JOIN round_results rr ON rr.round_id = @roundId AND rr.child_id = c.id
  LEFT JOIN screenings s ON s.id = rr.screening_id
  LEFT JOIN rooms r ON r.id = c.room_id
  LEFT JOIN staff k ON k.id = c.key_person_id
  LEFT JOIN rooms sr ON sr.id = s.room_id
  LEFT JOIN staff sk ON sk.id = s.key_person_id`;
const onRoll = onRollDuringSql('c', '@startDate', '@endDate');
const byName = `c.last_name COLLATE NOCASE, c.first_name COLLATE NOCASE, c.id`;

// Two statements rather than one with an OR, so one setting's tracker keeps its index on setting_id.
export function trackerRows(db: Db, q: TrackerQuery): TrackerRow[] {
  const window = { roundId: q.roundId, startDate: q.startDate, endDate: q.endDate };
  if (q.settingId !== null)
    return db.prepare(`${select} WHERE c.setting_id = @settingId AND ${onRoll} ORDER BY ${byName}`).all({ ...window, settingId: q.settingId }) as TrackerRow[];
  return db
    .prepare(
      `${select} WHERE st.archived_at IS NULL AND (@localAuthority IS NULL OR st.local_authority = @localAuthority)
         AND (@settingType IS NULL OR st.type = @settingType) AND ${onRoll}
       ORDER BY st.name COLLATE NOCASE, st.id, ${byName}`,
    )
    .all({ ...window, localAuthority: q.localAuthority ?? null, settingType: q.settingType ?? null }) as TrackerRow[];
}
