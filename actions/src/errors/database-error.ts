import { ActionError } from './action-error.ts';

interface PgError {
  code: string;
  constraint?: string;
}

function isPgError(error: unknown): error is PgError {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
}

/**
 * A database refusal a client can cause (a duplicate, a value a constraint rejects, a concurrent
 * change) as a code and words; the constraint's name goes to the log only. Anything else is null:
 * a bug, answered as INTERNAL.
 */
export function databaseRefusal(error: unknown): ActionError | null {
  if (!isPgError(error)) return null;
  const detail = `database ${error.code}${error.constraint ? ` on ${error.constraint}` : ''}`;
  // 23505 unique, 23503 foreign key, 40001/40P01 serialization failure or deadlock: someone else won.
  if (['23505', '23503', '40001', '40P01'].includes(error.code)) return new ActionError('CONFLICT', { detail, cause: error });
  // 23502 not null, 23514 check, class 22 (data exception: too long, out of range, bad encoding).
  if (error.code === '23502' || error.code === '23514' || error.code.startsWith('22')) return new ActionError('VALIDATION_FAILED', { detail, cause: error });
  return null;
}
