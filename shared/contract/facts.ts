import { z } from 'zod';

// The facts every API method states beside its input and output. The registry, the audit trail,
// the transports and (later) roles and sync read these facts; nothing is decided from a method's
// name. `checkFacts` proves at start-up and in tests that no entry lacks one.

/**
 * What a caller may be allowed to do. Roles (sign-in) grant sets of these; each method needs one.
 * Defined before sign-in exists so that every method states its permission from the start.
 */
export const permissions = [
  /** Anyone using the app: who they are, the app's version. */
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
  /** Printed progress reports (the reports feature). */
  'reports:produce',
  /** Personal data leaving the app: workbooks, trackers, subject access exports. */
  'data:export',
  'data:import',
  /** The audit trail. */
  'audit:read',
  /** Backups, restore, retention and purges, demo data. */
  'data:admin',
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
  /** The input carries a whole file (imports): transports accept a larger body for it. */
  readonly carriesFile?: true;
}

export interface MethodSpec extends MethodFacts {
  readonly input: z.ZodType;
  readonly output: z.ZodType;
}

/** A domain's methods: `satisfies Methods` checks each entry states every fact. */
export type Methods = Readonly<Record<string, MethodSpec>>;

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
    if (!/^[a-z]+\.[a-zA-Z]+$/.test(name)) throw new Error(`API method "${name}" is not named <domain>.<verb>`);
    const parsed = methodSpecSchema.safeParse(spec);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const where = first && first.path.length > 0 ? first.path.join('.') : 'entry';
      throw new Error(`API method "${name}" states its facts wrongly (${where}: ${first?.message ?? 'invalid'})`);
    }
  }
}
