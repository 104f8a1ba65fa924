import { createHash } from 'node:crypto';

/**
 * What a priced revision says, in the one form both the action server and the seed write: the
 * `quote_revisions.lines` JSON and the document whose SHA-256 is the revision's `content_hash` (and
 * the acceptance's). Exported as `@portal/actions/quote-evidence`. Money is a decimal string with two
 * places ("1234.50"), as PostgreSQL prints numeric(14,2), so no number formatting can change a hash.
 */
export interface RevisionLine {
  line_id: string;
  line_number: number;
  product_id: string | null;
  sku: string | null;
  description: string;
  specifications: Record<string, unknown>;
  quantity: number;
  unit_price: string;
  line_total: string;
}

export interface RevisionContent {
  quote_id: string;
  revision: number;
  currency_code: string;
  /** `YYYY-MM-DD`. */
  valid_until: string;
  subtotal: string;
  setup_amount: string;
  tax_amount: string;
  shipping_amount: string;
  total_amount: string;
  lines: RevisionLine[];
}

/**
 * JSON with object keys sorted (recursively) and no whitespace: equal values give equal text.
 * Numbers are JavaScript's shortest round-trip form, as RFC 8785 prescribes; the revision holds only
 * integers and strings besides what customers wrote into `specifications`.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, v]) => `${JSON.stringify(key)}:${canonicalJson(v)}`).join(',')}}`;
}

/** SHA-256 (hex) of the canonical JSON of a revision's priced lines and totals. */
export function contentHash(content: RevisionContent): string {
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}
