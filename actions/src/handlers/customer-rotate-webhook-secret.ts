import { z } from 'zod';
import { defineAction } from '../http/define-action.ts';
import { asCompanyAdmin } from '../integrations/company-admin.ts';
import { endpointContext } from '../integrations/endpoint-context.ts';
import { rotateEndpointSecret } from '../integrations/webhook-endpoints.ts';

const input = z.object({ endpointId: z.uuid() });

/** customerRotateWebhookSecret: a new signing secret, in this answer only; the old one stops signing at once. */
export const customerRotateWebhookSecret = defineAction('customerRotateWebhookSecret', input, (ctx, args) =>
  asCompanyAdmin(ctx, (tx, admin) => rotateEndpointSecret(tx, admin, args.endpointId, endpointContext(ctx))),
);
