import { describe, expect, test } from 'vitest';
import { moveOrderValues, parseMoveOrder, type MoveOrderValues } from '../../src/routes/(staff)/staff/orders/[id]/move-order-form.ts';
import { dateTimeInputValue, zonedDateTime } from '../../src/lib/time-zones.ts';

const LA = 'America/Los_Angeles';
// 2026-03-10 12:00 in Los Angeles (PDT, UTC-7).
const NOW = new Date('2026-03-10T19:00:00.000Z');

function form(fields: Partial<MoveOrderValues>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries({ status: 'CONFIRMED', carrier: '', tracking_number: '', shipped_at: '', delivered_at: '', ...fields })) data.set(name, value);
  return data;
}
const parse = (fields: Partial<MoveOrderValues>) => parseMoveOrder(form(fields), { timeZone: LA, now: NOW });
const errorsOf = (fields: Partial<MoveOrderValues>) => {
  const parsed = parse(fields);
  return parsed.ok ? {} : parsed.errors;
};

describe('move-order form', () => {
  test('shipping with carrier and tracking number: times are read in the staff member’s zone, a missing shipped time is now', () => {
    expect(parse({ status: 'SHIPPED', carrier: ' UPS ', tracking_number: ' 1Z999AA10123456784 ' })).toMatchObject({
      ok: true,
      set: { status: 'SHIPPED', carrier: 'UPS', tracking_number: '1Z999AA10123456784', shipped_at: NOW.toISOString(), delivered_at: null },
    });
    expect(parse({ status: 'SHIPPED', carrier: 'FedEx', tracking_number: '123456789012', shipped_at: '2026-03-09T16:30' })).toMatchObject({
      ok: true,
      set: { shipped_at: '2026-03-09T23:30:00.000Z' },
    });
  });

  test('delivered: a missing delivery time is now, a missing shipped time is the delivery time', () => {
    expect(parse({ status: 'DELIVERED' })).toMatchObject({ ok: true, set: { shipped_at: NOW.toISOString(), delivered_at: NOW.toISOString() } });
    // March 8, 2026 is the first day of daylight saving time in Los Angeles: 09:00 is already UTC-7.
    expect(parse({ status: 'DELIVERED', delivered_at: '2026-03-08T09:00' })).toMatchObject({
      ok: true,
      set: { shipped_at: '2026-03-08T16:00:00.000Z', delivered_at: '2026-03-08T16:00:00.000Z' },
    });
  });

  test('empty fields clear their columns; other statuses get no times of their own', () => {
    expect(parse({ status: 'ON_HOLD' })).toMatchObject({ ok: true, set: { status: 'ON_HOLD', carrier: null, tracking_number: null, shipped_at: null, delivered_at: null } });
  });

  test('each field that needs another look is named, in words', () => {
    expect(errorsOf({ status: 'LOST' })).toEqual({ status: 'Choose a status from the list.' });
    expect(errorsOf({ tracking_number: '1Z999' })).toEqual({ carrier: 'Enter the carrier of this tracking number.' });
    expect(errorsOf({ carrier: 'UPS', tracking_number: '1Z<script>' })).toEqual({ tracking_number: 'Use letters, digits, spaces and hyphens only.' });
    expect(errorsOf({ carrier: 'x'.repeat(65) })).toEqual({ carrier: 'Use at most 64 characters.' });
    expect(errorsOf({ status: 'SHIPPED', shipped_at: '2026-02-30T10:00' })).toEqual({ shipped_at: 'Enter a date and a time, such as 2026-03-04 14:30.' });
    expect(errorsOf({ status: 'SHIPPED', shipped_at: '2026-03-11T09:00' })).toEqual({ shipped_at: 'This time has not come yet. Enter when it happened.' });
    expect(errorsOf({ status: 'DELIVERED', shipped_at: '2026-03-09T10:00', delivered_at: '2026-03-08T10:00' })).toEqual({
      delivered_at: 'The delivery cannot come before the shipment.',
    });
    expect(errorsOf({ status: 'IN_PRODUCTION', delivered_at: '2026-03-08T10:00' })).toEqual({ shipped_at: 'Enter when the order was shipped, or clear the delivery time.' });
  });

  test('a refused form gives back what was typed', () => {
    const parsed = parse({ status: 'SHIPPED', tracking_number: '1Z999' });
    expect(parsed.ok).toBe(false);
    expect(parsed.values).toEqual({ status: 'SHIPPED', carrier: '', tracking_number: '1Z999', shipped_at: '', delivered_at: '' });
  });

  test('the order’s current values as the form shows them', () => {
    const order = { status: 'SHIPPED', carrier: 'UPS', tracking_number: '1Z1', shipped_at: '2026-03-09T23:30:00+00:00', delivered_at: null };
    expect(moveOrderValues(order, LA)).toEqual({ status: 'SHIPPED', carrier: 'UPS', tracking_number: '1Z1', shipped_at: '2026-03-09T16:30', delivered_at: '' });
  });
});

describe('datetime-local values in a time zone', () => {
  test('round trip, across the start of daylight saving time (March 8, 2026 in Los Angeles)', () => {
    expect(zonedDateTime('2026-03-07T12:00', LA)?.toISOString()).toBe('2026-03-07T20:00:00.000Z');
    expect(zonedDateTime('2026-03-09T12:00:30', LA)?.toISOString()).toBe('2026-03-09T19:00:30.000Z');
    expect(dateTimeInputValue('2026-03-07T20:00:00Z', LA)).toBe('2026-03-07T12:00');
    expect(dateTimeInputValue('2026-03-09T19:00:00Z', LA)).toBe('2026-03-09T12:00');
    expect(dateTimeInputValue('2026-03-09T19:00:00Z', 'Asia/Shanghai')).toBe('2026-03-10T03:00');
    expect(dateTimeInputValue(null, LA)).toBe('');
  });

  test('what is not a date and time is refused', () => {
    for (const value of ['', '2026-03-07', '2026-13-01T10:00', '2026-02-29T10:00', '2026-03-07T24:00', '2026-03-07 12:00']) {
      expect(zonedDateTime(value, LA), value).toBeNull();
    }
  });
});
