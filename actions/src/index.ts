/** Public API of the action server, for the root `npm start` and for tests. */
export { makeApp } from './app.ts';
export { startActionServer, type RunningActionServer } from './server.ts';
export { readActionsConfig, type ActionsConfig } from './config/config.ts';
export { DEV_ACTION_SECRET, DEV_ENCRYPTION_KEY, DEV_JWT_SECRET, DEV_SENDGRID_API_KEY } from './config/dev-defaults.ts';
export { ACTION_SECRET_HEADER } from './http/install-caller-check.ts';
export { ACTIONS } from './handlers/index.ts';
export { CRON_JOBS } from './cron/index.ts';
export { handlerPath } from './http/define-action.ts';
export { ERROR_CATALOGUE, type ErrorCode } from './errors/catalogue.ts';
export { SecretBox, notificationContext } from './crypto/encryption.ts';
export type { Clock } from './clock.ts';
export type { AppDeps } from './app-deps.ts';
