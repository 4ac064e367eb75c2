import { activitySection, lowestSectionTried, sectionsBehind, type Colour } from '../../../../shared/domain/screening.js';
import type { Screening } from '../../../../shared/schemas/screenings.js';
import type { Db } from '../connection.js';
import { refreshChildDerived } from './derived.js';
import { fromFlag, newId, notFound, toFlag } from './rows.js';

interface ScreeningRow {
  id: string;
  child_id: string;
  setting_id: string;
  instrument_id: string;
  instrument_name: string;
  top_section: number;
  screening_date: string;
  age_months: number;
  age_section: number;
  screener_id: string | null;
  screener_name: string | null;
  parent_present: number;
  concern_practitioner: number;
  concern_parent: number;
  concern_details: string;
  comment_speech_sounds: string;
  comment_attention: string;
  comment_stammering: string;
  comment_voice: string;
  comment_other: string;
  action: Screening['action'];
  colour: Colour;
  working_at_section: number | null;
  referral_prompted: number;
  referral_reasons: string;
  review_date: string;
  stopped_early: number;
  stopped_early_reason: string;
  created_at: string;
  updated_at: string;
}

interface SectionRow {
  screening_id: string;
  section: number;
  score: number | null;
  entered_colour: Colour | null;
  computed_colour: Colour | null;
  colour: Colour;
  items_not_passed: string;
}

/** What the handler worked out and the repository stores, beside what was entered. */
export interface ScreeningRecord {
  childId: string;
  settingId: string;
  instrumentId: string;
  screeningDate: string;
  ageMonths: number;
  ageSection: number;
  screenerId: string | null;
  parentPresent: boolean;
  concernPractitioner: boolean;
  concernParent: boolean;
  concernDetails: string;
  comments: Screening['comments'];
  action: Screening['action'];
  colour: Colour;
  workingAtSection: number | null;
  referralPrompted: boolean;
  referralReasons: string[];
  reviewDate: string;
  stoppedEarly: boolean;
  stoppedEarlyReason: string;
  sections: { section: number; score: number | null; enteredColour: Colour | null; computedColour: Colour | null; colour: Colour; itemsNotPassed: number[] }[];
}

const select = `
  SELECT s.*, i.name AS instrument_name, st.name AS screener_name,
    (SELECT max(section) FROM instrument_sections x WHERE x.instrument_id = s.instrument_id) AS top_section
  FROM screenings s
  JOIN instruments i ON i.id = s.instrument_id
  LEFT JOIN staff st ON st.id = s.screener_id`;

function numbers(json: string): number[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is number => typeof v === 'number') : [];
}

