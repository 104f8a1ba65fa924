export { quoteIdentifier } from './sql.ts';
export { startEmbeddedPostgres, type EmbeddedServer, type EmbeddedServerOptions } from './embedded.ts';
export { withClient, databaseExists, createDatabase, dropDatabase, withDatabase } from './databases.ts';
export { freePort } from './free-port.ts';
export { inTransaction } from './transaction.ts';
