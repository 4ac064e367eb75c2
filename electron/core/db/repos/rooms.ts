import { AppError } from '../../../../shared/errors.js';
import type { Room } from '../../../../shared/schemas/rooms.js';
import type { Db } from '../connection.js';
import { isUniqueViolation, newId, notFound } from './rows.js';

interface RoomRow {
  id: string;
  setting_id: string;
  name: string;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
  children_on_roll: number;
}

const select = `
  SELECT r.*, (SELECT count(*) FROM children c WHERE c.room_id = r.id AND c.archived_at IS NULL) AS children_on_roll
  FROM rooms r`;

function toRoom(r: RoomRow): Room {
  return {
    id: r.id,
    settingId: r.setting_id,
    name: r.name,
    archivedAt: r.archived_at,
    childrenOnRoll: r.children_on_roll,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function roomsRepo(db: Db) {
  const duplicateName = (name: string) =>
    new AppError('CONFLICT', `This setting already has a room called ${name}`, [{ path: ['name'], message: `This setting already has a room called ${name}` }]);

  return {
    list(settingId: string, includeArchived: boolean): Room[] {
      const archived = includeArchived ? '' : 'AND r.archived_at IS NULL';
      return (db.prepare(`${select} WHERE r.setting_id = ? ${archived} ORDER BY r.name COLLATE NOCASE`).all(settingId) as RoomRow[]).map(toRoom);
    },

    get(id: string): Room {
      const row = db.prepare(`${select} WHERE r.id = ?`).get(id) as RoomRow | undefined;
      if (!row) throw notFound('The room');
      return toRoom(row);
    },

    create(settingId: string, name: string, now: string): Room {
      const id = newId();
      try {
        db.prepare('INSERT INTO rooms (id, setting_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(id, settingId, name, now, now);
      } catch (err) {
        if (isUniqueViolation(err)) throw duplicateName(name);
        throw err;
      }
      return this.get(id);
    },

    rename(id: string, name: string, now: string): Room {
      this.get(id);
      try {
        db.prepare('UPDATE rooms SET name = ?, updated_at = ? WHERE id = ?').run(name, now, id);
      } catch (err) {
        if (isUniqueViolation(err)) throw duplicateName(name);
        throw err;
      }
      return this.get(id);
    },

    setArchived(id: string, archived: boolean, now: string): Room {
      this.get(id);
      db.prepare('UPDATE rooms SET archived_at = ?, updated_at = ? WHERE id = ?').run(archived ? now : null, now, id);
      return this.get(id);
    },
  };
}