function strings(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function screeningsRepo(db: Db) {
  function toScreening(r: ScreeningRow, sections: SectionRow[]): Screening {
    const tried = sections.map((x) => ({ section: x.section, colour: x.colour }));
    return {
      id: r.id,
      childId: r.child_id,
      settingId: r.setting_id,
      instrumentId: r.instrument_id,
      instrumentName: r.instrument_name,
      screeningDate: r.screening_date,
      ageMonths: r.age_months,
      ageSection: r.age_section,
      screenerId: r.screener_id,
      screenerName: r.screener_name,
      parentPresent: fromFlag(r.parent_present),
      concernPractitioner: fromFlag(r.concern_practitioner),
      concernParent: fromFlag(r.concern_parent),
      concernDetails: r.concern_details,
      comments: {
        speechSounds: r.comment_speech_sounds,
        attention: r.comment_attention,
        stammering: r.comment_stammering,
        voice: r.comment_voice,
        other: r.comment_other,
      },
      action: r.action,
      sections: sections.map((x) => ({
        section: x.section,
        score: x.score,
        enteredColour: x.entered_colour,
        computedColour: x.computed_colour,
        colour: x.colour,
        disagrees: x.entered_colour !== null && x.computed_colour !== null && x.entered_colour !== x.computed_colour,
        itemsNotPassed: numbers(x.items_not_passed),
      })),
      colour: r.colour,
      workingAtSection: r.working_at_section,
      activitySection: activitySection(r.working_at_section, lowestSectionTried(tried), r.top_section),
      sectionsBehind: sectionsBehind(r.age_section, r.working_at_section),
      referralPrompted: fromFlag(r.referral_prompted),
      referralReasons: strings(r.referral_reasons),
      reviewDate: r.review_date,
      stoppedEarly: fromFlag(r.stopped_early),
      stoppedEarlyReason: r.stopped_early_reason,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  }

  function withSections(rows: ScreeningRow[]): Screening[] {
    if (rows.length === 0) return [];
    const placeholders = rows.map(() => '?').join(', ');
    const sections = db
      .prepare(`SELECT * FROM screening_sections WHERE screening_id IN (${placeholders}) ORDER BY screening_id, position`)
      .all(...rows.map((r) => r.id)) as SectionRow[];
    const byScreening = new Map<string, SectionRow[]>();
    for (const s of sections) byScreening.set(s.screening_id, [...(byScreening.get(s.screening_id) ?? []), s]);
    return rows.map((r) => toScreening(r, byScreening.get(r.id) ?? []));
  }

  function writeSections(id: string, rec: ScreeningRecord): void {
    db.prepare('DELETE FROM screening_sections WHERE screening_id = ?').run(id);
    const insert = db.prepare(
      `INSERT INTO screening_sections (screening_id, position, section, score, entered_colour, computed_colour, colour, items_not_passed)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    rec.sections.forEach((s, position) =>
      insert.run(id, position, s.section, s.score, s.enteredColour, s.computedColour, s.colour, JSON.stringify(s.itemsNotPassed)),
    );
  }

  const bind = (rec: ScreeningRecord) => ({
    childId: rec.childId,
    settingId: rec.settingId,
    instrumentId: rec.instrumentId,
    screeningDate: rec.screeningDate,
    ageMonths: rec.ageMonths,
    ageSection: rec.ageSection,
    screenerId: rec.screenerId,
    parentPresent: toFlag(rec.parentPresent),
    concernPractitioner: toFlag(rec.concernPractitioner),
    concernParent: toFlag(rec.concernParent),
    concernDetails: rec.concernDetails,
    speechSounds: rec.comments.speechSounds,
    attention: rec.comments.attention,
    stammering: rec.comments.stammering,
    voice: rec.comments.voice,
    other: rec.comments.other,
    action: rec.action,
    colour: rec.colour,
    workingAt: rec.workingAtSection,
    referralPrompted: toFlag(rec.referralPrompted),
    referralReasons: JSON.stringify(rec.referralReasons),
    reviewDate: rec.reviewDate,
    stoppedEarly: toFlag(rec.stoppedEarly),
    stoppedEarlyReason: rec.stoppedEarlyReason,
  });

  return {
    get(id: string): Screening {
      const row = db.prepare(`${select} WHERE s.id = ?`).get(id) as ScreeningRow | undefined;
      if (!row) throw notFound('The screening');
      const [screening] = withSections([row]);
      if (!screening) throw notFound('The screening');
      return screening;
    },

    /** A child's screenings, newest first. */
    listForChild(childId: string): Screening[] {
      return withSections(
        db.prepare(`${select} WHERE s.child_id = ? ORDER BY s.screening_date DESC, s.created_at DESC, s.rowid DESC`).all(childId) as ScreeningRow[],
      );
    },

    create(rec: ScreeningRecord, now: string): Screening {
      const id = newId();
      db.prepare(
        `INSERT INTO screenings (id, child_id, setting_id, instrument_id, screening_date, age_months, age_section, screener_id,
           room_id, key_person_id, parent_present, concern_practitioner, concern_parent, concern_details, comment_speech_sounds, comment_attention,
           comment_stammering, comment_voice, comment_other, action, colour, working_at_section, referral_prompted,
           referral_reasons, review_date, stopped_early, stopped_early_reason, created_at, updated_at)
         VALUES (@id, @childId, @settingId, @instrumentId, @screeningDate, @ageMonths, @ageSection, @screenerId,
           (SELECT room_id FROM children WHERE id = @childId), (SELECT key_person_id FROM children WHERE id = @childId), @parentPresent, @concernPractitioner, @concernParent, @concernDetails, @speechSounds, @attention,
           @stammering, @voice, @other, @action, @colour, @workingAt, @referralPrompted,
           @referralReasons, @reviewDate, @stoppedEarly, @stoppedEarlyReason, @now, @now)`,
      ).run({ ...bind(rec), id, now });
      writeSections(id, rec);
      refreshChildDerived(db, rec.childId);
      return this.get(id);
    },

    update(id: string, rec: ScreeningRecord, now: string): Screening {
      this.get(id);
      db.prepare(
        `UPDATE screenings SET instrument_id = @instrumentId, screening_date = @screeningDate, age_months = @ageMonths,
           age_section = @ageSection, screener_id = @screenerId, parent_present = @parentPresent,
           concern_practitioner = @concernPractitioner, concern_parent = @concernParent, concern_details = @concernDetails,
           comment_speech_sounds = @speechSounds, comment_attention = @attention, comment_stammering = @stammering,
           comment_voice = @voice, comment_other = @other, action = @action, colour = @colour,
           working_at_section = @workingAt, referral_prompted = @referralPrompted, referral_reasons = @referralReasons,
           review_date = @reviewDate, stopped_early = @stoppedEarly, stopped_early_reason = @stoppedEarlyReason, updated_at = @now
         WHERE id = @id`,
      ).run({ ...bind(rec), id, now });
      writeSections(id, rec);
      refreshChildDerived(db, rec.childId);
      return this.get(id);
    },

    delete(id: string): void {
      const { childId } = this.get(id);
      db.prepare('DELETE FROM round_results WHERE screening_id = ?').run(id);
      db.prepare('DELETE FROM screening_sections WHERE screening_id = ?').run(id);
      db.prepare('DELETE FROM screenings WHERE id = ?').run(id);
      refreshChildDerived(db, childId);
    },
  };
}
