import { EngineError } from './engine-error.ts';

interface PgError {
  code?: string;
  message: string;
}

/** PostgreSQL errors in Hasura's codes (mutations add constraint mappings). */
export function fromDatabaseError(error: unknown): EngineError {
  if (error instanceof EngineError) return error;
  const pgError = error as PgError;
  const code = pgError.code ?? '';
  if (code.startsWith('22')) return new EngineError(code === '22025' ? 'bad-request' : 'data-exception', pgError.message);
  if (code === '23505') return new EngineError('constraint-violation', `Uniqueness violation. ${pgError.message}`);
  if (code === '23503') return new EngineError('constraint-violation', `Foreign key violation. ${pgError.message}`);
  if (code === '23502') return new EngineError('constraint-violation', `Not-NULL violation. ${pgError.message}`);
  if (code === '23514') return new EngineError('permission-error', `Check constraint violation. ${pgError.message}`);
  // The client gets Hasura's generic message; the database's own error travels as the cause, for the log.
  return new EngineError('unexpected', 'database query error', '$', 500, { cause: error });
}
