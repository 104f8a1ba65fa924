import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import type { ScriptConfig } from '../config.ts';

/** A port `npm start` listens on, the variable that moves it, and what it serves. */
export interface PlannedPort {
  port: number;
  variable: string;
  service: string;
}

/** The ports of `npm start`, in start order; port 0 (any free port) is left out. */
export function plannedPorts(config: ScriptConfig): PlannedPort[] {
  const ports: PlannedPort[] = [
    ...(config.DATABASE_URL ? [] : [{ port: config.PORTAL_EMBEDDED_PG_PORT, variable: 'PORTAL_EMBEDDED_PG_PORT', service: 'embedded PostgreSQL' }]),
    { port: config.PORTAL_MAILBOX_PORT, variable: 'PORTAL_MAILBOX_PORT', service: 'development mailbox' },
    { port: config.PORTAL_STORAGE_PORT, variable: 'PORTAL_STORAGE_PORT', service: 'artwork storage' },
    { port: config.PORTAL_ACTIONS_PORT, variable: 'PORTAL_ACTIONS_PORT', service: 'action server' },
    { port: config.PORTAL_ENGINE_PORT, variable: 'PORTAL_ENGINE_PORT', service: 'GraphQL engine' },
    { port: config.PORTAL_WEB_PORT, variable: 'PORTAL_WEB_PORT', service: 'web portal' },
  ];
  return ports.filter((planned) => planned.port !== 0);
}

/** Whether something already listens on the loopback port (the services bind 127.0.0.1). */
function portTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(true));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(false)));
  });
}

/** Socket inodes listening on `port`, from the kernel's tables (Linux). */
function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      // local_address is HEXIP:HEXPORT; state 0A is LISTEN; field 9 is the inode.
      if (fields[1]?.endsWith(`:${hexPort}`) && fields[3] === '0A' && fields[9]) inodes.add(fields[9]);
    }
  }
  return inodes;
}

/**
 * The process holding a listening port, e.g. "pid 4242: postgres -D .data/postgres", or null when
 * it cannot be told (another user's process, or not Linux). Best effort, for the message only.
 */
export function portHolder(port: number): string | null {
  const inodes = listeningInodes(port);
  if (inodes.size === 0) return null;
  let pids: string[] = [];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  for (const pid of pids) {
    let fds: string[] = [];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    const holds = fds.some((fd) => {
      try {
        const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
        return target.startsWith('socket:[') && inodes.has(target.slice(8, -1));
      } catch {
        return false;
      }
    });
    if (!holds) continue;
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
      return `pid ${pid}: ${command.slice(0, 120)}`;
    } catch {
      return `pid ${pid}`;
    }
  }
  return null;
}

/** One sentence per planned port that is already taken: the port, what holds it, the variable that moves it. */
export async function portProblems(ports: PlannedPort[]): Promise<string[]> {
  const problems: string[] = [];
  for (const { port, variable, service } of ports) {
    if (!(await portTaken(port))) continue;
    const holder = portHolder(port);
    problems.push(
      `port ${port} for the ${service} is already in use${holder ? ` (by ${holder})` : ''}: stop that process, or set ${variable} to a free port`,
    );
  }
  return problems;
}

/** Thrown before anything starts, so a taken port never leaves half a stack running. */
export class PortsInUseError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'PortsInUseError';
  }
}

export async function assertPortsFree(config: ScriptConfig): Promise<void> {
  const problems = await portProblems(plannedPorts(config));
  if (problems.length > 0) throw new PortsInUseError(problems);
}
