import type pg from 'pg';

/**
 * Keeps a dropped database connection from ending the process. pg-pool listens for a connection's
 * `error` only while it is idle; a connection checked out between two queries (inside a
 * transaction, say) that the server ends (restart, failover, `pg_terminate_backend`) emits `error`
 * with no listener, and Node ends the process. This listener stays for the connection's life: the
 * failure is reported, the caller's next query on that connection fails with an error it handles,
 * and the pool discards the connection when it is released.
 */
export function survivePoolDisconnects(pool: pg.Pool, report: (error: Error) => void): pg.Pool {
  pool.on('error', report);
  pool.on('connect', (client) => {
    client.on('error', report);
  });
  return pool;
}
