export interface HttpResponse {
  status: number;
  /** Parsed JSON, or the raw text when the body is not JSON. */
  body: unknown;
  /** Lower-case header names. */
  headers: Record<string, string>;
}

export interface HttpRequest {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  /** Sent as JSON when present. */
  json?: unknown;
  /** Sent as-is (a step's `body` with a `method`). */
  raw?: string;
}

/** The driver's own request timeout is 60 s too (`hge_ctx.timeout`). */
const TIMEOUT_MS = 60_000;

/** One request to the engine's server, the way the driver's `requests` session sends it. */
export async function send(baseUrl: string, request: HttpRequest): Promise<HttpResponse> {
  const headers: Record<string, string> = { ...(request.headers ?? {}) };
  let body: string | undefined = request.raw;
  if (request.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(request.json);
  }
  const method = request.method ?? 'POST';
  const response = await fetch(new URL(request.url, baseUrl), {
    method,
    headers,
    signal: AbortSignal.timeout(TIMEOUT_MS),
    ...(method === 'GET' || body === undefined ? {} : { body }),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: the driver would fail on it too; keep the text for the report.
  }
  return { status: response.status, body: parsed, headers: Object.fromEntries(response.headers.entries()) };
}
