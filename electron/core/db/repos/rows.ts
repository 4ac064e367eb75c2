import { randomUUID } from 'node:crypto';
import { AppError } from '../../../../shared/errors.js';

// Small helpers shared by the repositories: ids, the 0/1 <-> boolean mapping SQLite needs,
// and turning SQLite constraint failures into messages a person can act on.

export function newId(): string {
  return randomUUID();
}

export const toFlag = (b: boolean): 0 | 1 => (b ? 1 : 0);
export const fromFlag = (n: number): boolean => n === 1;

export function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', `${what} was not found`);
}

interface SqliteErrorLike {
  code: string;
  message: string;
}

export function isSqliteError(err: unknown): err is SqliteErrorLike {
  if (!(err instanceof Error) || !('code' in err)) return false;
  return typeof err.code === 'string' && err.code.startsWith('SQLITE_');
}

export function isUniqueViolation(err: unknown): boolean {
  return isSqliteError(err) && err.code === 'SQLITE_CONSTRAINT_UNIQUE';
}
