import type { Account } from '../../../../shared/schemas/accounts.js';
import type { ScopeKind } from '../../../../shared/contract/facts.js';
import type { Role } from '../../../../shared/domain/roles.js';
import type { Db } from '../connection.js';
import { fromFlag, isUniqueViolation, newId, notFound, toFlag } from './rows.js';
import { AppError } from '../../../../shared/errors.js';

// Sign-in accounts (0010). The password hash never leaves this file except to the password check.

interface AccountRow {
  id: string;
  display_name: string;
  user_name: string;
  role: Role;
  staff_id: string | null;
  staff_name: string | null;
  password_hash: string;
  must_change_password: number;
  failed_attempts: number;
  locked_until: string | null;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

/** What the sign-in check needs beside the public record. */
export interface AccountSecret {
  account: Account;
  passwordHash: string;
  failedAttempts: number;
}

export interface AccountFields {
  displayName: string;
  role: Role;
  staffId: string | null;
  settingIds: string[];
}

const select = `SELECT a.*, st.name AS staff_name FROM accounts a LEFT JOIN staff st ON st.id = a.staff_id`;

export function accountsRepo(db: Db) {
  const settingsOf = db.prepare('SELECT setting_id FROM account_settings WHERE account_id = ? ORDER BY setting_id').pluck();
  const toAccount = (r: AccountRow): Account => ({
    id: r.id,
    displayName: r.display_name,
    userName: r.user_name,
    role: r.role,
    staffId: r.staff_id,
    staffName: r.staff_name,
    settingIds: settingsOf.all(r.id) as string[],
    mustChangePassword: fromFlag(r.must_change_password),
    disabledAt: r.disabled_at,
    lockedUntil: r.locked_until,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });
  const row = (id: string) => db.prepare(`${select} WHERE a.id = ?`).get(id) as AccountRow | undefined;

  function setSettings(id: string, settingIds: string[]): void {
    db.prepare('DELETE FROM account_settings WHERE account_id = ?').run(id);
    const add = db.prepare('INSERT INTO account_settings (account_id, setting_id) VALUES (?, ?)');
    for (const settingId of new Set(settingIds)) add.run(id, settingId);
  }

  return {
    count(): number {
      return (db.prepare('SELECT count(*) FROM accounts').pluck().get() as number) ?? 0;
    },

    list(): Account[] {
      return (db.prepare(`${select} ORDER BY a.display_name COLLATE NOCASE, a.user_name`).all() as AccountRow[]).map(toAccount);
    },

    find(id: string): Account | null {
      const r = row(id);
      return r ? toAccount(r) : null;
    },

    get(id: string): Account {
      const r = row(id);
      if (!r) throw notFound('The account');
      return toAccount(r);
    },

    /** For sign-in: null when no account has this user name (compared without case). */
    secretByUserName(userName: string): AccountSecret | null {
      const r = db.prepare(`${select} WHERE a.user_name = ?`).get(userName) as AccountRow | undefined;
      return r ? { account: toAccount(r), passwordHash: r.password_hash, failedAttempts: r.failed_attempts } : null;
    },

    secretById(id: string): AccountSecret {
      const r = row(id);
      if (!r) throw notFound('The account');
      return { account: toAccount(r), passwordHash: r.password_hash, failedAttempts: r.failed_attempts };
    },

    create(f: AccountFields & { userName: string; passwordHash: string; mustChangePassword: boolean }, now: string): Account {
      const id = newId();
      try {
        db.prepare(
          `INSERT INTO accounts (id, display_name, user_name, role, staff_id, password_hash, must_change_password, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(id, f.displayName, f.userName, f.role, f.staffId, f.passwordHash, toFlag(f.mustChangePassword), now, now);
      } catch (err) {
        if (isUniqueViolation(err)) {
          throw new AppError('CONFLICT', `The user name ${f.userName} is taken`, [
            { path: ['userName'], message: `The user name ${f.userName} is taken: choose another` },
          ]);
        }
        throw err;
      }
      setSettings(id, f.settingIds);
      return this.get(id);
    },

    update(id: string, f: AccountFields, now: string): Account {
      db.prepare('UPDATE accounts SET display_name = ?, role = ?, staff_id = ?, updated_at = ? WHERE id = ?').run(f.displayName, f.role, f.staffId, now, id);
      setSettings(id, f.settingIds);
      return this.get(id);
    },

    setDisabled(id: string, disabledAt: string | null, now: string): Account {
      db.prepare('UPDATE accounts SET disabled_at = ?, updated_at = ? WHERE id = ?').run(disabledAt, now, id);
      return this.get(id);
    },

    /** A new password: clears failed attempts and any lock-out. */
    setPassword(id: string, passwordHash: string, mustChange: boolean, now: string): Account {
      db.prepare('UPDATE accounts SET password_hash = ?, must_change_password = ?, failed_attempts = 0, locked_until = NULL, updated_at = ? WHERE id = ?').run(
        passwordHash,
        toFlag(mustChange),
        now,
        id,
      );
      return this.get(id);
    },

    /** Counted without touching updated_at: a wrong password is not a change to the account. */
    recordFailure(id: string, failedAttempts: number, lockedUntil: string | null): void {
      db.prepare('UPDATE accounts SET failed_attempts = ?, locked_until = ? WHERE id = ?').run(failedAttempts, lockedUntil, id);
    },

    recordSuccess(id: string): void {
      db.prepare('UPDATE accounts SET failed_attempts = 0, locked_until = NULL WHERE id = ? AND (failed_attempts <> 0 OR locked_until IS NOT NULL)').run(id);
    },

    /** The setting (and, for children and screenings, the child's key person) a record belongs to; null when there is no such record. */
    whereIs(kind: ScopeKind, id: string): { settingId: string; keyPersonId: string | null } | null {
      const sql: Record<ScopeKind, string> = {
        setting: 'SELECT id AS setting_id, NULL AS key_person_id FROM settings WHERE id = ?',
        room: 'SELECT setting_id, NULL AS key_person_id FROM rooms WHERE id = ?',
        staff: 'SELECT setting_id, NULL AS key_person_id FROM staff WHERE id = ?',
        child: 'SELECT setting_id, key_person_id FROM children WHERE id = ?',
        screening: 'SELECT c.setting_id, c.key_person_id FROM screenings s JOIN children c ON c.id = s.child_id WHERE s.id = ?',
        target: 'SELECT c.setting_id, c.key_person_id FROM child_targets t JOIN children c ON c.id = t.child_id WHERE t.id = ?',
        // A shared library strategy has no setting: only people who reach every setting change it.
        strategy: 'SELECT setting_id, NULL AS key_person_id FROM strategies WHERE id = ?',
        settingTarget: 'SELECT setting_id, NULL AS key_person_id FROM setting_targets WHERE id = ?',
        visit: 'SELECT setting_id, NULL AS key_person_id FROM visits WHERE id = ?',
        visitAction: 'SELECT v.setting_id, NULL AS key_person_id FROM visit_actions a JOIN visits v ON v.id = a.visit_id WHERE a.id = ?',
        // An area report belongs to no one setting: its handler checks every setting it covers.
        report: 'SELECT r.setting_id, c.key_person_id FROM reports r LEFT JOIN children c ON c.id = r.child_id WHERE r.id = ? AND r.setting_id IS NOT NULL',
      };
      const r = db.prepare(sql[kind]).get(id) as { setting_id: string; key_person_id: string | null } | undefined;
      return r ? { settingId: r.setting_id, keyPersonId: r.key_person_id } : null;
    },

    practitionersSeeAll(settingId: string): boolean {
      const v = db.prepare('SELECT practitioners_see_all FROM settings WHERE id = ?').pluck().get(settingId) as number | undefined;
      return v === 1;
    },

    setPractitionersSeeAll(settingId: string, seeAll: boolean, now: string): void {
      const r = db.prepare('UPDATE settings SET practitioners_see_all = ?, updated_at = ? WHERE id = ?').run(toFlag(seeAll), now, settingId);
      if (r.changes === 0) throw notFound('The setting');
    },
  };
}
