import { error, fail } from '@sveltejs/kit';
import {
  CreateApiKeyDocument,
  CreateWebhookEndpointDocument,
  IntegrationsDocument,
  RevokeApiKeyDocument,
  RotateWebhookSecretDocument,
  SendWebhookTestDocument,
  UpdateWebhookEndpointDocument,
} from '$lib/graphql/__generated__/graphql.ts';
import { m } from '$lib/paraglide/messages.js';
import { apiFailure, formText } from '$lib/server/forms.ts';
import { requireUser } from '$lib/server/request-locals.ts';
import { parseEndpoint, parseId, parseKeyName } from './integration-forms.ts';
import { describeTestResult } from './integrations-text.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** Integrations are the company admin's alone (the engine would show others nothing anyway). */
function requireAdmin({ locals, url }: Pick<RequestEvent, 'locals' | 'url'>): void {
  if (requireUser(locals, url).role !== 'customer_admin') error(403, m.company_integrations_only_admins());
}

export const load: PageServerLoad = async (event) => {
  requireAdmin(event);
  const { apiKeys, endpoints } = await event.locals.api.query(IntegrationsDocument, {});
  return { apiKeys, endpoints };
};

/** The endpoint a form names, or a failure for the endpoint's card. */
function endpointOf(form: FormData) {
  return parseId(formText(form, 'endpointId'));
}

const refused = (message: string) => fail(400, { action: 'page' as const, message, code: 'INPUT' });

export const actions: Actions = {
  createKey: async (event) => {
    requireAdmin(event);
    const raw = formText(await event.request.formData(), 'name');
    const name = parseKeyName(raw);
    if (!name.ok) return fail(400, { action: 'keys' as const, raw, nameError: name.error, message: name.error, code: 'INPUT' });
    try {
      const { created } = await event.locals.api.mutate(CreateApiKeyDocument, { name: name.value });
      // The whole key reaches the browser in this one answer only.
      return { action: 'keys' as const, created: { name: created.name, apiKey: created.apiKey } };
    } catch (caught) {
      return apiFailure(caught, { action: 'keys' as const, raw });
    }
  },
  revokeKey: async (event) => {
    requireAdmin(event);
    const clientId = parseId(formText(await event.request.formData(), 'clientId'));
    if (!clientId) return refused(m.company_integrations_choose_item());
    try {
      await event.locals.api.mutate(RevokeApiKeyDocument, { clientId });
    } catch (caught) {
      return apiFailure(caught, { action: 'keys' as const });
    }
    return { action: 'keys' as const, done: m.company_keys_revoked_done() };
  },
  createEndpoint: async (event) => {
    requireAdmin(event);
    const form = await event.request.formData();
    const raw = { url: formText(form, 'url'), description: formText(form, 'description') };
    const parsed = parseEndpoint(raw.url, raw.description);
    if (!parsed.ok) return fail(400, { action: 'webhooks' as const, raw, message: parsed.error, code: 'INPUT' });
    try {
      const { created } = await event.locals.api.mutate(CreateWebhookEndpointDocument, parsed.value);
      return { action: 'webhooks' as const, secret: { endpointId: created.endpointId, value: created.secret } };
    } catch (caught) {
      return apiFailure(caught, { action: 'webhooks' as const, raw });
    }
  },
  updateEndpoint: async (event) => {
    requireAdmin(event);
    const form = await event.request.formData();
    const endpointId = endpointOf(form);
    if (!endpointId) return refused(m.company_integrations_choose_item());
    const parsed = parseEndpoint(formText(form, 'url'), formText(form, 'description'));
    if (!parsed.ok) return fail(400, { action: 'endpoint' as const, endpointId, message: parsed.error, code: 'INPUT' });
    try {
      await event.locals.api.mutate(UpdateWebhookEndpointDocument, { endpointId, url: parsed.value.url, description: parsed.value.description ?? '' });
    } catch (caught) {
      return apiFailure(caught, { action: 'endpoint' as const, endpointId });
    }
    return { action: 'endpoint' as const, endpointId, done: m.company_webhooks_saved() };
  },
  setActive: async (event) => {
    requireAdmin(event);
    const form = await event.request.formData();
    const endpointId = endpointOf(form);
    if (!endpointId) return refused(m.company_integrations_choose_item());
    const active = formText(form, 'active') === 'true';
    try {
      await event.locals.api.mutate(UpdateWebhookEndpointDocument, { endpointId, active });
    } catch (caught) {
      return apiFailure(caught, { action: 'endpoint' as const, endpointId });
    }
    return { action: 'endpoint' as const, endpointId, done: active ? m.company_webhooks_turned_on() : m.company_webhooks_turned_off() };
  },
  rotateSecret: async (event) => {
    requireAdmin(event);
    const endpointId = endpointOf(await event.request.formData());
    if (!endpointId) return refused(m.company_integrations_choose_item());
    try {
      const { rotated } = await event.locals.api.mutate(RotateWebhookSecretDocument, { endpointId });
      return { action: 'endpoint' as const, endpointId, secret: { endpointId, value: rotated.secret } };
    } catch (caught) {
      return apiFailure(caught, { action: 'endpoint' as const, endpointId });
    }
  },
  sendTest: async (event) => {
    requireAdmin(event);
    const endpointId = endpointOf(await event.request.formData());
    if (!endpointId) return refused(m.company_integrations_choose_item());
    try {
      const { result } = await event.locals.api.mutate(SendWebhookTestDocument, { endpointId });
      return { action: 'endpoint' as const, endpointId, test: { delivered: result.status === 'DELIVERED', sentence: describeTestResult(result) } };
    } catch (caught) {
      return apiFailure(caught, { action: 'endpoint' as const, endpointId });
    }
  },
};
