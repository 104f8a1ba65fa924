import type { ActionContext } from '../http/action-context.ts';
import type { EndpointContext } from './webhook-endpoints.ts';

/** The endpoint actions' context from a request: the sealing box, the configured URL policy, the caller. */
export function endpointContext(ctx: ActionContext): EndpointContext {
  return { box: ctx.services.box, policy: { allowLoopbackHttp: ctx.deps.config.webhooks.allowLoopbackHttp }, client: ctx.client, now: ctx.now };
}
