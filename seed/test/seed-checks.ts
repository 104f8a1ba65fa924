import type pg from 'pg';
import { contentHash, type RevisionContent } from '@portal/actions/quote-evidence';
import { quoteIdentifier } from '@portal/common/postgres';

/**
 * Orders whose status history does not match the order: the first event must be the creation
 * (from null, at placed_at), each later event must start where the previous one ended, times must
 * rise with event numbers, and the last event must end in the order's current status.
 * Returns one line per problem (empty when all is well).
 */
export async function historyProblems(client: pg.ClientBase, tenantId: string): Promise<string[]> {
  const result = await client.query<{ order_number: string; problem: string }>(
    `with e as (
       select e.*, row_number() over w as n,
              lag(e.to_status) over w as previous_to, lag(e.created_at) over w as previous_at,
              count(*) over (partition by e.order_id) as total
         from public.order_status_events e
        where e.tenant_id = $1
       window w as (partition by e.order_id order by e.event_number)
     )
     select o.order_number, 'no events' as problem from public.sales_orders o
      where o.tenant_id = $1 and not exists (select 1 from e where e.order_id = o.id)
     union all
     select o.order_number, 'first event is not the creation at placed_at'
       from public.sales_orders o join e on e.order_id = o.id and e.n = 1
      where e.from_status is not null or e.created_at <> o.placed_at or e.to_status <> 'CONFIRMED'
     union all
     select o.order_number, 'event ' || e.n || ' does not continue from ' || e.previous_to
       from public.sales_orders o join e on e.order_id = o.id and e.n > 1
      where e.from_status is distinct from e.previous_to or e.created_at <= e.previous_at
     union all
     select o.order_number, 'last event ends in ' || e.to_status || ', order is ' || o.status
       from public.sales_orders o join e on e.order_id = o.id and e.n = e.total
      where e.to_status <> o.status
     union all
     select o.order_number, 'event in the future'
       from public.sales_orders o join e on e.order_id = o.id
      where e.created_at > now()`,
    [tenantId],
  );
  return result.rows.map((row) => `${row.order_number}: ${row.problem}`);
}

/** Statuses present in `table` for the tenant, sorted. */
export async function statusesIn(client: pg.ClientBase, table: string, tenantId: string): Promise<string[]> {
  const allowed = ['quotes', 'sales_orders', 'proofs', 'artwork_files'];
  if (!allowed.includes(table)) throw new Error(`not a table with a status: ${table}`);
  const result = await client.query<{ status: string }>(
    `select distinct status from public.${quoteIdentifier(table)} where tenant_id = $1 order by status`,
    [tenantId],
  );
  return result.rows.map((row) => row.status);
}

/**
 * Years whose document counter does not match the highest number of that year (so the number
 * triggers would hand out a duplicate or leave a gap). Empty when all is well.
 */
export async function counterProblems(client: pg.ClientBase, tenantId: string): Promise<string[]> {
  const result = await client.query<{ problem: string }>(
    `with numbers as (
       select 'SO' as prefix, order_number as number from public.sales_orders where tenant_id = $1
       union all
       select 'Q', quote_number from public.quotes where tenant_id = $1
     ), highest as (
       select prefix, split_part(number, '-', 2)::int as year, max(split_part(number, '-', 3)::int) as value, count(*) as n
         from numbers group by 1, 2
     )
     select coalesce(h.prefix, c.prefix) || ' ' || coalesce(h.year, c.year)
            || ': highest ' || coalesce(h.value, 0) || ', count ' || coalesce(h.n, 0) || ', counter ' || coalesce(c.last_value, 0) as problem
       from highest h
       full join (select * from public.document_number_counters where tenant_id = $1) c
         on c.prefix = h.prefix and c.year = h.year
      where h.value is distinct from c.last_value or h.n is distinct from c.last_value::bigint`,
    [tenantId],
  );
  return result.rows.map((row) => row.problem);
}

/**
 * Quotes whose pricing or approval evidence does not hold: every priced quote has its current
 * revision with the quote's amounts and a hash that verifies; every converted quote has an acceptance
 * of that revision, for its own order, whose amounts are the revision's. Empty when all is well.
 */
export async function evidenceProblems(client: pg.ClientBase, tenantId: string): Promise<string[]> {
  const problems: string[] = [];
  const quotes = await client.query<{ quote_number: string; status: string; revision: number; rev: Record<string, unknown> | null; acc: Record<string, unknown> | null; order_amounts: string | null }>(
    `select q.quote_number, q.status, q.revision,
            case when r.id is not null then jsonb_build_object(
              'quote_id', r.quote_id, 'revision', r.revision, 'currency_code', r.currency_code, 'valid_until', r.valid_until::text,
              'subtotal', r.subtotal::text, 'setup_amount', r.setup_amount::text, 'tax_amount', r.tax_amount::text,
              'shipping_amount', r.shipping_amount::text, 'total_amount', r.total_amount::text, 'lines', r.lines,
              'content_hash', r.content_hash,
              'matches_quote', (r.subtotal, r.setup_amount, r.tax_amount, r.shipping_amount, r.valid_until)
                             = (q.subtotal, q.setup_amount, q.tax_amount, q.shipping_amount, q.valid_until)) end as rev,
            case when a.id is not null then jsonb_build_object('order_id', a.order_id, 'revision', a.revision, 'content_hash', a.content_hash) end as acc,
            (o.subtotal, o.setup_amount, o.tax_amount, o.shipping_amount)::text as order_amounts,
            (q.converted_order_id is not distinct from a.order_id) as acceptance_order_ok
       from quotes q
       left join quote_revisions r on r.quote_id = q.id and r.revision = q.revision
       left join quote_acceptances a on a.quote_id = q.id
       left join sales_orders o on o.id = q.converted_order_id
      where q.tenant_id = $1 and q.status <> 'DRAFT'`,
    [tenantId],
  );
  for (const row of quotes.rows) {
    const { content_hash: hash, matches_quote: matches, ...content } = (row.rev ?? {}) as Record<string, unknown>;
    if (!row.rev) { problems.push(`${row.quote_number}: no revision ${row.revision}`); continue; }
    if (!matches) problems.push(`${row.quote_number}: revision amounts differ from the quote`);
    if (contentHash(content as unknown as RevisionContent) !== hash) problems.push(`${row.quote_number}: revision hash does not verify`);
    if (row.status !== 'CONVERTED') {
      if (row.acc) problems.push(`${row.quote_number}: ${row.status} but accepted`);
      continue;
    }
    if (!row.acc) { problems.push(`${row.quote_number}: converted without an acceptance`); continue; }
    if (row.acc.content_hash !== hash || row.acc.revision !== row.revision) problems.push(`${row.quote_number}: acceptance is not of the current revision`);
    const revisionAmounts = `(${content.subtotal},${content.setup_amount},${content.tax_amount},${content.shipping_amount})`;
    if (row.order_amounts !== revisionAmounts) problems.push(`${row.quote_number}: order amounts ${row.order_amounts} differ from ${revisionAmounts}`);
  }
  return problems;
}
