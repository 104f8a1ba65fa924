/**
 * Development PostgreSQL for `npm start`, tests, benches and tools: an embedded cluster, scratch
 * servers and databases (`DATABASE_URL`'s server or a temporary cluster), loopback ports, and
 * the migrator that applies `migrations/` the way the Hasura CLI records them.
 */
export { startEmbeddedPostgres, type EmbeddedServer, type EmbeddedServerOptions } from './embedded.ts';
export { withClient, databaseExists, createDatabase, dropDatabase, withDatabase } from './databases.ts';
export { freePort } from './free-port.ts';
export { startThrowawayServer, createThrowawayDatabase, type ThrowawayServer, type ThrowawayDatabase } from './throwaway.ts';
export { migrateUp, migrateDown, migrationStatus, type MigrateOptions, type MigrationStatus } from './migrations/migrator.ts';
export { readMigrations, type MigrationFile } from './migrations/migration-files.ts';
export { MIGRATIONS_DIR } from './migrations/migrations-dir.ts';
