import type pg from 'pg';

/** Runs `work` between BEGIN and COMMIT on `client`; any error rolls everything back and is rethrown. */
export async function inTransaction<T>(client: pg.ClientBase, work: () => Promise<T>): Promise<T> {
  await client.query('begin');
  try {
    const result = await work();
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}
