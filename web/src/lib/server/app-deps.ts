import type { Logger } from 'pino';
import { readWebConfig, type WebConfig } from './config.ts';
import { createWebLogger } from './logger.ts';
import { SessionStore } from './session/session-store.ts';

/**
 * The web server's dependencies that live as long as its process (where `App.Locals` lives for one
 * request): settings, the logger, and the in-memory session store.
 */
export interface AppDeps {
  config: WebConfig;
  logger: Logger;
  sessions: SessionStore;
}

let deps: AppDeps | undefined;

/** Created on the first request rather than at import, so that `vite build` can load the hooks without settings. */
export function getAppDeps(env: Record<string, string | undefined>): AppDeps {
  if (!deps) {
    const config = readWebConfig(env);
    deps = { config, logger: createWebLogger(config.logLevel), sessions: new SessionStore() };
  }
  return deps;
}
