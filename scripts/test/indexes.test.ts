import { beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@portal/test-support';
import { PORTAL_QUERIES, SUBSTRING_SEARCHES } from '../bench/portal-queries.ts';
import { sampleParams, type SampleParams } from '../bench/sample-ids.ts';
import { seedScale } from '@portal/seed';

describe('every portal filter is served by its index', () => {
  let db: TestDatabase;
  let sample: SampleParams;

  beforeAll(async () => {
    db = await createTestDatabase();
    const client = await db.pool.connect();
    try {
      const seeded = await seedScale(client, { scale: 0.02, bcryptCost: 4 });
      sample = await sampleParams(client, seeded.tenantId);
    } finally {
      client.release();
    }
  });

  test.each(PORTAL_QUERIES.map((q) => [q.name, q] as const))('%s', async (_name, query) => {
    const client = await db.pool.connect();
    try {
      // With sequential scans priced out, the planner picks the best index that can serve the query.
      await client.query('set enable_seqscan = off');
      const plan = await client.query(`explain (format json) ${query.sql}`, query.params.map((kind) => sample[kind]));
      const used = [...JSON.stringify(plan.rows[0]).matchAll(/"Index Name":"(\w+)"/g)].map((match) => match[1]);
      expect([query.index].flat()).toContain(used[0]);
    } finally {
      await client.query('reset enable_seqscan');
      client.release();
    }
  });

  test.each(SUBSTRING_SEARCHES.map((q) => [q.name, q] as const))('substring search of %s is served by its trigram index', async (_name, search) => {
    const client = await db.pool.connect();
    try {
      await client.query('set enable_seqscan = off');
      const plan = await client.query(`explain (format json) ${search.sql}`, ['%ard%']);
      expect(JSON.stringify(plan.rows[0])).toContain(`"Index Name":"${search.index}"`);
    } finally {
      await client.query('reset enable_seqscan');
      client.release();
    }
  });
});
