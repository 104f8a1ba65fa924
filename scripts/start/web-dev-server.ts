import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The web workspace's folder, where svelte.config.js and vite.config.ts live. */
const WEB_ROOT = dirname(createRequire(import.meta.url).resolve('@portal/web/package.json'));
/** The web's own vite (its dev dependency), as the web's `npm run dev` would run it. */
const VITE_BIN = join(dirname(createRequire(join(WEB_ROOT, 'package.json')).resolve('vite/package.json')), 'bin/vite.js');
const READY_TIMEOUT_MS = 60_000;

export interface WebServerOptions {
  port: number;
  /** Interface to listen on; defaults to 127.0.0.1. */
  host?: string;
  /** Base URL of the GraphQL engine as this server reaches it, e.g. http://127.0.0.1:8080. */
  engineUrl: string;
  /** Portal (tenant) slug to sign in to; unset uses the action server's default tenant. */
  tenant?: string;
  /** Where the dev server's own output goes (default: this process's stderr). */
  output?: NodeJS.WritableStream;
  /** vite's dependency cache folder (default: web/node_modules/.vite). */
  cacheDir?: string;
  /** Origin of the artwork storage browsers upload to and load thumbnails from (its CSP allows it). */
  storageOrigin?: string;
}

export interface WebServer {
  /** Where the portal is served, e.g. http://127.0.0.1:3000. */
  url: string;
  close(): Promise<void>;
}

function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

async function waitUntilServing(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the web dev server exited (${child.exitCode}):\n${output()}`);
    const answered = await fetch(`${url}/favicon.svg`).then((response) => response.ok, () => false);
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the web dev server did not answer at ${url} within ${READY_TIMEOUT_MS / 1000} s:\n${output()}`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Serves the web portal with vite's development server (for `npm start` and the e2e tests), in a child process: SvelteKit
 * reads its config from the working directory and its settings from the environment, and neither
 * should change for the caller's process. Resolves once the server answers.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const host = options.host ?? '127.0.0.1';
  const url = `http://${displayHost(host)}:${options.port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, PORTAL_ENGINE_URL: options.engineUrl, NODE_ENV: 'development' };
  if (options.tenant) env.PORTAL_WEB_TENANT = options.tenant;
  if (options.cacheDir) env.PORTAL_VITE_CACHE_DIR = options.cacheDir;
  if (options.storageOrigin) env.PORTAL_ARTWORK_STORAGE_ORIGIN = options.storageOrigin;
  const child = spawn(process.execPath, [VITE_BIN, 'dev', '--host', host, '--port', String(options.port), '--strictPort', '--clearScreen', 'false', '--logLevel', 'warn'], {
    cwd: WEB_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const sink = options.output ?? process.stderr;
  const forward = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
    sink.write(chunk);
  };
  child.stdout!.on('data', forward);
  child.stderr!.on('data', forward);
  // If this process ends without close(), the dev server must not outlive it.
  const orphanGuard = () => child.kill('SIGTERM');
  process.once('exit', orphanGuard);
  try {
    await waitUntilServing(url, child, () => log);
  } catch (error) {
    process.off('exit', orphanGuard);
    await stop(child);
    throw error;
  }
  return {
    url,
    async close() {
      process.off('exit', orphanGuard);
      await stop(child);
    },
  };
}
