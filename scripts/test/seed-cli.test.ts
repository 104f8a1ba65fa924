import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '@portal/test-support';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `scripts/seed.ts` the way `npm run seed -- …` does; resolves with its exit code and output. */
async function seed(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/seed.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn', BCRYPT_COST: '4', ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('npm run seed', () => {
  it('refuses a bad --scale before touching any database', async () => {
    const result = await seed(['--scale', 'abc'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('seed: invalid --scale "abc": must be a positive number');
    expect(result.stderr).toContain('usage: npm run seed');
  });

  it('seeds the demo and a scale tenant, prints the counts, and does nothing the second time', async () => {
    const db = await createTestDatabase();
    const first = await seed(['--scale', '0.002'], { DATABASE_URL: db.url });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^sales_orders\s+14\s+100\s+114$/m);
    expect(first.stdout).toMatch(/Elapsed: [\d.]+ s/);
    const second = await seed(['--scale', '0.002'], { DATABASE_URL: db.url });
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^sales_orders\s+0\s+0\s+114$/m);
  });
});
