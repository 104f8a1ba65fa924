import { z } from 'zod';
import { m } from '../../../../../lib/paraglide/messages.js';

const MONEY = /^\d{1,12}(\.\d{1,2})?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface PricingValues {
  prices: Record<string, string>;
  setupAmount: string;
  taxAmount: string;
  shippingAmount: string;
  validUntil: string;
  noteToCustomer: string;
}

export interface PricingInput {
  lines: { lineId: string; unitPrice: string }[];
  setupAmount: string;
  taxAmount: string;
  shippingAmount: string;
  validUntil: string;
  noteToCustomer: string | null;
}

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

/** The submitted values, one price per line id (`price-<id>`), for showing the form again. */
export function readPricing(form: FormData, lineIds: readonly string[]): PricingValues {
  return {
    prices: Object.fromEntries(lineIds.map((id) => [id, text(form, `price-${id}`)])),
    setupAmount: text(form, 'setupAmount'),
    taxAmount: text(form, 'taxAmount'),
    shippingAmount: text(form, 'shippingAmount'),
    validUntil: text(form, 'validUntil'),
    noteToCustomer: text(form, 'noteToCustomer'),
  };
}

/** Every line needs a unit price; validity ends after today; the note is optional. Messages are in the request's language. */
export function parsePricing(values: PricingValues, today: string): { ok: true; input: PricingInput } | { ok: false; errors: Record<string, string> } {
  const amount = z.string().regex(MONEY, { error: m.staff_pricing_amount_invalid });
  const optionalAmount = z.string().transform((value) => value || '0').pipe(amount);
  const errors: Record<string, string> = {};
  const lines: PricingInput['lines'] = [];
  for (const [lineId, price] of Object.entries(values.prices)) {
    const parsed = amount.safeParse(price);
    if (parsed.success) lines.push({ lineId, unitPrice: parsed.data });
    else errors[`price-${lineId}`] = price ? parsed.error.issues[0]!.message : m.staff_pricing_price_missing();
  }
  const extras = { setupAmount: optionalAmount, taxAmount: optionalAmount, shippingAmount: optionalAmount };
  const totals: Record<string, string> = {};
  for (const [name, schema] of Object.entries(extras)) {
    const parsed = schema.safeParse(values[name as keyof typeof extras]);
    if (parsed.success) totals[name] = parsed.data;
    else errors[name] = parsed.error.issues[0]!.message;
  }
  if (!DAY.test(values.validUntil)) errors.validUntil = m.staff_pricing_valid_missing();
  else if (values.validUntil <= today) errors.validUntil = m.staff_pricing_valid_past();
  if (values.noteToCustomer.length > 4000) errors.noteToCustomer = m.staff_pricing_note_too_long();
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      lines,
      setupAmount: totals.setupAmount!,
      taxAmount: totals.taxAmount!,
      shippingAmount: totals.shippingAmount!,
      validUntil: values.validUntil,
      noteToCustomer: values.noteToCustomer || null,
    },
  };
}

/** A day `days` after `today` (both YYYY-MM-DD), the form's default validity. */
export function addDays(today: string, days: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
