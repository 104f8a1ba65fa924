import type pg from 'pg';
import type { Clock } from './clock.ts';
import type { ActionsConfig } from './config/config.ts';
import type { Logger } from './logger.ts';

/** Everything a handler may use; `makeApp` receives it whole, tests build their own. */
export interface Deps {
  config: ActionsConfig;
  pool: pg.Pool;
  clock: Clock;
  logger: Logger;
  /** Used for the optional breached-password check; tests point it at a local server. */
  fetch: typeof fetch;
}
