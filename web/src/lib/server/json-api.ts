import { json } from '@sveltejs/kit';
import { ApiError } from './engine/api-error.ts';

/** An ApiError as the JSON a page's script shows (`{message, code}`); anything else is rethrown. */
export function apiErrorResponse(caught: unknown): Response {
  if (!(caught instanceof ApiError)) throw caught;
  const status = /^[A-Z_]+$/.test(caught.code) ? 400 : 502;
  return json({ message: caught.message, code: caught.code }, { status });
}
