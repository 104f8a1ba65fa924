import { z } from 'zod';
import { defineAction } from '../http/define-action.ts';
import { asCompanyAdmin } from '../integrations/company-admin.ts';
import { endpointContext } from '../integrations/endpoint-context.ts';
import { createEndpoint } from '../integrations/webhook-endpoints.ts';
import { webhookDescription, webhookUrl } from '../integrations/webhook-fields.ts';

const input = z.object({ url: webhookUrl, description: webhookDescription.nullish() });

/** customerCreateWebhookEndpoint: the company's new endpoint; its signing secret is in this answer only. */
export const customerCreateWebhookEndpoint = defineAction('customerCreateWebhookEndpoint', input, (ctx, args) =>
  asCompanyAdmin(ctx, (tx, admin) => createEndpoint(tx, admin, { url: args.url, description: args.description ?? null }, endpointContext(ctx))),
);
