import { getLocale } from './paraglide/runtime.js';

/**
 * Display helpers shared by server and browser, in the page's locale (the server's choice, which
 * the browser reads back); every function takes the time zone explicitly so both render alike.
 */

/** `numeric` arrives as a number or, with stringified numerics, a string. */
export function formatMoney(amount: number | string | null | undefined, currency: string): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  const value = typeof amount === 'number' ? amount : Number(amount);
  if (!Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(getLocale(), { style: 'currency', currency: currency.trim() || 'USD' }).format(value);
}

export function formatNumber(value: number | string): string {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? new Intl.NumberFormat(getLocale()).format(n) : String(value);
}

/** A timestamp in the user's time zone, e.g. "Mar 4, 2026, 2:05 PM". */
export function formatDateTime(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(getLocale(), { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** The calendar day of a timestamp in the user's time zone, e.g. "Mar 4, 2026". */
export function formatDay(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(getLocale(), { dateStyle: 'medium', timeZone }).format(new Date(iso));
}

/** A PostgreSQL `date` (YYYY-MM-DD), which has no time zone: shown as that very day. */
export function formatCalendarDate(date: string | null | undefined): string {
  if (!date) return '—';
  return new Intl.DateTimeFormat(getLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}
