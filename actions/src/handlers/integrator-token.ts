import { z } from 'zod';
import { logActivity } from '../audit/activity-log.ts';
import { hashApiKey } from '../auth/api-keys.ts';
import { throttleClient } from '../auth/throttle.ts';
import { constantTimeEqual } from '../crypto/tokens.ts';
import { maybeOne } from '../db/rows.ts';
import { inTransaction } from '../db/transaction.ts';
import { ActionError, fail, unwrap } from '../errors/action-error.ts';
import { defineAction } from '../http/define-action.ts';

const input = z.object({ apiKey: z.string().trim().min(10).max(256) });

interface ClientRow {
  id: string;
  tenant_id: string;
  customer_id: string | null;
  key_hash: string;
  active: boolean;
  customer_active: boolean | null;
}

/**
 * integratorToken: exchanges an API key (`<key_prefix>.<secret>`; the table keeps the prefix and
 * the SHA-256 of the whole key, see auth/api-keys.ts) for a short-lived JWT with role
 * `integrator`, `x-hasura-user-id` = the client's id, its tenant, and its customer when bound to one.
 */
export const integratorToken = defineAction('integratorToken', input, async (ctx, args) => {
  await throttleClient(ctx, 'sign-in');
  const prefix = args.apiKey.split('.')[0]!;
  if (!/^[A-Za-z0-9_]{8,32}$/.test(prefix) || !args.apiKey.includes('.')) throw new ActionError('INVALID_API_KEY', { detail: 'malformed key' });
  return unwrap(
    await inTransaction(ctx.deps.pool, async (tx) => {
      const client = await maybeOne<ClientRow>(
        tx,
        `select i.id, i.tenant_id, i.customer_id, i.key_hash, i.active, c.active as customer_active
           from public.integrator_clients i left join public.customers c on c.id = i.customer_id
          where i.key_prefix = $1 for update of i`,
        [prefix],
      );
      const keyMatches = constantTimeEqual(hashApiKey(args.apiKey), client?.key_hash ?? '');
      if (!client || !keyMatches || !client.active || client.customer_active === false) {
        return fail('INVALID_API_KEY', { detail: client ? 'wrong or inactive key' : 'unknown prefix' });
      }
      await tx.query('update public.integrator_clients set last_used_at = $2 where id = $1', [client.id, ctx.now]);
      const subject = { kind: 'integrator' as const, clientId: client.id, tenantId: client.tenant_id, customerId: client.customer_id };
      const access = ctx.services.accessTokens.sign(subject, ctx.now, ctx.deps.config.integratorTokenSeconds);
      await logActivity(
        tx,
        { tenantId: client.tenant_id, customerId: client.customer_id, actorRole: 'integrator', action: 'integrator.token_issued', entityType: 'integrator_clients', entityId: client.id },
        ctx.client,
        ctx.now,
      );
      return { accessToken: access.token, expiresAt: access.expiresAt };
    }),
  );
});
