import { describe, expect, test } from 'vitest';
import { parseEndpoint, parseId, parseKeyName } from '../../src/routes/(app)/company/integrations/integration-forms.ts';
import { describeDeliveryEvent, describeResponseCode, describeTestResult } from '../../src/routes/(app)/company/integrations/integrations-text.ts';
import { m } from '../../src/lib/paraglide/messages.js';

describe('the integrations page forms', () => {
  test('a key name is 1-100 characters after trimming', () => {
    expect(parseKeyName('  Warehouse ERP ')).toEqual({ ok: true, value: 'Warehouse ERP' });
    expect(parseKeyName('   ')).toEqual({ ok: false, error: m.company_keys_name_missing() });
    expect(parseKeyName('x'.repeat(101)).ok).toBe(false);
  });

  test('an endpoint needs an address; an empty description is none', () => {
    expect(parseEndpoint(' https://erp.example.com/h ', '  ')).toEqual({ ok: true, value: { url: 'https://erp.example.com/h', description: null } });
    expect(parseEndpoint('', 'ERP')).toEqual({ ok: false, error: m.company_webhooks_url_missing() });
    expect(parseEndpoint('https://erp.example.com/h', 'd'.repeat(501))).toEqual({ ok: false, error: m.company_webhooks_description_too_long() });
  });

  test('hidden ids must be uuids', () => {
    expect(parseId('6a1f0e0e-0000-4000-8000-000000000001')).toBe('6a1f0e0e-0000-4000-8000-000000000001');
    expect(parseId("1' or 1=1")).toBeNull();
  });
});

describe('the integrations page words', () => {
  test('response codes and test results are said in words', () => {
    expect(describeResponseCode(503)).toBe('503 Service Unavailable');
    expect(describeResponseCode(299)).toBe('299');
    expect(describeResponseCode(null)).toBe('no answer');
    expect(describeTestResult({ status: 'DELIVERED', responseCode: 204, error: null })).toBe('The test event was delivered: your endpoint answered 204 No Content.');
    expect(describeTestResult({ status: 'FAILED', responseCode: null, error: 'No answer within 10 s.' })).toBe('The test event was not accepted: no answer came. No answer within 10 s.');
  });

  test('a delivery names its order and new status, or says it was a test', () => {
    expect(describeDeliveryEvent({ event_type: 'webhook.test' })).toBe('Test event');
    expect(describeDeliveryEvent({ event_type: 'order.status_changed', order_status_event: { to_status: 'SHIPPED', order: { order_number: 'SO-2026-000123' } } })).toBe('SO-2026-000123 → SHIPPED');
  });
});
