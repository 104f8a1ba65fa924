import { cohortSessionRow } from '../compile/index.ts';
import { fromDatabaseError, graphqlErrorBody } from '../errors/index.ts';
import { cohortStatement } from './cohort-statement.ts';
import { PollingGroup } from './polling-group.ts';
import type { Subscriber } from './subscriber.ts';

export interface StreamSubscriber extends Subscriber {
  /** The last value sent (or the initial value) of the cursor column, as text. */
  cursor: string;
}

/**
 * Streams sharing a plan. Each subscriber is its own row (its cursor is its own); a poll sends
 * each the next batch after its cursor, if any, and moves the cursor to the batch's last row.
 */
export class StreamGroup extends PollingGroup<StreamSubscriber> {
  protected async poll(): Promise<void> {
    for (const batch of this.batches([...this.subscribers])) {
      const rows = batch.map((subscriber, id) => ({ id, ...cohortSessionRow(subscriber.session), cursor: subscriber.cursor }));
      const statement = cohortStatement(this.plan, 'stream', rows);
      let answer;
      try {
        answer = await this.deps.pool.query<{ id: number; data: string; cursor: string | null }>(statement.text, statement.values);
      } catch (error) {
        const body = JSON.stringify(graphqlErrorBody(fromDatabaseError(error)));
        for (const subscriber of batch) subscriber.sink(body);
        continue;
      }
      for (const row of answer.rows) {
        const subscriber = batch[row.id]!;
        if (row.cursor === null || !this.subscribers.has(subscriber)) continue;
        subscriber.cursor = row.cursor;
        subscriber.sink(`{"data":${row.data}}`);
      }
    }
  }
}
