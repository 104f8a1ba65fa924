import { z } from 'zod';
import { defineAction } from '../http/define-action.ts';
import { asCompanyAdmin } from '../integrations/company-admin.ts';
import { endpointContext } from '../integrations/endpoint-context.ts';
import { updateEndpoint } from '../integrations/webhook-endpoints.ts';
import { webhookDescription, webhookUrl } from '../integrations/webhook-fields.ts';

const input = z.object({
  endpointId: z.uuid(),
  url: webhookUrl.nullish(),
  description: webhookDescription.nullish(),
  active: z.boolean().nullish(),
});

/** customerUpdateWebhookEndpoint: URL, description or active flag; an omitted (or null) URL or flag stays. */
export const customerUpdateWebhookEndpoint = defineAction('customerUpdateWebhookEndpoint', input, (ctx, args) =>
  asCompanyAdmin(ctx, (tx, admin) =>
    updateEndpoint(
      tx,
      admin,
      args.endpointId,
      { url: args.url ?? undefined, description: args.description, active: args.active ?? undefined },
      endpointContext(ctx),
    ),
  ),
);
