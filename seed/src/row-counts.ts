import type pg from 'pg';
import { quoteIdentifier } from '@portal/common/postgres';

/** The tables the seed writes, in dependency order (also the order of the printed table). */
export const SEEDED_TABLES = [
  'tenants', 'customers', 'customer_users', 'integrator_clients', 'products', 'quotes', 'quote_lines',
  'quote_revisions', 'quote_acceptances', 'sales_orders', 'sales_order_lines', 'order_status_events', 'proofs', 'artwork_files',
  'customer_activity_log', 'notifications', 'document_number_counters',
] as const;

/** Rows per seeded table, for the whole database or (with `tenantId`) one tenant. */
export async function countRows(client: pg.ClientBase, tenantId?: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of SEEDED_TABLES) {
    const column = table === 'tenants' ? 'id' : 'tenant_id';
    const where = tenantId ? ` where ${quoteIdentifier(column)} = $1` : '';
    const result = await client.query<{ n: string }>(
      `select count(*) as n from public.${quoteIdentifier(table)}${where}`,
      tenantId ? [tenantId] : [],
    );
    counts[table] = Number(result.rows[0]!.n);
  }
  return counts;
}

/** A plain-text table of counts, one column per labelled set (e.g. "inserted now", "database"). */
export function formatCountTable(columns: Readonly<Record<string, Readonly<Record<string, number>>>>): string {
  const labels = Object.keys(columns);
  const tables = [...new Set([...SEEDED_TABLES, ...labels.flatMap((label) => Object.keys(columns[label]!))])];
  const width = Math.max(...tables.map((t) => t.length), 'table'.length);
  const cell = (label: string, table: string) => (columns[label]![table] ?? 0).toLocaleString('en-US').padStart(Math.max(label.length, 12));
  const header = `${'table'.padEnd(width)}  ${labels.map((l) => l.padStart(Math.max(l.length, 12))).join('  ')}`;
  const rows = tables.map((table) => `${table.padEnd(width)}  ${labels.map((l) => cell(l, table)).join('  ')}`);
  return [header, '-'.repeat(header.length), ...rows].join('\n');
}
