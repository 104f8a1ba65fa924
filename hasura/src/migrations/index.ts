export { migrateUp, migrateDown, migrationStatus, type MigrateOptions, type MigrationStatus } from './migrator.ts';
export { readMigrations, type MigrationFile } from './migration-files.ts';
export { DEV_CATALOG_VERSION } from './catalog-state.ts';
