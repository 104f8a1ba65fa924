import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { PROJECT_METADATA } from '@portal/test-support';

const CONFIG = fileURLToPath(new URL('../../hasura/config.yaml', import.meta.url));

/** What `hasura metadata export` (CLI v2.36, config v3) writes for a project with one database. */
const CLI_FILES = [
  'actions.graphql',
  'actions.yaml',
  'allow_list.yaml',
  'api_limits.yaml',
  'backend_configs.yaml',
  'cron_triggers.yaml',
  'databases',
  'graphql_schema_introspection.yaml',
  'inherited_roles.yaml',
  'metrics_config.yaml',
  'network.yaml',
  'opentelemetry.yaml',
  'query_collections.yaml',
  'remote_schemas.yaml',
  'rest_endpoints.yaml',
  'version.yaml',
];

describe('metadata directory layout', () => {
  test('holds exactly the files the CLI writes', () => {
    expect(readdirSync(PROJECT_METADATA).sort()).toEqual(CLI_FILES);
    expect(readdirSync(join(PROJECT_METADATA, 'databases')).sort()).toEqual(['databases.yaml', 'default']);
  });

  test('tables.yaml includes every table file of the folder, one per table, in name order', () => {
    const folder = join(PROJECT_METADATA, 'databases/default/tables');
    const files = readdirSync(folder).filter((file) => file !== 'tables.yaml').sort();
    expect(files.every((file) => /^public_[a-z_]+\.yaml$/.test(file))).toBe(true);
    const list = readFileSync(join(folder, 'tables.yaml'), 'utf8');
    expect(list).toBe(files.map((file) => `- "!include ${file}"\n`).join(''));
    for (const file of files) {
      const table = (parse(readFileSync(join(folder, file), 'utf8')) as { table: { name: string; schema: string } }).table;
      expect(`${table.schema}_${table.name}.yaml`).toBe(file);
    }
  });

  test('the database URL comes from the environment', () => {
    const [source] = parse(readFileSync(join(PROJECT_METADATA, 'databases/databases.yaml'), 'utf8')) as {
      configuration: { connection_info: { database_url: unknown } };
    }[];
    expect(source!.configuration.connection_info.database_url).toEqual({ from_env: 'PG_DATABASE_URL' });
  });
});

describe('hasura/config.yaml', () => {
  const config = parse(readFileSync(CONFIG, 'utf8')) as Record<string, unknown>;

  test('is a CLI config v3 pointing at the shared metadata and migrations', () => {
    expect(config).toMatchObject({
      version: 3,
      endpoint: 'http://localhost:8080',
      metadata_directory: '../metadata',
      migrations_directory: '../migrations',
      actions: { kind: 'synchronous', handler_webhook_baseurl: expect.stringMatching(/^https?:\/\//) },
    });
    expect(fileURLToPath(new URL(`../../hasura/${config.metadata_directory as string}`, import.meta.url))).toBe(PROJECT_METADATA);
  });

  test('carries no secret', () => {
    expect(Object.keys(config).filter((key) => /secret|access_key/.test(key))).toEqual([]);
  });
});
