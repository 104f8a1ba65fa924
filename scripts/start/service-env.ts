import { DEV_ACTION_SECRET, DEV_JWT_SECRET, DEV_SENDGRID_API_KEY } from '@portal/actions';
import type { ScriptConfig } from '../config.ts';

/** Admin secret of the dev engine under `npm start` (development only; set your own to override). */
export const DEV_ADMIN_SECRET = 'development-only-admin-secret-do-not-use-in-production';

/**
 * The environment every service of `npm start` reads: one database, one JWT secret shared by the
 * action server (signs) and the engine (verifies), one action secret, loopback ports. Values set
 * in the real environment win.
 */
const ENGINE_LOG_LEVELS: Record<ScriptConfig['LOG_LEVEL'], string> = {
  fatal: 'error', error: 'error', warn: 'warn', info: 'info', debug: 'debug', trace: 'debug', silent: 'error',
};

/**
 * Mail goes to the development mailbox unless a SendGrid key is set in the environment (then
 * SendGrid's own address, or SENDGRID_API_URL, is used as in production).
 */
function mailEnvironment(env: NodeJS.ProcessEnv, mailboxUrl: string): NodeJS.ProcessEnv {
  if (env.SENDGRID_API_KEY) return {};
  return { SENDGRID_API_KEY: DEV_SENDGRID_API_KEY, SENDGRID_API_URL: mailboxUrl };
}

export function serviceEnvironment(config: ScriptConfig, databaseUrl: string, mailboxUrl: string): NodeJS.ProcessEnv {
  const env = process.env;
  return {
    ...env,
    DATABASE_URL: databaseUrl,
    PG_DATABASE_URL: databaseUrl,
    BCRYPT_COST: String(config.BCRYPT_COST),
    LOG_LEVEL: config.LOG_LEVEL,
    HASURA_GRAPHQL_LOG_LEVEL: env.HASURA_GRAPHQL_LOG_LEVEL || ENGINE_LOG_LEVELS[config.LOG_LEVEL],
    HASURA_GRAPHQL_SERVER_HOST: '127.0.0.1',
    HASURA_GRAPHQL_SERVER_PORT: String(config.PORTAL_ENGINE_PORT),
    HASURA_GRAPHQL_ADMIN_SECRET: env.HASURA_GRAPHQL_ADMIN_SECRET || DEV_ADMIN_SECRET,
    HASURA_GRAPHQL_JWT_SECRET: env.HASURA_GRAPHQL_JWT_SECRET || DEV_JWT_SECRET,
    HASURA_GRAPHQL_UNAUTHORIZED_ROLE: env.HASURA_GRAPHQL_UNAUTHORIZED_ROLE || 'anonymous',
    PORTAL_ACTIONS_HOST: '127.0.0.1',
    PORTAL_ACTIONS_PORT: String(config.PORTAL_ACTIONS_PORT),
    ACTION_BASE_URL: `http://127.0.0.1:${config.PORTAL_ACTIONS_PORT}`,
    ACTION_SECRET: env.ACTION_SECRET || DEV_ACTION_SECRET,
    // The engine and the web server run on loopback and append the address they saw.
    ACTIONS_TRUSTED_PROXIES: env.ACTIONS_TRUSTED_PROXIES || '127.0.0.1, ::1',
    PORTAL_PUBLIC_URL: env.PORTAL_PUBLIC_URL || `http://127.0.0.1:${config.PORTAL_WEB_PORT}`,
    ...mailEnvironment(env, mailboxUrl),
  };
}
