// Error codes that cross the API boundary. The renderer decides what to show from the code,
// never from the message text, so messages can be improved without breaking callers.

export const errorCodes = [
  'VALIDATION', // input failed the contract or a domain rule; `issues` names the fields
  'NOT_FOUND', // the record does not exist (or not in this setting)
  'CONFLICT', // the write would break a uniqueness rule, e.g. a duplicate URN
  'UNAUTHORISED', // browser mode: no access cookie, no tab id, or another site's request
  'SIGN_IN_REQUIRED', // nobody is signed in to this window, or their account was disabled
  'SIGN_IN_FAILED', // wrong user name or password, or too many attempts: the message says how long to wait
  'LOCKED', // the session is locked (idle, or on request): unlock with the password
  'FORBIDDEN', // the signed-in person's role or reach does not allow this call: nothing was done
  'BAD_REQUEST', // malformed transport request: unknown method, bad JSON, too large
  'DATABASE', // the database cannot be used (newer version, damaged file, read-only, disk full)
  'BUSY', // another program (window, command line, import) holds the database: nothing saved, try again
  'INTERNAL', // a bug: logged on the host, shown as a generic apology
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** One problem with one field. `path` follows zod: ['children', 2, 'dateOfBirth']. */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

/** Thrown by handlers and repositories; the registry turns it into an ApiErrorBody. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[] | undefined;

  constructor(code: ErrorCode, message: string, issues?: FieldIssue[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.issues = issues;
  }

  toBody(): ApiErrorBody {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}

/** A validation failure on named fields, with a summary sentence built from them. */
export function validationError(issues: FieldIssue[], summary?: string): AppError {
  const first = issues[0];
  const message = summary ?? (issues.length === 1 && first ? first.message : `${issues.length} fields need attention`);
  return new AppError('VALIDATION', message, issues);
}

/** Thrown on the renderer side when a call returns ok: false, so components can catch it. */
export class ApiCallError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];

  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiCallError';
    this.code = body.code;
    this.issues = body.issues ?? [];
  }
}
