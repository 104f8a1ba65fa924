import type { Express } from 'express';
import { constantTimeEqual } from '../crypto/tokens.ts';
import type { AppDeps } from '../app-deps.ts';
import { ActionError } from '../errors/action-error.ts';

/** The header actions.yaml sets on every action call, from the ACTION_SECRET environment variable. */
export const ACTION_SECRET_HEADER = 'x-portal-action-secret';

/**
 * Refuses every request (after the health checks) that does not carry the shared secret, so only
 * the GraphQL engine can reach the handlers. Hasura lets configured headers win over forwarded
 * client headers, so a client cannot supply its own value.
 */
export function installCallerCheck(app: Express, deps: AppDeps): void {
  app.use((req, _res, next) => {
    const presented = req.get(ACTION_SECRET_HEADER);
    if (presented === undefined || !constantTimeEqual(presented, deps.config.actionSecret)) {
      next(new ActionError('UNAUTHORIZED_CALLER', { detail: presented === undefined ? 'no secret header' : 'wrong secret' }));
      return;
    }
    next();
  });
}
