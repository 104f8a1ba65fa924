import { existsSync } from 'node:fs';
import { short } from './compare/difference.ts';
import type { EngineServer } from './engine-server.ts';
import { readYaml } from './fixture-files.ts';
import { send, type HttpResponse } from './http-client.ts';

/** Sends a setup/teardown file as one `/v1/query` body with the admin secret; null when the file does not exist. */
export async function postSetupFile(server: EngineServer, file: string): Promise<HttpResponse | null> {
  if (!existsSync(file)) return null;
  return postQuery(server, readYaml(file));
}

export function postQuery(server: EngineServer, body: unknown): Promise<HttpResponse> {
  return send(server.baseUrl, { url: '/v1/query', headers: { 'X-Hasura-Admin-Secret': server.adminSecret }, json: body });
}

interface ErrorBody {
  code?: string;
  error?: string;
  path?: string;
  internal?: { error?: { message?: string } };
}

export function errorOf(response: HttpResponse): ErrorBody {
  return typeof response.body === 'object' && response.body !== null ? (response.body as ErrorBody) : {};
}

/** `path: error (code)` of a failed API call, short. */
export function describeFailure(response: HttpResponse): string {
  const error = errorOf(response);
  if (!error.error) return `status ${response.status}: ${short(response.body)}`;
  const detail = error.internal?.error?.message ? `: ${error.internal.error.message}` : '';
  return `${error.path ?? '$'}: ${error.error}${detail} (${error.code ?? response.status})`;
}

/** A PostgreSQL extension the server lacks (PostGIS and the like), named as a feature. */
export function missingExtension(response: HttpResponse): string | null {
  const message = errorOf(response).internal?.error?.message ?? '';
  const match = /extension "([^"]+)" is not available|could not open extension control file "[^"]*\/([^/"]+)\.control"/.exec(message);
  return match ? `the PostgreSQL extension "${match[1] ?? match[2]}", which this server does not have` : null;
}

/** The feature an engine `not-supported` error names ("unsupported: computed fields (in …)" → "computed fields"). */
export function featureOf(message: string): string {
  return /^unsupported: (.*?) \(in /.exec(message)?.[1] ?? message;
}
