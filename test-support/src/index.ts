/**
 * Test databases for vitest: one PostgreSQL per run (started by `global-setup.ts`), template
 * databases built once, and a fresh clone per test file.
 */
export { createTestDatabase, type TestDatabase } from './database.ts';
export { DEMO_TEMPLATE, DEMO_TEMPLATE_BCRYPT_COST, SCHEMA_TEMPLATE } from './templates.ts';
export { startDatabaseOutage, type DatabaseOutage } from './database-outage.ts';
export { copyProjectMetadata, editFile, MINIMAL_METADATA, PROJECT_METADATA, scratchDirectory, writeFiles } from './metadata-copy.ts';
