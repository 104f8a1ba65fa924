import type pg from 'pg';
import type { Clock } from './clock.ts';
import type { ActionsConfig } from './config/config.ts';
import type { Logger } from './logger.ts';
import type { Mailer } from './mail/mailer.ts';
import type { ObjectStorage } from './storage/object-storage.ts';

/**
 * The dependencies that do not depend on the request: settings, the database pool, the clock, the
 * logger and `fetch`. `makeApp` receives them whole; `startActionServer` builds them, taking any
 * of them from its caller (a shared pool, a test clock, a captured log).
 */
export interface AppDeps {
  config: ActionsConfig;
  pool: pg.Pool;
  clock: Clock;
  logger: Logger;
  /** Used for the optional breached-password check; tests point it at a local server. */
  fetch: typeof fetch;
  /** Sends the notifications' emails (SendGrid, or the address SENDGRID_API_URL names). */
  mailer: Mailer;
  /** The artwork bucket. */
  storage: ObjectStorage;
}
