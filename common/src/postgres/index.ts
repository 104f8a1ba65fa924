/**
 * PostgreSQL helpers for the server-side workspaces (never imported by the web): the one
 * identifier-quoting function, a transaction on one client, and Hasura's catalog-version row.
 */
export { quoteIdentifier } from './quote-identifier.ts';
export { inTransaction } from './transaction.ts';
export { DEV_CATALOG_VERSION, ensureCatalog } from './hdb-catalog.ts';
