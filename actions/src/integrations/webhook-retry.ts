import type { WebhookDeliveryStatus } from '@portal/common';
import type { AttemptOutcome } from './webhook-attempt.ts';

export interface RetryPolicy {
  maxAttempts: number;
  retryBaseSeconds: number;
  retryMaxSeconds: number;
}

export type DeliveryStatus = WebhookDeliveryStatus;

export interface NextState {
  status: DeliveryStatus;
  /** When PENDING: the next attempt. */
  nextAttemptAt: Date | null;
  error: string | null;
}

/** The wait after the n-th failed attempt: base, 2 × base, 4 × base, … up to the cap. */
export function backoffSeconds(failedAttempts: number, policy: RetryPolicy): number {
  return Math.min(policy.retryBaseSeconds * 2 ** Math.max(0, failedAttempts - 1), policy.retryMaxSeconds);
}

/** Where a delivery stands after its `attempts`-th attempt came to `outcome`. */
export function nextState(outcome: AttemptOutcome, attempts: number, policy: RetryPolicy, now: Date): NextState {
  if (outcome.kind === 'delivered') return { status: 'DELIVERED', nextAttemptAt: null, error: null };
  if (outcome.kind === 'permanent') return { status: 'FAILED', nextAttemptAt: null, error: outcome.error };
  if (attempts >= policy.maxAttempts) {
    return { status: 'FAILED', nextAttemptAt: null, error: `${outcome.error} Gave up after ${attempts} attempt${attempts === 1 ? '' : 's'}.` };
  }
  const wait = backoffSeconds(attempts, policy);
  return { status: 'PENDING', nextAttemptAt: new Date(now.getTime() + wait * 1000), error: `${outcome.error} Trying again in ${describeWait(wait)}.` };
}

function describeWait(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} minutes`;
  return `${Math.round(seconds / 3600)} hours`;
}
