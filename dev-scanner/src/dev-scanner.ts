import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** The industry's standard harmless test file: every scanner must report it (here: our own signature). */
export const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!H+H*';

export const CLAMD_INSTALL_HINT = 'clamd is not installed: apt-get install -y clamav-daemon';

const CLAMD_PATHS = ['/usr/sbin/clamd', '/usr/bin/clamd', '/usr/local/sbin/clamd'];
const START_TIMEOUT_MS = 30_000;

export interface DevScanner {
  /** The unix socket clamd listens on (CLAMAV_SOCKET). */
  socketPath: string;
  close(): Promise<void>;
}

/** Debian's clamav-daemon binary, or null when it is not installed. */
export function findClamd(): string | null {
  return CLAMD_PATHS.find((path) => existsSync(path)) ?? null;
}

/** Signature downloads are impossible here, so clamd gets a one-line database: EICAR as an .ndb body signature. */
function eicarSignature(): string {
  return `Portal.Test.EICAR:0:*:${Buffer.from(EICAR, 'latin1').toString('hex')}\n`;
}

function clamdConfig(folder: string): string {
  return [
    'Foreground yes',
    `LocalSocket ${join(folder, 'clamd.sock')}`,
    `DatabaseDirectory ${join(folder, 'db')}`,
    `TemporaryDirectory ${folder}`,
    // A file of its own: clamd locks its log, so a shared /dev/null makes a second clamd fail to start.
    `LogFile ${join(folder, 'clamd.log')}`,
    // Larger than the portal's upload limit, so an allowed file is always scanned whole.
    'StreamMaxLength 200M',
    'MaxFileSize 200M',
    'MaxScanSize 400M',
    '',
  ].join('\n');
}

function pings(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(socketPath);
    let answer = '';
    socket.on('connect', () => socket.write('zPING\0'));
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('close', () => resolve(answer.startsWith('PONG')));
    socket.on('error', () => resolve(false));
  });
}

async function waitUntilReady(child: ChildProcess, socketPath: string, stderr: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`clamd exited with code ${child.exitCode} while starting: ${stderr().trim()}`);
    if (existsSync(socketPath) && (await pings(socketPath))) return;
    await sleep(100);
  }
  throw new Error(`clamd did not answer on ${socketPath} within ${START_TIMEOUT_MS} ms`);
}

/**
 * Starts clamd on a socket in a temporary folder with the EICAR-only signature database; throws
 * with CLAMD_INSTALL_HINT when clamd is missing. `close()` stops it and removes the folder.
 */
export async function startDevScanner(): Promise<DevScanner> {
  const clamd = findClamd();
  if (clamd === null) throw new Error(CLAMD_INSTALL_HINT);
  const folder = await mkdtemp(join(tmpdir(), 'portal-clamd-'));
  await writeFile(join(folder, 'clamd.conf'), clamdConfig(folder));
  await mkdir(join(folder, 'db'));
  await writeFile(join(folder, 'db', 'portal-test.ndb'), eicarSignature());
  const child = spawn(clamd, ['--config-file', join(folder, 'clamd.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const socketPath = join(folder, 'clamd.sock');
  try {
    await waitUntilReady(child, socketPath, () => stderr);
  } catch (error) {
    child.kill('SIGKILL');
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
  return {
    socketPath,
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(folder, { recursive: true, force: true });
    },
  };
}
