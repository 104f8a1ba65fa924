import { createHash } from 'node:crypto';
import { cohortSessionRow } from '../compile/index.ts';
import { fromDatabaseError, graphqlErrorBody } from '../errors/index.ts';
import { cohortStatement } from './cohort-statement.ts';
import { PollingGroup } from './polling-group.ts';
import type { Subscriber } from './subscriber.ts';

interface LiveSubscriber extends Subscriber {
  /** Hash of the last payload sent; undefined until the first. */
  lastHash?: string;
}

interface Cohort {
  row: ReturnType<typeof cohortSessionRow> & { variables: Record<string, unknown> };
  members: LiveSubscriber[];
}

const sorted = (record: Record<string, unknown>) => Object.entries(record).sort(([a], [b]) => a.localeCompare(b));

const hash = (text: string) => createHash('sha1').update(text).digest('base64');

/**
 * Live queries sharing a plan. Subscribers with the same session and variable values form a
 * cohort: one row of the cohort array, one result. A subscriber is sent a result only when it differs from the last
 * one it was sent.
 */
export class LiveGroup extends PollingGroup<LiveSubscriber> {
  private cohorts(): Cohort[] {
    const byKey = new Map<string, Cohort>();
    for (const subscriber of this.subscribers) {
      const key = JSON.stringify([sorted(subscriber.session), sorted(subscriber.variables)]);
      const cohort = byKey.get(key) ?? { row: { ...cohortSessionRow(subscriber.session), variables: subscriber.variables }, members: [] };
      cohort.members.push(subscriber);
      byKey.set(key, cohort);
    }
    return [...byKey.values()];
  }

  protected async poll(): Promise<void> {
    for (const batch of this.batches(this.cohorts())) {
      const statement = cohortStatement(this.plan, 'live', batch.map((cohort, id) => ({ id, ...cohort.row })));
      let results: Map<number, string>;
      try {
        const answer = await this.deps.pool.query<{ id: number; data: string }>(statement.text, statement.values);
        results = new Map(answer.rows.map((row) => [row.id, `{"data":${row.data}}`]));
      } catch (error) {
        const body = JSON.stringify(graphqlErrorBody(fromDatabaseError(error)));
        results = new Map(batch.map((_, id) => [id, body]));
      }
      batch.forEach((cohort, id) => this.deliver(cohort.members, results.get(id)!));
    }
  }

  private deliver(members: LiveSubscriber[], payload: string): void {
    const digest = hash(payload);
    for (const member of members) {
      if (member.lastHash === digest || !this.subscribers.has(member)) continue;
      member.lastHash = digest;
      member.sink(payload);
    }
  }
}
