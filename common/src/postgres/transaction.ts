import type pg from 'pg';

/** Runs `work` between BEGIN and COMMIT on `client`; any error rolls everything back and is rethrown. */
export async function inTransaction<T>(client: pg.ClientBase, work: () => Promise<T>): Promise<T> {
  await client.query('begin');
  try {
    const result = await work();
    await client.query('commit');
    return result;
  } catch (error) {
    // A rollback can only fail when the connection is gone (the server rolls back by itself then);
    // the error that ended the transaction is the one worth reporting.
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}
