/**
 * Development-only defaults that let `npm start` and the tests run with no configuration. They are
 * public (they are in the repository), so `readActionsConfig` refuses to start with any of them when
 * NODE_ENV=production. The dev engine must verify tokens with the same JWT secret.
 */
export const DEV_JWT_SECRET = JSON.stringify({
  type: 'HS256',
  key: 'development-only-portal-jwt-key-do-not-use-in-production',
});

/** Shared secret Hasura sends in the action header (development only). */
export const DEV_ACTION_SECRET = 'development-only-action-secret-do-not-use-in-production';

/** AES-256-GCM key, base64 of 32 bytes (development only). */
export const DEV_ENCRYPTION_KEY = Buffer.from('development-only-portal-data-key', 'utf8').toString('base64');

/** The embedded PostgreSQL of `npm start` (scripts/local-database.ts), for running this server alone. */
export const DEV_DATABASE_URL = 'postgres://postgres:postgres@127.0.0.1:54320/portal';

/** A key the development mailbox accepts; SendGrid would refuse it. */
export const DEV_SENDGRID_API_KEY = 'SG.development-only-mailbox-key';

export const DEV_DEFAULTS = {
  HASURA_GRAPHQL_JWT_SECRET: DEV_JWT_SECRET,
  ACTION_SECRET: DEV_ACTION_SECRET,
  ACTIONS_ENCRYPTION_KEY: DEV_ENCRYPTION_KEY,
  SENDGRID_API_KEY: DEV_SENDGRID_API_KEY,
} as const;
