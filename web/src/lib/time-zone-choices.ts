import { isTimeZone } from './time-zones.ts';

/**
 * The runtime (ICU) still lists some zones under names IANA has since replaced (Asia/Calcutta for
 * Asia/Kolkata, Europe/Kiev for Europe/Kyiv); people look for the current ones. Both spellings
 * name the same zone, so a stored old name keeps working and is shown, and saved, as the new one.
 */
const RENAMED: Record<string, string> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

/** A zone's current IANA name. */
export function currentZoneName(zone: string): string {
  return RENAMED[zone] ?? zone;
}

export interface TimeZoneChoice {
  /** The IANA name, as stored. */
  value: string;
  /** Its offset now and its generic name in the page's language, e.g. "GMT+5:30 · India Standard Time". */
  label: string;
}

function zoneNamePart(zone: string, locale: string, style: 'shortOffset' | 'longGeneric', now: Date): string {
  const parts = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: style }).formatToParts(now);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
}

/** The zones to choose from, under current names and sorted by them; UTC (the column's default) and the stored zone are always offered. */
export function timeZoneChoices(current: string, locale: string, now = new Date()): TimeZoneChoice[] {
  const zones = new Set(['UTC', ...Intl.supportedValuesOf('timeZone').map(currentZoneName).sort()]);
  if (isTimeZone(current)) zones.add(currentZoneName(current));
  return [...zones].map((zone) => ({
    value: zone,
    label: [zoneNamePart(zone, locale, 'shortOffset', now), zoneNamePart(zone, locale, 'longGeneric', now)].filter(Boolean).join(' · '),
  }));
}
