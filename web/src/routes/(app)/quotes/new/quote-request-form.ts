import { z } from 'zod';
import type { Quotes_Insert_Input } from '$lib/graphql/__generated__/graphql.ts';
import { m } from '../../../../lib/paraglide/messages.js';

/** Rows the form shows without JavaScript; a request may have up to MAX_LINES. */
export const BLANK_ROWS = 3;
export const MAX_LINES = 20;

export interface LineValues {
  product: string;
  description: string;
  quantity: string;
  notes: string;
}

export interface QuoteRequestValues {
  title: string;
  notes: string;
  /** YYYY-MM-DD, or '' for no date. */
  neededBy: string;
  poNumber: string;
  lines: LineValues[];
}

export type QuoteRequestErrors = Record<string, string>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Built per request: its messages are in the request's language. */
const lineSchema = () => z.object({
  product: z.union([z.literal(''), z.string().regex(UUID, { error: m.quotes_product_choose_from_list })]),
  description: z.string().max(500, { error: m.quotes_description_too_long }),
  quantity: z.coerce.number({ error: m.quotes_quantity_missing }).int({ error: m.quotes_quantity_not_whole }).min(1, { error: m.quotes_quantity_too_small }).max(10_000_000, { error: m.quotes_quantity_too_large }),
  notes: z.string().max(2000, { error: m.quotes_specifications_too_long }),
});

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

/** The values as submitted, rows in order (`line-<n>-<field>`), for showing the form again. */
export function readQuoteRequest(form: FormData): QuoteRequestValues {
  const lines: LineValues[] = [];
  for (let n = 0; n < MAX_LINES; n += 1) {
    if (!form.has(`line-${n}-quantity`)) break;
    lines.push({ product: text(form, `line-${n}-product`), description: text(form, `line-${n}-description`), quantity: text(form, `line-${n}-quantity`), notes: text(form, `line-${n}-notes`) });
  }
  return { title: text(form, 'title'), notes: text(form, 'notes'), neededBy: text(form, 'neededBy'), poNumber: text(form, 'poNumber'), lines };
}

const isBlank = (line: LineValues) => !line.product && !line.description && !line.quantity && !line.notes;

/**
 * Checks a request field by field; blank rows are left out. A line names a catalogue product, a
 * free-text description, or both (the description then says what differs).
 */
export function parseQuoteRequest(values: QuoteRequestValues, productName: (id: string) => string | undefined, today: string): { ok: true; quote: Quotes_Insert_Input } | { ok: false; errors: QuoteRequestErrors } {
  const errors: QuoteRequestErrors = {};
  if (values.neededBy && !/^\d{4}-\d{2}-\d{2}$/.test(values.neededBy)) errors.neededBy = m.quotes_date_invalid();
  else if (values.neededBy && values.neededBy < today) errors.neededBy = m.quotes_date_past();
  if (values.poNumber.length > 64) errors.poNumber = m.quotes_po_too_long();
  if (!values.title) errors.title = m.quotes_title_missing();
  else if (values.title.length > 200) errors.title = m.quotes_title_too_long();
  if (values.notes.length > 4000) errors.notes = m.quotes_notes_too_long();
  const lines: NonNullable<NonNullable<Quotes_Insert_Input['lines']>['data']> = [];
  const schema = lineSchema();
  values.lines.forEach((line, n) => {
    if (isBlank(line)) return;
    const parsed = schema.safeParse(line);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors[`line-${n}-${String(issue.path[0])}`] ??= issue.message;
      return;
    }
    const product = parsed.data.product ? productName(parsed.data.product) : undefined;
    if (parsed.data.product && !product) errors[`line-${n}-product`] = m.quotes_product_gone();
    else if (!product && !parsed.data.description) errors[`line-${n}-description`] = m.quotes_describe_item();
    else {
      lines.push({
        line_number: lines.length + 1,
        product_id: parsed.data.product || null,
        description: parsed.data.description || product!,
        quantity: parsed.data.quantity,
        specifications: parsed.data.notes ? { notes: parsed.data.notes } : {},
      });
    }
  });
  if (lines.length === 0 && !Object.keys(errors).some((key) => key.startsWith('line-'))) errors.lines = m.quotes_lines_missing();
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    quote: { title: values.title, customer_notes: values.notes, needed_by: values.neededBy || null, customer_po_number: values.poNumber || null, lines: { data: lines } },
  };
}

/** The rows to show: the submitted ones plus one blank, at least BLANK_ROWS. */
export function rowsToShow(lines: readonly LineValues[]): LineValues[] {
  const blank = { product: '', description: '', quantity: '', notes: '' };
  const rows = [...lines];
  while (rows.length < Math.min(MAX_LINES, Math.max(BLANK_ROWS, lines.length + 1))) rows.push({ ...blank });
  return rows;
}
