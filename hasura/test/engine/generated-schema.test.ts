import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, validateSchema } from 'graphql';
import { describe, expect, test } from 'vitest';
import { buildEngineState } from '../../src/engine/index.ts';
import { CODEGEN_ROLES, codegenEnvironment, roleSchemaSDL } from '../../src/introspection/role-sdl.ts';
import { loadMetadata } from '@portal/hasura-metadata';
import { createTestDatabase } from '@portal/test-support';
import { METADATA_DIR } from './engine-fixture.ts';

const GENERATED_DIR = new URL('../../__generated__/', import.meta.url).pathname;

describe('generated role schemas for code generation', async () => {
  const db = await createTestDatabase();
  const state = await buildEngineState(loadMetadata(METADATA_DIR), db.pool, codegenEnvironment(process.env));

  test.each(CODEGEN_ROLES)('%s: introspection rebuilds into a valid schema, and the committed file is current', async (role) => {
    const sdl = await roleSchemaSDL(state, role);
    expect(validateSchema(buildSchema(sdl))).toEqual([]);
    const committed = readFileSync(join(GENERATED_DIR, `${role}.graphql`), 'utf8');
    expect(committed, `hasura/__generated__/${role}.graphql is stale: run npm run schema -w @portal/hasura`).toBe(sdl);
  });
});
