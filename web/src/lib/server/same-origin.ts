/** Content types a browser may send cross-site without a preflight: what an HTML form posts. */
const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

/**
 * A form submission from another site. SvelteKit refuses these in a production build only; vite's
 * development server (which `npm start` runs) skips its check, so the portal makes the same check
 * itself, in every mode. A missing Origin header counts as another site, as in SvelteKit.
 */
export function isCrossSiteFormPost(request: Request, url: URL): boolean {
  if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return false;
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
  return FORM_TYPES.has(type) && request.headers.get('origin') !== url.origin;
}
