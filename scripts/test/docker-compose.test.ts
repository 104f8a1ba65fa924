import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../local-database.ts';

interface ComposeService {
  image: string;
  volumes?: string[];
  environment?: Record<string, string>;
}

const compose = parse(readFileSync(join(PROJECT_ROOT, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, ComposeService>;
};
const engine = compose.services['graphql-engine']!;

describe('docker-compose.yml (cannot be run here: no Docker engine)', () => {
  test('runs the Hasura image whose CLI the project pins, with auto-applied migrations', () => {
    const pinnedCli = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')).devDependencies['hasura-cli'];
    expect(engine.image).toBe(`hasura/graphql-engine:v${pinnedCli}.cli-migrations-v3`);
  });

  test('mounts the project folders where the cli-migrations image reads them', () => {
    const mounts = Object.fromEntries((engine.volumes ?? []).map((v) => v.split(':')).map(([from, to]) => [to, from]));
    expect(mounts['/hasura-migrations']).toBe('./migrations');
    expect(mounts['/hasura-metadata']).toBe('./metadata');
    for (const folder of ['migrations', 'metadata']) expect(existsSync(join(PROJECT_ROOT, folder))).toBe(true);
  });

  test('sets every environment variable the metadata reads with from_env', () => {
    const metadataEnv = [...readFileSync(join(PROJECT_ROOT, 'metadata/databases/databases.yaml'), 'utf8').matchAll(/from_env:\s*(\w+)/g)].map(
      (match) => match[1]!,
    );
    expect(metadataEnv.length).toBeGreaterThan(0);
    for (const name of metadataEnv) expect(Object.keys(engine.environment ?? {})).toContain(name);
  });

  test('points the engine at the action server with the secret actions.yaml reads', () => {
    const actionsYaml = readFileSync(join(PROJECT_ROOT, 'metadata/actions.yaml'), 'utf8');
    for (const name of new Set([...actionsYaml.matchAll(/\{\{(\w+)\}\}|value_from_env:\s*(\w+)/g)].map((m) => m[1] ?? m[2]!))) {
      expect(Object.keys(engine.environment ?? {})).toContain(name);
    }
    const actions = compose.services.actions!;
    expect(actions.environment?.ACTION_SECRET).toBe(engine.environment?.ACTION_SECRET);
    expect(engine.environment?.ACTION_BASE_URL).toBe(`http://actions:${actions.environment?.PORTAL_ACTIONS_PORT}`);
  });

  test('takes every secret from the environment, never from the file', () => {
    const env = engine.environment ?? {};
    for (const name of ['HASURA_GRAPHQL_ADMIN_SECRET', 'HASURA_GRAPHQL_JWT_SECRET']) {
      expect(env[name]).toMatch(/^\$\{\w+:\?[^}]+\}$/);
    }
    expect(env.HASURA_GRAPHQL_UNAUTHORIZED_ROLE).toBe('anonymous');
  });

  test('gives the action server MinIO (with its bucket created) and ClamAV', () => {
    const actions = compose.services.actions!.environment ?? {};
    const setup = compose.services['minio-setup'] as ComposeService & { entrypoint?: string[] };
    expect(compose.services.minio?.image).toMatch(/^minio\/minio:/);
    expect(compose.services.clamav?.image).toMatch(/^clamav\/clamav:/);
    expect(actions.ARTWORK_S3_ENDPOINT).toBe('http://minio:9000');
    expect(actions.ARTWORK_S3_ACCESS_KEY_ID).toBe(compose.services.minio!.environment!.MINIO_ROOT_USER);
    expect(actions.CLAMAV_HOST).toBe('clamav');
    expect(setup.entrypoint?.join(' ')).toContain('mc mb --ignore-existing portal/$$ARTWORK_S3_BUCKET');
  });
});
