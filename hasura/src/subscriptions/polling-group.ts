import type pg from 'pg';
import type { Logger } from 'pino';
import type { SQL } from '../sql/index.ts';

/** What a group needs from its surroundings. */
export interface GroupDeps {
  pool: pg.Pool;
  logger: Logger;
  refetchMs: number;
  batchSize: number;
  /** Called once the group has no subscribers left and has stopped. */
  onEmpty: () => void;
}

/**
 * A multiplexed group: one plan, polled every `refetchMs` with one statement per batch of rows.
 * Polls never overlap; a new subscriber triggers a poll at once so it gets its first answer
 * without waiting a whole interval.
 */
export abstract class PollingGroup<S> {
  protected readonly subscribers = new Set<S>();
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private again = false;
  private stopped = false;

  constructor(
    protected readonly deps: GroupDeps,
    protected readonly plan: SQL,
  ) {}

  add(subscriber: S): void {
    this.subscribers.add(subscriber);
    this.pollSoon();
  }

  remove(subscriber: S): void {
    this.subscribers.delete(subscriber);
    if (this.subscribers.size > 0) return;
    this.stopped = true;
    clearTimeout(this.timer);
    this.deps.onEmpty();
  }

  get size(): number {
    return this.subscribers.size;
  }

  private pollSoon(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), 0);
  }

  private async run(): Promise<void> {
    if (this.stopped) return;
    this.running = true;
    try {
      await this.poll();
    } catch (error) {
      this.deps.logger.error({ type: 'websocket-log', err: error }, 'a subscription poll failed');
    } finally {
      this.running = false;
    }
    if (this.stopped) return;
    const delay = this.again ? 0 : this.deps.refetchMs;
    this.again = false;
    this.timer = setTimeout(() => void this.run(), delay);
  }

  /** `items` in chunks of the batch size. */
  protected batches<T>(items: T[]): T[][] {
    const chunks: T[][] = [];
    for (let i = 0; i < items.length; i += this.deps.batchSize) chunks.push(items.slice(i, i + this.deps.batchSize));
    return chunks;
  }

  /** Runs the plan for every subscriber and delivers what changed. */
  protected abstract poll(): Promise<void>;
}
