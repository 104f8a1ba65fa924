import pg from 'pg';
import { beforeAll, describe, expect, test } from 'vitest';
import { survivePoolDisconnects } from '@portal/common/postgres';
import { createTestDatabase, type TestDatabase } from '@portal/test-support';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});

/** Ends every other backend of the test database, as an administrator or a restart would. */
async function terminateOthers(): Promise<number> {
  const { rows } = await db.pool.query<{ n: number }>(
    `select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid() and application_name = 'disconnect-test'`,
  );
  return rows[0]!.n;
}

describe('a pool whose connections the database ends', () => {
  test('survives a checked-out connection ending between two queries, reports it, and serves the next query', async () => {
    const reported: string[] = [];
    const pool = survivePoolDisconnects(new pg.Pool({ connectionString: db.url, max: 2, application_name: 'disconnect-test' }), (error) => reported.push(error.message));
    try {
      const idle = await pool.connect();
      await pool.query('select 1');
      const checkedOut = await pool.connect();
      await checkedOut.query('begin');
      idle.release();
      expect(await terminateOthers()).toBeGreaterThanOrEqual(2);
      // Without the listener, the checked-out connection's 'error' event would end this process here.
      await expect.poll(() => reported.length, { timeout: 5_000 }).toBeGreaterThanOrEqual(2);
      await expect(checkedOut.query('select 1')).rejects.toThrow();
      checkedOut.release(true);
      const { rows } = await pool.query<{ ok: number }>('select 1 as ok');
      expect(rows).toEqual([{ ok: 1 }]);
      expect(reported.some((message) => /terminating connection/.test(message))).toBe(true);
    } finally {
      await pool.end();
    }
  });
});
