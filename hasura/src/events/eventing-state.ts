import type pg from 'pg';
import type { EngineState } from '../engine/index.ts';
import type { ResolvedCronTrigger } from '../cron/cron-config.ts';
import { planCronTriggers } from '../cron/cron-config.ts';
import { generateCronEvents, syncCronEvents } from '../cron/cron-events.ts';
import type { Clock, EventingInconsistency, EventLogger } from '../delivery/index.ts';
import { planEventTriggers, type ResolvedEventTrigger } from './event-trigger-config.ts';
import { syncSqlTriggers } from './install-triggers.ts';

export interface EventingStateDeps {
  pool: pg.Pool;
  env: NodeJS.ProcessEnv;
  clock: Clock;
  logger: EventLogger;
  /** The engine state being served now. */
  current(): EngineState;
}

/**
 * The event and cron triggers of the metadata version the engine serves, applied to the database.
 * `refresh` notices a new engine state (metadata applied or reloaded), installs and removes SQL
 * triggers and cron runs to match, and only then swaps the triggers the workers deliver for.
 */
export class EventingState {
  eventTriggers: ReadonlyMap<string, ResolvedEventTrigger> = new Map();
  cronTriggers: ReadonlyMap<string, ResolvedCronTrigger> = new Map();
  inconsistencies: EventingInconsistency[] = [];
  private seen: EngineState | undefined;
  private pending: Promise<void> | undefined;

  constructor(private readonly deps: EventingStateDeps) {}

  /**
   * Applies the served metadata if it changed since the last call, after any version still being
   * applied. Only the caller that starts applying a version sees its error; a version that failed
   * is not tried again.
   */
  async refresh(): Promise<void> {
    const state = this.deps.current();
    const previous = this.pending?.catch(() => undefined);
    if (state === this.seen) return previous;
    this.seen = state;
    this.pending = (async () => {
      await previous;
      await this.apply(state);
    })();
    return this.pending;
  }

  private async apply(state: EngineState): Promise<void> {
    const { pool, env, clock, logger } = this.deps;
    const events = planEventTriggers(state.metadata, state.model, env);
    const crons = planCronTriggers(state.metadata, env);
    const inconsistencies = [...events.inconsistencies, ...crons.inconsistencies];
    for (const problem of inconsistencies) logger.warn(problem, 'trigger left out: inconsistent with the database or environment');
    const keepEvents = new Set(events.inconsistencies.map((problem) => problem.name));
    await syncSqlTriggers(pool, events.triggers.flatMap((trigger) => trigger.ops), keepEvents);
    await syncCronEvents(pool, crons.triggers, new Set(crons.inconsistencies.map((problem) => problem.name)), clock.now());
    await generateCronEvents(pool, crons.triggers, clock.now());
    this.eventTriggers = new Map(events.triggers.map((trigger) => [trigger.name, trigger]));
    this.cronTriggers = new Map(crons.triggers.map((trigger) => [trigger.name, trigger]));
    this.inconsistencies = inconsistencies;
    logger.info({ eventTriggers: this.eventTriggers.size, cronTriggers: this.cronTriggers.size }, 'event and cron triggers applied');
  }
}
