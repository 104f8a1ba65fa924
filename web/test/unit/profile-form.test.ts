import { describe, expect, test } from 'vitest';
import { timeZoneChoices } from '../../src/lib/time-zone-choices.ts';
import { parseProfileForm, preferenceTicks } from '../../src/routes/(app)/profile/profile-form.ts';

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

const VALID = { first_name: ' Lena ', last_name: 'Fischer', phone: '', job_title: 'Marketing', preferred_language: 'zh-CN', timezone: 'Asia/Shanghai' };

describe('profile form', () => {
  test('trims, turns empty optional fields into null, and reads the ticked notification topics', () => {
    const parsed = parseProfileForm(form({ ...VALID, order_status: 'on', proof_ready: 'on' }));
    expect(parsed).toEqual({
      ok: true,
      set: { first_name: 'Lena', last_name: 'Fischer', phone: null, job_title: 'Marketing', preferred_language: 'zh-CN', timezone: 'Asia/Shanghai' },
      preferences: { order_status: true, quote_priced: false, proof_ready: true, new_device_sign_in: false },
    });
  });

  test('names each field that needs another look', () => {
    const parsed = parseProfileForm(form({ ...VALID, first_name: ' ', timezone: 'Mars/Olympus_Mons', preferred_language: 'fr-FR', phone: 'call me' }));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(Object.keys(parsed.errors).sort()).toEqual(['first_name', 'phone', 'preferred_language', 'timezone']);
  });

  test('a topic never stored counts as on', () => {
    expect(preferenceTicks({ order_status: false })).toEqual({ order_status: false, quote_priced: true, proof_ready: true, new_device_sign_in: true });
    expect(preferenceTicks(null)).toEqual({ order_status: true, quote_priced: true, proof_ready: true, new_device_sign_in: true });
  });
});

describe('time zone choices', () => {
  test('offer UTC and the stored zone even when the runtime lists neither', () => {
    const zones = timeZoneChoices('Etc/GMT+5', 'en-US').map((zone) => zone.value);
    expect(zones[0]).toBe('UTC');
    expect(zones).toContain('Etc/GMT+5');
    expect(zones).toContain('Europe/Berlin');
  });

  test('use the current names, not the old ones the runtime still lists, and label each in the page language', () => {
    const zones = timeZoneChoices('Asia/Calcutta', 'en-US');
    const values = zones.map((zone) => zone.value);
    expect(values).toContain('Asia/Kolkata');
    expect(values).toContain('Europe/Kyiv');
    expect(values).not.toContain('Asia/Calcutta');
    expect(values).not.toContain('Europe/Kiev');
    expect(new Set(values).size).toBe(values.length);
    const july = new Date('2026-07-01T12:00:00Z');
    expect(timeZoneChoices('', 'en-US', july).find((zone) => zone.value === 'Asia/Kolkata')?.label).toBe('GMT+5:30 · India Standard Time');
    expect(timeZoneChoices('', 'zh-CN', july).find((zone) => zone.value === 'Europe/Berlin')?.label).toBe('GMT+2 · 中欧时间');
  });

  test('a zone typed under its old name is saved under the current one', () => {
    const parsed = parseProfileForm(form({ ...VALID, timezone: 'Europe/Kiev' }));
    expect(parsed.ok && parsed.set.timezone).toBe('Europe/Kyiv');
  });
});
