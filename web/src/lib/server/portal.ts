import type { Logger } from 'pino';
import { readWebConfig, type WebConfig } from './config.ts';
import { createWebLogger } from './logger.ts';
import { SessionStore } from './session/session-store.ts';

/** What lives as long as the server process: settings, the logger, and the in-memory session store. */
export interface Portal {
  config: WebConfig;
  logger: Logger;
  sessions: SessionStore;
}

let portal: Portal | undefined;

/** Created on the first request rather than at import, so that `vite build` can load the hooks without settings. */
export function getPortal(env: Record<string, string | undefined>): Portal {
  if (!portal) {
    const config = readWebConfig(env);
    portal = { config, logger: createWebLogger(config.logLevel), sessions: new SessionStore() };
  }
  return portal;
}
