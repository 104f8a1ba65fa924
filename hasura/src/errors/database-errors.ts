import { EngineError } from './engine-error.ts';

interface PgError {
  code?: string;
  message: string;
  /** Set on Node's socket errors (refused, reset, unreachable), which carry no SQLSTATE. */
  syscall?: string;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;
const TOO_MANY_CONNECTIONS = '53300';

/**
 * The database could not be reached or would not take a connection: a socket error, or SQLSTATE
 * class 08 (connection exception), class 28 (authorization), 3D000 (no such database) or 57P03
 * (starting up or shutting down). A statement cut off by a terminated backend (57P01) is not one:
 * Hasura reports that as the statement's failure.
 */
export function isConnectionFailure(error: unknown): boolean {
  const { code = '', syscall } = (error ?? {}) as PgError;
  if (!SQLSTATE.test(code)) return typeof syscall === 'string';
  return code.startsWith('08') || code.startsWith('28') || code === '3D000' || code === '57P03' || code === TOO_MANY_CONNECTIONS;
}

/**
 * No connection to run on, in Hasura's words (its FromPGConnErr instance in Hasura.Base.Error):
 * `postgres-max-connections-error` when the server has no slot left, otherwise `postgres-error`
 * "connection error". The driver's own text goes to the log only, as the cause.
 */
export function fromConnectionError(error: unknown): EngineError {
  if (error instanceof EngineError) return error;
  if ((error as PgError | null)?.code === TOO_MANY_CONNECTIONS) {
    return new EngineError('postgres-max-connections-error', 'max connections reached on postgres', '$', 500, { cause: error });
  }
  return new EngineError('postgres-error', 'connection error', '$', 500, { cause: error });
}

/** PostgreSQL errors in Hasura's codes (mutations add constraint mappings). */
export function fromDatabaseError(error: unknown): EngineError {
  if (error instanceof EngineError) return error;
  if (isConnectionFailure(error)) return fromConnectionError(error);
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
