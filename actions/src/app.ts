import express, { type Express } from 'express';
import type { AppDeps } from './app-deps.ts';
import { CRON_JOBS } from './cron/index.ts';
import { EVENT_HANDLERS } from './events/index.ts';
import { ACTIONS } from './handlers/index.ts';
import { installActions } from './http/install-actions.ts';
import { installCallerCheck } from './http/install-caller-check.ts';
import { installCronJobs } from './http/install-cron.ts';
import { installErrorHandler } from './http/install-errors.ts';
import { installEventHandlers } from './http/install-events.ts';
import { installHealth } from './http/install-health.ts';
import { installRequestLog } from './http/install-request-log.ts';
import { buildKeyedServices, type KeyedServices } from './keyed-services.ts';

/**
 * The Express app, assembled from small install modules in the order requests meet them: log,
 * health checks (open), the caller check (everything after it needs Hasura's shared secret), the
 * action routes and the cron jobs' routes, then NOT_FOUND and the error handler.
 */
export function makeApp(deps: AppDeps, services: KeyedServices = buildKeyedServices(deps.config)): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  installRequestLog(app, deps);
  installHealth(app, deps);
  installCallerCheck(app, deps);
  installActions(app, deps, services, ACTIONS);
  installCronJobs(app, deps, CRON_JOBS);
  installEventHandlers(app, deps, EVENT_HANDLERS);
  installErrorHandler(app, deps);
  return app;
}
