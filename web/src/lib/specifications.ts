/**
 * A quote line's `specifications` (jsonb, an object of the customer's choices such as
 * `{ "paper": "350gsm silk" }`) as labelled lines; anything that is not a plain value is shown as JSON.
 */
export function specificationLines(specifications: unknown): { label: string; value: string }[] {
  if (!specifications || typeof specifications !== 'object' || Array.isArray(specifications)) return [];
  return Object.entries(specifications as Record<string, unknown>)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => {
      const words = key.replace(/[_-]+/g, ' ').trim();
      const label = words.charAt(0).toUpperCase() + words.slice(1);
      return { label, value: typeof value === 'object' ? JSON.stringify(value) : String(value) };
    });
}
