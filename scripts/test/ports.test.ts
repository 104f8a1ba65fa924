import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freePort } from '@portal/dev-db';
import { PROJECT_ROOT } from '../local-database.ts';
import { portHolder, portProblems } from '../start/ports.ts';

let squatter: Server;
let takenPort = 0;

beforeAll(async () => {
  squatter = createServer();
  await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
  takenPort = (squatter.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => squatter.close(() => resolve())));

describe('ports npm start needs', () => {
  test('a taken port is named with what holds it and the variable that moves it; a free one is fine', async () => {
    const free = await freePort();
    const problems = await portProblems([
      { port: takenPort, variable: 'PORTAL_WEB_PORT', service: 'web portal' },
      { port: free, variable: 'PORTAL_ENGINE_PORT', service: 'GraphQL engine' },
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`port ${takenPort} for the web portal is already in use`);
    expect(problems[0]).toContain(`pid ${process.pid}`);
    expect(problems[0]).toContain('set PORTAL_WEB_PORT to a free port');
    expect(portHolder(free)).toBeNull();
  });

  test('npm start stops before starting anything and says which port to move', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'portal-ports-'));
    try {
      const child = spawn(join(PROJECT_ROOT, 'node_modules/.bin/tsx'), ['scripts/start.ts'], {
        cwd: PROJECT_ROOT,
        env: {
          PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORTAL_DATA_DIR: dataDir,
          PORTAL_EMBEDDED_PG_PORT: String(await freePort()), PORTAL_ENGINE_PORT: String(await freePort()), PORTAL_ACTIONS_PORT: String(await freePort()),
          PORTAL_MAILBOX_PORT: '0', PORTAL_STORAGE_PORT: String(await freePort()), PORTAL_WEB_PORT: String(takenPort),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(1);
      expect(output).toContain(`start: port ${takenPort} for the web portal is already in use`);
      expect(output).toContain('PORTAL_WEB_PORT');
      expect(output).not.toContain('undefined');
      expect(output).not.toContain('embedded PostgreSQL started');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
