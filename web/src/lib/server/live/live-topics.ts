import { createHash } from 'node:crypto';
import type { AnyVariables, TypedDocumentNode } from '@urql/core';
import {
  LiveOrderDocument,
  LiveOrdersDocument,
  LiveProofDocument,
  LiveProofsDocument,
  LiveQuotesDocument,
} from '../../graphql/__generated__/graphql.ts';
import type { LiveChange } from '../../live/live-change.ts';

/** One subscription a live page watches, and how its answer becomes the time of its newest change. */
export interface LiveTopic<Data = unknown, Variables extends AnyVariables = AnyVariables> {
  name: string;
  document: TypedDocumentNode<Data, Variables>;
  variables: Variables;
  changedAt(data: Data): string | null;
}

type Aggregate = { aggregate: { count: number; max: { updated_at: string | null } | null } | null };

const newest = (...times: (string | null | undefined)[]): string | null =>
  times.filter((time): time is string => Boolean(time)).sort((a, b) => Date.parse(b) - Date.parse(a))[0] ?? null;

const maxUpdatedAt = (aggregate: Aggregate): string | null => aggregate.aggregate?.max?.updated_at ?? null;

/** Keeps each topic's types checked where it is written; the stream handles every topic alike. */
const defineTopic = <Data, Variables extends AnyVariables>(topic: LiveTopic<Data, Variables>): LiveTopic => topic as unknown as LiveTopic;

export const ORDERS_TOPIC = defineTopic({
  name: 'orders',
  document: LiveOrdersDocument,
  variables: {},
  changedAt: (data) => maxUpdatedAt(data.orders),
});

export const QUOTES_TOPIC = defineTopic({
  name: 'quotes',
  document: LiveQuotesDocument,
  variables: {},
  changedAt: (data) => maxUpdatedAt(data.quotes),
});

export const PROOFS_TOPIC = defineTopic({
  name: 'proofs',
  document: LiveProofsDocument,
  variables: {},
  changedAt: (data) => maxUpdatedAt(data.proofs),
});

export const orderTopic = (id: string) =>
  defineTopic({
    name: 'order',
    document: LiveOrderDocument,
    variables: { id },
    changedAt: ({ order }) => (order ? newest(order.updated_at, maxUpdatedAt(order.proofs_aggregate)) : null),
  });

export const proofTopic = (id: string) =>
  defineTopic({
    name: 'proof',
    document: LiveProofDocument,
    variables: { id },
    changedAt: ({ proof }) => (proof ? newest(proof.updated_at, proof.comments[0]?.updated_at, proof.events[0]?.created_at) : null),
  });

/**
 * What the browser learns of an answer: a digest that differs when anything watched differs, and
 * the newest change time (so a page loaded after that change need not reload).
 */
export function liveChange(topic: LiveTopic, data: unknown): LiveChange {
  const signature = createHash('sha256').update(JSON.stringify(data)).digest('base64url').slice(0, 22);
  return { topic: topic.name, signature, changedAt: topic.changedAt(data) };
}
