import type { Engine } from '../engine/index.ts';
import { cronDelivery } from '../cron/cron-delivery.ts';
import { unlockAllCronEvents } from '../cron/cron-events.ts';
import { DeliveryWorker, Poller, systemClock, type Clock, type EventingInconsistency, type EventLogger } from '../delivery/index.ts';
import { eventDelivery } from './event-delivery.ts';
import { EventingState } from './eventing-state.ts';

export interface EventProcessingOptions {
  logger: EventLogger;
  /** Defaults to the system clock; tests pass one they step. */
  clock?: Clock;
  /** Pause between polls when there is nothing to do (Hasura: 1 s). */
  pollIntervalMs?: number;
  /** Events fetched per poll (Hasura: 100). */
  batchSize?: number;
  /** Where `webhook_from_env`, `value_from_env` and `{{ENV}}` templates are read. */
  env?: NodeJS.ProcessEnv;
}

export interface EventProcessing {
  /** Applies the engine's current metadata now rather than at the next poll. */
  refresh(): Promise<void>;
  /** Triggers of the current metadata left out as inconsistent. */
  inconsistencies(): EventingInconsistency[];
  /** Stops polling; deliveries in flight are abandoned and their events handed back to the queue. */
  stop(): Promise<void>;
}

/**
 * Starts event triggers and cron triggers for `engine`: installs the SQL triggers and cron runs of
 * its metadata (rejecting with `UnsupportedFeatureError` for options the engine does not
 * implement), then polls for due events and delivers them. A later metadata version (replace or
 * reload) is applied at the next poll, or at once through `refresh`.
 */
export async function startEventProcessing(engine: Engine, options: EventProcessingOptions): Promise<EventProcessing> {
  const { logger, clock = systemClock, pollIntervalMs = 1000, batchSize = 100, env = process.env } = options;
  const pool = engine.pool;
  const state = new EventingState({ pool, env, clock, logger, current: () => engine.current });
  await state.refresh();
  await unlockAllCronEvents(pool);
  const stopping = new AbortController();
  const common = { clock, logger, batchSize, stop: stopping.signal };
  const eventWorker = new DeliveryWorker({ ...common, kind: eventDelivery(pool), triggers: () => state.eventTriggers });
  const cronWorker = new DeliveryWorker({ ...common, kind: cronDelivery(pool, logger), triggers: () => state.cronTriggers });
  const onError = (error: unknown) => logger.error({ err: error }, 'event processing failed; trying again at the next poll');
  const pollers = [
    new Poller(async () => (await state.refresh(), eventWorker.runOnce()), pollIntervalMs, onError),
    new Poller(async () => (await state.refresh(), cronWorker.runOnce()), pollIntervalMs, onError),
  ];
  for (const poller of pollers) poller.start();
  return {
    refresh: () => state.refresh(),
    inconsistencies: () => state.inconsistencies,
    async stop() {
      stopping.abort();
      await Promise.all(pollers.map((poller) => poller.stop()));
    },
  };
}
