/**
 * Money in integer cents (bigint), so prices, line totals and sums are exact. The API takes and the
 * database returns amounts as decimal strings; numeric(14,2) holds at most 999,999,999,999.99.
 */
export const MAX_CENTS = 99_999_999_999_999n;

/** "1234.5" → 123450n. The input is already validated as up to 12 digits and 2 decimals. */
export function toCents(amount: string): bigint {
  const [whole, fraction = ''] = amount.split('.');
  return BigInt(whole!) * 100n + BigInt(fraction.padEnd(2, '0'));
}

/** 123450n → "1234.50". */
export function fromCents(cents: bigint): string {
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}
