import { z } from 'zod';

// The facts every API method states beside its input and output. The registry, the audit trail,
// the transports and (later) roles and sync read these facts; nothing is decided from a method's
// name. `checkFacts` proves at start-up and in tests that no entry lacks one.

/**
 * What a caller may be allowed to do. Roles (sign-in) grant sets of these; each method needs one.
 * Defined before sign-in exists so that every method states its permission from the start.
 */
export const permissions = [
  /** Callable before anyone signs in: first-run status, creating the first manager, signing in. */
  'session:open',
  /** Any signed-in person, even while their session is locked: who am I, unlock, sign out, own password. */
  'session:own',
  /** Any signed-in person with an unlocked session: the app's version and state. */
  'app:use',
  /** Settings, rooms, staff and re-screen intervals. */
  'settings:read',
  'settings:write',
  'children:read',
  'children:write',
  'screenings:read',
  'screenings:write',
  /** Screening tools: item counts and cut-offs from the setting's own licensed handbook. */
  'instruments:write',
  /** Cohort dashboards and the screening rounds they count in. */
  'cohort:read',
  'rounds:write',
  /** Children's targets and their reviews; the strategies library is read with them. */
  'targets:read',
  'targets:write',
  /** The strategies library: shared strategies (all-settings roles) and a setting's own. */
  'strategies:write',
  /** The SLT assistant's visits, their agenda and agreed actions, and whole-setting targets. */
  'visits:read',
  'visits:write',
  /** Printed progress reports for a setting or an area, and the reports produced before. */
  'reports:produce',
  /** A child's progress summary for parents and the next setting (a key person writes these). */
  'reports:child',
  /** Personal data leaving the app: workbooks, trackers, subject access exports. */
  'data:export',
  'data:import',
  /** The audit trail. */
  'audit:read',
  /** Backups, restore, retention and purges, demo data. */
  'data:admin',
  /** Deleting a record for good (a screening, a round): managers only. */
  'records:delete',
  /** Sign-in accounts, their roles and settings, the idle lock: managers only. */
  'accounts:manage',
] as const;
export type Permission = (typeof permissions)[number];

/** What the audit trail keeps of a call. */
export type AuditFact =
  /** Reads: nothing is recorded. */
  | { readonly mode: 'none' }
  /**
   * A change to a record of `record` type: the registry writes one row in the same transaction,
   * with the fields before and after. The record is found by the input field `idField` (default
   * `id`), or by the id of what the method returns (creates). `action: 'remove'` records what was
   * there before and nothing after.
   */
  | { readonly mode: 'change'; readonly record: string; readonly action: 'create' | 'update' | 'remove'; readonly idField?: string }
  /** Personal data leaving without a change (a subject access export): logged with a note. */
  | { readonly mode: 'access'; readonly record: string; readonly idField: string; readonly note: string }
  /** The handler writes its own, more careful rows (a purge must not copy what it deletes). */
  | { readonly mode: 'self' };

/** What kind of record an input's id names: the registry finds its setting (and child) from it. */
export const scopeKinds = ['setting', 'room', 'staff', 'child', 'screening', 'target', 'strategy', 'settingTarget', 'visit', 'visitAction', 'report'] as const;
export type ScopeKind = (typeof scopeKinds)[number];
export interface ScopeFact {
  readonly kind: ScopeKind;
  readonly field: string;
  /**
   * When the field is null (no record named: "every setting"): refused for someone who reaches
   * only some settings, unless `'reach'`, where the handler answers for the settings the caller
   * reaches (cohort questions across "all settings" from an SLT assistant mean all of theirs).
   */
  readonly unnamed?: 'refuse' | 'reach';
}

