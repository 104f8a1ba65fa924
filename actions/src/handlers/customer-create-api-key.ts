import { z } from 'zod';
import { defineAction } from '../http/define-action.ts';
import { createApiKey } from '../integrations/api-key-store.ts';
import { asCompanyAdmin } from '../integrations/company-admin.ts';

const input = z.object({ name: z.string().trim().min(1).max(100) });

/** customerCreateApiKey: a key for the admin's own company; the whole key is in this answer only. */
export const customerCreateApiKey = defineAction('customerCreateApiKey', input, (ctx, args) =>
  asCompanyAdmin(ctx, (tx, admin) => createApiKey(tx, admin, args.name, ctx.client, ctx.now)),
);
