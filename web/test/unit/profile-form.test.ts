import { describe, expect, test } from 'vitest';
import { parseProfileForm, preferenceTicks, timeZoneChoices } from '../../src/routes/(app)/profile/profile-form.ts';

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
    const zones = timeZoneChoices('Etc/GMT+5');
    expect(zones[0]).toBe('UTC');
    expect(zones).toContain('Etc/GMT+5');
    expect(zones).toContain('Europe/Berlin');
  });
});
