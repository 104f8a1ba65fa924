/** The printable lines of `sales_orders.shipping_address` (jsonb), whatever subset of the usual keys it has. */
export function addressLines(address: unknown): string[] {
  if (!address || typeof address !== 'object') return [];
  const a = address as Record<string, unknown>;
  const text = (key: string) => (typeof a[key] === 'string' ? (a[key] as string).trim() : '');
  const cityLine = [text('city'), [text('region'), text('postal_code')].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return [text('name'), text('company'), text('line1'), text('line2'), cityLine, text('country')].filter(Boolean);
}
