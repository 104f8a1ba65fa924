import express, { type Express } from 'express';
import type { AppDeps } from '../app-deps.ts';
import { ActionError } from '../errors/action-error.ts';
import type { KeyedServices } from '../keyed-services.ts';
import { clientInfo } from './client-info.ts';
import type { Action } from './define-action.ts';
import { readActionPayload } from './hasura-payload.ts';

/** Mounts each action at `POST /<kebab-case name>`, reading Hasura's payload and answering with the output. */
export function installActions(app: Express, deps: AppDeps, services: KeyedServices, actions: readonly Action[]): void {
  const json = express.json({ limit: '64kb' });
  for (const action of actions) {
    app.post(`/${action.path}`, json, async (req, res) => {
      const payload = readActionPayload(req.body);
      if (!payload) throw new ActionError('BAD_REQUEST', { detail: 'body is not a Hasura action payload' });
      if (payload.actionName !== action.name) {
        throw new ActionError('BAD_REQUEST', { detail: `action ${payload.actionName} sent to the handler of ${action.name}` });
      }
      res.locals.action = action.name;
      const ctx = { deps, services, session: payload.session, client: clientInfo(req, deps.config.trustedProxies), now: deps.clock.now() };
      const output = await action.run(ctx, payload.input);
      res.json(output);
    });
  }
}