export interface MethodFacts {
  /** Whether the method changes stored data: writes take the database's write lock at once. */
  readonly effect: 'read' | 'write';
  /**
   * Asynchronous methods (workbooks, backups, file imports) run outside the per-call transaction
   * and do their own database work in their own transactions, before or after the slow part.
   */
  readonly async: boolean;
  readonly audit: AuditFact;
  readonly permission: Permission;
  /**
   * The record the input names, when it belongs to a setting or a child: the registry checks it
   * against the caller's reach (an SLT assistant's settings, a practitioner's key children) before
   * the handler runs. `field` is the input field holding the id; a null value names no record.
   */
  readonly scope?: ScopeFact;
  /** The input carries a whole file (imports): transports accept a larger body for it. */
  readonly carriesFile?: true;
}

export interface MethodSpec extends MethodFacts {
  readonly input: z.ZodType;
  readonly output: z.ZodType;
}

/** A domain's methods: `satisfies Methods` checks each entry states every fact. */
export type Methods = Readonly<Record<string, MethodSpec>>;

/** Shorthand for a scope fact: `scoped('child', 'childId')`. */
export const scoped = <K extends ScopeKind, F extends string>(kind: K, field: F, unnamed?: 'reach') =>
  ({ scope: { kind, field, ...(unnamed ? { unnamed } : {}) } }) as const;

// Shorthands for the common audit facts, so entries read as sentences.
export const notAudited = { mode: 'none' } as const;
export const created = <R extends string, F extends string = 'id'>(record: R, idField?: F) =>
  ({ mode: 'change', record, action: 'create', ...(idField ? { idField } : {}) }) as const;
export const updated = <R extends string, F extends string = 'id'>(record: R, idField?: F) =>
  ({ mode: 'change', record, action: 'update', ...(idField ? { idField } : {}) }) as const;
export const removed = <R extends string, F extends string = 'id'>(record: R, idField?: F) =>
  ({ mode: 'change', record, action: 'remove', ...(idField ? { idField } : {}) }) as const;

const zodSchema = z.custom<z.ZodType>((v) => v instanceof z.ZodType, { message: 'must be a zod schema' });
const auditFactSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('none') }).strict(),
  z
    .object({ mode: z.literal('change'), record: z.string().min(1), action: z.enum(['create', 'update', 'remove']), idField: z.string().min(1).optional() })
    .strict(),
  z.object({ mode: z.literal('access'), record: z.string().min(1), idField: z.string().min(1), note: z.string().min(1) }).strict(),
  z.object({ mode: z.literal('self') }).strict(),
]);
const methodSpecSchema = z
  .object({
    input: zodSchema,
    output: zodSchema,
    effect: z.enum(['read', 'write']),
    async: z.boolean(),
    audit: auditFactSchema,
    permission: z.enum(permissions),
    scope: z
      .object({ kind: z.enum(scopeKinds), field: z.string().min(1), unnamed: z.enum(['refuse', 'reach']).optional() })
      .strict()
      .optional(),
    carriesFile: z.literal(true).optional(),
  })
  .strict()
  .refine((m) => m.effect === 'write' || m.audit.mode === 'none' || m.audit.mode === 'access', {
    message: 'a read cannot record a change in the audit trail',
  })
  .refine((m) => m.effect === 'read' || m.audit.mode !== 'none', { message: 'a write must be audited' });

/**
 * Throws naming the method and the missing or wrong fact. Method names must be `<domain>.<verb>`,
 * the domain being the file the entry lives in (checked by the layout test).
 */
export function checkFacts(methods: Readonly<Record<string, unknown>>): void {
  for (const [name, spec] of Object.entries(methods)) {
    if (!/^[a-z][a-zA-Z]*\.[a-zA-Z]+$/.test(name)) throw new Error(`API method "${name}" is not named <domain>.<verb>`);
    const parsed = methodSpecSchema.safeParse(spec);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const where = first && first.path.length > 0 ? first.path.join('.') : 'entry';
      throw new Error(`API method "${name}" states its facts wrongly (${where}: ${first?.message ?? 'invalid'})`);
    }
  }
}
