import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '@portal/dev-db';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const READY_TIMEOUT_MS = 60_000;

export interface GraphQLEngine {
  url: string;
  stop(): Promise<void>;
}

/**
 * A Hasura-compatible engine serving the project's metadata, as its own process: the action server
 * runs beside real Hasura in production and must not import an engine, so its acceptance test
 * starts one the way an operator does (`npm run start -w @portal/hasura`, the dev engine) and
 * talks to it over HTTP only.
 */
export async function startGraphQLEngine(env: Record<string, string>): Promise<GraphQLEngine> {
  const port = await freePort();
  const child = spawn('npm', ['run', '--silent', 'start', '-w', '@portal/hasura'], {
    cwd: ROOT,
    env: { ...process.env, ...env, HASURA_GRAPHQL_SERVER_HOST: '127.0.0.1', HASURA_GRAPHQL_SERVER_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      // npm starts the engine as its child: signal the whole group.
      process.kill(-child.pid!, 'SIGTERM');
    });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the engine exited (${child.exitCode}):\n${output}`);
    if (await fetch(`${url}/healthz`).then((response) => response.ok, () => false)) return { url, stop };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`the engine did not answer at ${url} within ${READY_TIMEOUT_MS / 1000} s:\n${output}`);
}

/** The engine in front of a test action server: its database, the dev JWT secret, actions at `actionsUrl`. */
export function engineFor(databaseUrl: string, actionsUrl: string, adminSecret: string, jwtSecret: string, actionSecret: string): Record<string, string> {
  return {
    HASURA_GRAPHQL_DATABASE_URL: databaseUrl,
    PG_DATABASE_URL: databaseUrl,
    HASURA_GRAPHQL_LOG_LEVEL: 'error',
    HASURA_GRAPHQL_ADMIN_SECRET: adminSecret,
    HASURA_GRAPHQL_JWT_SECRET: jwtSecret,
    HASURA_GRAPHQL_UNAUTHORIZED_ROLE: 'anonymous',
    ACTION_BASE_URL: actionsUrl,
    ACTION_SECRET: actionSecret,
  };
}
