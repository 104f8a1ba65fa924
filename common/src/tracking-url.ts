/**
 * The carriers whose public tracking page takes the number in its address. Keys are carrier names
 * as staff type them, reduced to lower-case letters (so "FedEx", "Fed Ex" and "fedex" are one).
 */
const TRACKING_PAGES: Record<string, (number: string) => string> = {
  ups: (n) => `https://www.ups.com/track?tracknum=${n}`,
  fedex: (n) => `https://www.fedex.com/fedextrack/?trknbr=${n}`,
  federalexpress: (n) => `https://www.fedex.com/fedextrack/?trknbr=${n}`,
  usps: (n) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}`,
  dhl: (n) => `https://www.dhl.com/global-en/home/tracking.html?tracking-id=${n}&submit=1`,
  dhlexpress: (n) => `https://www.dhl.com/global-en/home/tracking.html?tracking-id=${n}&submit=1`,
};

/**
 * The carrier's tracking page for this shipment, or null when the carrier is not one we know (the
 * number is then shown as plain text) or there is no number. The number is URL-encoded, so
 * whatever was typed stays inside the query string.
 */
export function trackingUrl(carrier: string | null | undefined, trackingNumber: string | null | undefined): string | null {
  const number = trackingNumber?.trim();
  if (!carrier || !number) return null;
  const page = TRACKING_PAGES[carrier.toLowerCase().replace(/[^a-z]/g, '')];
  return page ? page(encodeURIComponent(number)) : null;
}
