/**
 * PostgreSQL helpers for the server-side workspaces (never imported by the web): the one
 * identifier-quoting function, a transaction on one client, Hasura's catalog-version row, and the
 * listeners that keep a dropped connection from ending the process.
 */
export { quoteIdentifier } from './quote-identifier.ts';
export { inTransaction } from './transaction.ts';
export { DEV_CATALOG_VERSION, ensureCatalog } from './hdb-catalog.ts';
export { survivePoolDisconnects } from './connection-errors.ts';
