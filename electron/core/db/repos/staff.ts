import type { QualificationLevel, Staff, StaffRole } from '../../../../shared/schemas/staff.js';
import type { Db } from '../connection.js';
import { newId, notFound } from './rows.js';

interface StaffRow {
  id: string;
  setting_id: string;
  name: string;
  role: StaffRole;
  qualification_level: QualificationLevel;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
  key_children: number;
}

export interface StaffFields {
  name: string;
  role: StaffRole;
  qualificationLevel: QualificationLevel;
}

const select = `
  SELECT st.*, (SELECT count(*) FROM children c WHERE c.key_person_id = st.id AND c.archived_at IS NULL) AS key_children
  FROM staff st`;

function toStaff(r: StaffRow): Staff {
  return {
    id: r.id,
    settingId: r.setting_id,
    name: r.name,
    role: r.role,
    qualificationLevel: r.qualification_level,
    archivedAt: r.archived_at,
    keyChildren: r.key_children,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function staffRepo(db: Db) {
  return {
    list(settingId: string, includeArchived: boolean): Staff[] {
      const archived = includeArchived ? '' : 'AND st.archived_at IS NULL';
      return (db.prepare(`${select} WHERE st.setting_id = ? ${archived} ORDER BY st.name COLLATE NOCASE`).all(settingId) as StaffRow[]).map(toStaff);
    },

    get(id: string): Staff {
      const row = db.prepare(`${select} WHERE st.id = ?`).get(id) as StaffRow | undefined;
      if (!row) throw notFound('The staff member');
      return toStaff(row);
    },

    create(settingId: string, f: StaffFields, now: string): Staff {
      const id = newId();
      db.prepare(
        `INSERT INTO staff (id, setting_id, name, role, qualification_level, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(id, settingId, f.name, f.role, f.qualificationLevel, now, now);
      return this.get(id);
    },

    update(id: string, f: StaffFields, now: string): Staff {
      this.get(id);
      db.prepare('UPDATE staff SET name = ?, role = ?, qualification_level = ?, updated_at = ? WHERE id = ?').run(
        f.name,
        f.role,
        f.qualificationLevel,
        now,
        id,
      );
      return this.get(id);
    },

    setArchived(id: string, archived: boolean, now: string): Staff {
      this.get(id);
      db.prepare('UPDATE staff SET archived_at = ?, updated_at = ? WHERE id = ?').run(archived ? now : null, now, id);
      return this.get(id);
    },
  };
}
