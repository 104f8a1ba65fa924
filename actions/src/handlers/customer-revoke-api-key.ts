import { z } from 'zod';
import { defineAction } from '../http/define-action.ts';
import { revokeApiKey } from '../integrations/api-key-store.ts';
import { asCompanyAdmin } from '../integrations/company-admin.ts';

const input = z.object({ clientId: z.uuid() });

/** customerRevokeApiKey: the key exchanges for no more tokens (integratorToken checks `active`). */
export const customerRevokeApiKey = defineAction('customerRevokeApiKey', input, (ctx, args) =>
  asCompanyAdmin(ctx, (tx, admin) => revokeApiKey(tx, admin, args.clientId, ctx.client, ctx.now)),
);
