import type pg from 'pg';
import { fromConnectionError } from '../errors/index.ts';

/**
 * A client from the pool, or Hasura's connection error when none can be had (the database is down,
 * restarting, or full): whatever failed while connecting is a connection failure, whatever its text.
 */
export function checkOut(pool: pg.Pool): Promise<pg.PoolClient> {
  return pool.connect().catch((error: unknown) => {
    throw fromConnectionError(error);
  });
}
