import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { readEngineConfig } from '../src/config/index.ts';
import type { Engine } from '../src/engine/index.ts';
import { startEngineServer as startHttpServer } from '../src/http/index.ts';

export interface EngineServer {
  engine: Engine;
  baseUrl: string;
  adminSecret: string;
  close(): Promise<void>;
}

/** The metadata of a fresh Hasura: one `default` Postgres source on HASURA_GRAPHQL_DATABASE_URL, nothing tracked. */
const EMPTY_SOURCES = `- name: default
  kind: postgres
  configuration:
    connection_info:
      database_url:
        from_env: HASURA_GRAPHQL_DATABASE_URL
  tables: []
`;

function writeEmptyMetadata(): string {
  const dir = mkdtempSync(join(tmpdir(), 'conformance-metadata-'));
  mkdirSync(join(dir, 'databases'));
  writeFileSync(join(dir, 'version.yaml'), 'version: 3\n');
  writeFileSync(join(dir, 'databases', 'databases.yaml'), EMPTY_SOURCES);
  return dir;
}

/**
 * The engine's own HTTP server over a fixture database, started like Hasura's test suite starts
 * its server: empty metadata, admin-secret mode, on a free loopback port. The server mounts the
 * metadata and query APIs itself. Its logs are silenced; the runner reports what matters.
 */
export async function startEngineServer(databaseUrl: string): Promise<EngineServer> {
  const metadataDir = writeEmptyMetadata();
  const adminSecret = randomBytes(18).toString('base64url');
  try {
    const config = readEngineConfig({
      HASURA_GRAPHQL_DATABASE_URL: databaseUrl,
      HASURA_GRAPHQL_METADATA_DIR: metadataDir,
      HASURA_GRAPHQL_SERVER_HOST: '127.0.0.1',
      HASURA_GRAPHQL_SERVER_PORT: '0',
      HASURA_GRAPHQL_ADMIN_SECRET: adminSecret,
    });
    const server = await startHttpServer(config, { logger: pino({ level: 'silent' }) });
    return { engine: server.engine, baseUrl: server.url, adminSecret, close: () => server.close() };
  } finally {
    rmSync(metadataDir, { recursive: true, force: true });
  }
}
