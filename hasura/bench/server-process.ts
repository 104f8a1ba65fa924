import { fork, type ChildProcess } from 'node:child_process';
import type { ChildMessage, ParentMessage } from './child-server.ts';

/** A server running in a child process of its own (its own event loop and heap, like a real deployment). */
export interface ServerProcess {
  /** Base URL on loopback. */
  url: string;
  /** Sends a `call` to the child's server and waits for its reply. */
  call<T>(payload: unknown): Promise<T>;
  /** Asks the child to close its server and exit; kills it when it does not within a few seconds. */
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 10_000;

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.connected) child.send({ type: 'stop' } satisfies ParentMessage);
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited(child);
  clearTimeout(timer);
}

function waitReady(child: ChildProcess, label: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${label} did not start within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
    const onMessage = (reply: ChildMessage) => {
      if (reply.type === 'ready') resolve(reply.url);
      else if (reply.type === 'failed') reject(new Error(`${label} failed to start: ${reply.error}`));
      else return;
      cleanup();
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`${label} exited during start-up (code ${code})`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

function caller(child: ChildProcess, label: string): ServerProcess['call'] {
  let next = 0;
  return <T>(payload: unknown) =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      const done = () => {
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      const onMessage = (reply: ChildMessage) => {
        if (reply.type !== 'reply' || reply.id !== id) return;
        done();
        if (reply.error !== undefined) reject(new Error(reply.error));
        else resolve(reply.result as T);
      };
      const onExit = (code: number | null, signal: string | null) => {
        done();
        reject(new Error(`${label} exited (${signal ?? `code ${code}`})`));
      };
      if (!child.connected) return reject(new Error(`${label} is not running`));
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send({ type: 'call', id, payload } satisfies ParentMessage, (error) => {
        if (!error) return;
        done();
        reject(error);
      });
    });
}

/**
 * Forks `entry` (a module that calls `runChildServer`) with this process's loader flags (tsx), sends
 * it `init` (settings and secrets travel over IPC, not the environment) and waits until it listens.
 * The child is killed if start-up fails.
 */
export async function startServerProcess(entry: URL, init: unknown, label: string): Promise<ServerProcess> {
  const child = fork(entry, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  child.on('error', (error) => process.stderr.write(`${label}: ${error.message}\n`));
  try {
    const ready = waitReady(child, label);
    child.send({ type: 'start', init } satisfies ParentMessage);
    const url = await ready;
    return { url, call: caller(child, label), stop: () => stopChild(child) };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}
