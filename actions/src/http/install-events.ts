import express, { type Express } from 'express';
import type { AppDeps } from '../app-deps.ts';
import { ActionError } from '../errors/action-error.ts';
import { readTriggerEvent, type EventHandler } from './define-event-handler.ts';

/**
 * Mounts each event trigger handler at `POST /events/<path>`, behind the same shared-secret check
 * as the actions (the table metadata sends the header). Any 2xx tells Hasura the event is done;
 * an error makes it retry per the trigger's retry_conf.
 */
export function installEventHandlers(app: Express, deps: AppDeps, handlers: readonly EventHandler[]): void {
  // A row with a large payload (a notification's facts, an artwork report) still fits.
  const json = express.json({ limit: '1mb' });
  for (const handler of handlers) {
    app.post(`/events/${handler.path}`, json, async (req, res) => {
      const event = readTriggerEvent(req.body);
      if (event === null) throw new ActionError('BAD_REQUEST', { detail: 'body is not a Hasura event trigger payload' });
      if (event.trigger !== handler.trigger) {
        throw new ActionError('BAD_REQUEST', { detail: `event of trigger ${event.trigger} sent to the handler of ${handler.trigger}` });
      }
      res.locals.action = `event:${handler.trigger}`;
      res.json(await handler.handle(deps, event));
    });
  }
}
