import type { Logger } from 'pino';
import { cohortSession, compileRootQuery, compileStream } from '../compile/index.ts';
import type { SubscriptionSettings } from '../config/index.ts';
import { prepareOperation, type Engine, type GraphQLRequest, type Prepared, type RequestSession } from '../engine/index.ts';
import { EngineError } from '../errors/index.ts';
import { sql } from '../sql/index.ts';
import { COHORT_ALIAS, groupKey } from './cohort-statement.ts';
import { LiveGroup } from './live-group.ts';
import { StreamGroup, type StreamSubscriber } from './stream-group.ts';
import type { ResultSink, Subscriber } from './subscriber.ts';
import type { PollingGroup } from './polling-group.ts';

/** Ends one subscription. */
export type Unsubscribe = () => void;

interface Planned {
  kind: 'live' | 'stream';
  key: string;
  plan: ReturnType<typeof compileRootQuery>;
  initialCursor?: string;
}

function onlyField(prepared: Prepared): [string, Prepared['fields'] extends Map<string, infer N> ? N : never] {
  if (prepared.fields.size !== 1) throw new EngineError('validation-failed', 'subscriptions must select one top level field');
  return [...prepared.fields][0]!;
}

function planFor(prepared: Prepared, role: string): Planned {
  const [key, nodes] = onlyField(prepared);
  const target = prepared.context.roleSchema.subscriptionFields.get(nodes[0]!.name.value);
  if (target?.kind === 'select_stream') {
    const stream = compileStream(prepared.context, key, nodes, sql.ident(COHORT_ALIAS, 'cursor'));
    return { kind: 'stream', key: groupKey(role, 'stream', stream.statement), plan: stream.statement, initialCursor: stream.cursor.initial };
  }
  const plan = compileRootQuery(prepared.context, prepared.fields, 'subscription_root');
  return { kind: 'live', key: groupKey(role, 'live', plan), plan };
}

/**
 * Every live query and stream the engine serves, multiplexed: subscribers whose plans compile
 * to the same statement (same role, query and arguments; session values come from the cohort
 * row) share one group and one SQL statement per batch and poll.
 */
export class Subscriptions {
  private readonly groups = new Map<string, PollingGroup<Subscriber>>();

  constructor(
    private readonly engine: Engine,
    private readonly settings: SubscriptionSettings,
    private readonly logger: Logger,
  ) {}

  /**
   * Starts a subscription operation; its results go to `sink`. Throws EngineError (Hasura's
   * validation errors) when the operation cannot be served.
   */
  subscribe(session: RequestSession, request: GraphQLRequest, sink: ResultSink): Unsubscribe {
    const prepared = prepareOperation(this.engine.current, session, request, cohortSession(session.variables, COHORT_ALIAS));
    if (prepared.operation.operation !== 'subscription') throw new Error('Subscriptions.subscribe was given a query or mutation');
    const planned = planFor(prepared, session.role);
    const group = this.groupFor(planned);
    const subscriber: Subscriber | StreamSubscriber = planned.kind === 'stream'
      ? { session: session.variables, sink, cursor: planned.initialCursor! }
      : { session: session.variables, sink };
    group.add(subscriber);
    return () => group.remove(subscriber);
  }

  /** Subscribers currently served, and the groups (one statement each per poll) they form. */
  stats(): { subscribers: number; groups: number } {
    let subscribers = 0;
    for (const group of this.groups.values()) subscribers += group.size;
    return { subscribers, groups: this.groups.size };
  }

  private groupFor(planned: Planned): PollingGroup<Subscriber> {
    const existing = this.groups.get(planned.key);
    if (existing) return existing;
    const live = planned.kind === 'live';
    const deps = {
      pool: this.engine.pool,
      logger: this.logger,
      refetchMs: live ? this.settings.liveRefetchMs : this.settings.streamRefetchMs,
      batchSize: live ? this.settings.liveBatchSize : this.settings.streamBatchSize,
      onEmpty: () => this.groups.delete(planned.key),
    };
    const group = live ? new LiveGroup(deps, planned.plan) : (new StreamGroup(deps, planned.plan) as PollingGroup<Subscriber>);
    this.groups.set(planned.key, group);
    return group;
  }
}
