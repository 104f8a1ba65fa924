import type pg from 'pg';

/**
 * Records the last SO-/Q- number the seed assigned per year, so numbers the triggers hand out
 * later continue the sequence instead of colliding with seeded ones.
 */
export async function saveDocumentCounters(
  client: pg.ClientBase,
  tenantId: string,
  prefix: 'SO' | 'Q',
  lastByYear: ReadonlyMap<number, number>,
): Promise<void> {
  const years = [...lastByYear.keys()];
  await client.query(
    `insert into public.document_number_counters as c (tenant_id, prefix, year, last_value)
     select $1, $2, y, v from unnest($3::integer[], $4::integer[]) as t(y, v)
     on conflict (tenant_id, prefix, year) do update set last_value = greatest(c.last_value, excluded.last_value)`,
    [tenantId, prefix, years, years.map((year) => lastByYear.get(year)!)],
  );
}

/** Highest number per year among `numbers` (`PREFIX-YYYY-NNNNNN`). */
export function lastNumbers(numbers: readonly string[]): Map<number, number> {
  const last = new Map<number, number>();
  for (const number of numbers) {
    const [, year, value] = number.split('-');
    last.set(Number(year), Math.max(last.get(Number(year)) ?? 0, Number(value)));
  }
  return last;
}
