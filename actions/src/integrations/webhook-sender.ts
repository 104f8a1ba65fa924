import type { AppDeps } from '../app-deps.ts';
import { SecretBox } from '../crypto/encryption.ts';
import { inTransaction } from '../db/transaction.ts';
import { attemptDelivery, type AttemptOutcome } from './webhook-attempt.ts';
import { claimDueDeliveries, failDeliveriesOfInactiveEndpoints, recordAttempt, type ClaimedDelivery } from './webhook-delivery-store.ts';
import { nextState, type DeliveryStatus, type RetryPolicy } from './webhook-retry.ts';
import { webhookSecretContext } from './webhook-signature.ts';

/** How long a claimed delivery is held for its attempt: the timeout and a margin. */
const LEASE_MARGIN_MS = 60_000;

/** Until when an attempt starting `now` holds its delivery. */
export function attemptLeaseEnd(now: Date, timeoutMs: number): Date {
  return new Date(now.getTime() + timeoutMs + LEASE_MARGIN_MS);
}

export interface SentDelivery {
  id: string;
  status: DeliveryStatus;
  responseCode: number | null;
  error: string | null;
}

/** One attempt of a claimed delivery, its result recorded. The secret is opened only here, in memory. */
export async function sendClaimed(deps: AppDeps, delivery: ClaimedDelivery, now: Date, policy: RetryPolicy): Promise<SentDelivery> {
  let outcome: AttemptOutcome;
  let secret: string | null = null;
  try {
    secret = new SecretBox(deps.config.encryptionKey).decrypt(delivery.secret_sealed, webhookSecretContext(delivery.endpoint_id));
  } catch {
    secret = null;
  }
  if (secret === null) {
    outcome = { kind: 'permanent', responseCode: null, error: "The endpoint's signing secret cannot be read; rotate the secret, then send a test event." };
  } else {
    const { timeoutMs, allowLoopbackHttp } = deps.config.webhooks;
    outcome = await attemptDelivery({ url: delivery.url, secret, eventId: delivery.event_id, body: delivery.body }, now, { timeoutMs, allowLoopback: allowLoopbackHttp });
  }
  const state = nextState(outcome, delivery.attempt_count, policy, now);
  await recordAttempt(deps.pool, delivery.id, state, outcome.responseCode, now);
  deps.logger.info(
    { deliveryId: delivery.id, endpointId: delivery.endpoint_id, attempt: delivery.attempt_count, status: state.status, responseCode: outcome.responseCode },
    'webhook attempt',
  );
  return { id: delivery.id, status: state.status, responseCode: outcome.responseCode, error: state.error };
}

/**
 * One run of the sender: fails what belongs to turned-off endpoints, claims a batch of due
 * deliveries and sends them in parallel, outside any transaction (a slow receiver holds no lock).
 */
export async function sendDueDeliveries(deps: AppDeps, now: Date): Promise<{ sent: number; delivered: number; failed: number; abandoned: number }> {
  const config = deps.config.webhooks;
  const leaseUntil = attemptLeaseEnd(now, config.timeoutMs);
  const { abandoned, claimed } = await inTransaction(deps.pool, async (tx) => ({
    abandoned: await failDeliveriesOfInactiveEndpoints(tx, now),
    claimed: await claimDueDeliveries(tx, now, leaseUntil, config.batchSize),
  }));
  // One delivery whose result cannot be recorded must not lose the others' results; its lease
  // brings it back for another attempt.
  const settled = await Promise.allSettled(claimed.map((delivery) => sendClaimed(deps, delivery, now, config)));
  const results: SentDelivery[] = [];
  for (const [index, outcome] of settled.entries()) {
    if (outcome.status === 'fulfilled') results.push(outcome.value);
    else deps.logger.error({ deliveryId: claimed[index]!.id, err: outcome.reason }, 'webhook attempt not recorded');
  }
  return {
    sent: results.length,
    delivered: results.filter((result) => result.status === 'DELIVERED').length,
    failed: results.filter((result) => result.status === 'FAILED').length,
    abandoned,
  };
}
