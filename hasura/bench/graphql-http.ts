import { Agent, request } from 'node:http';
import type { Task } from './load-generator.ts';
import type { GraphQLCall } from './scenario.ts';

/** A request ready to send: serialised once up front, so the client's own work stays small and equal. */
export interface PreparedRequest {
  body: string;
  headers: Record<string, string>;
}

export function prepareRequest(call: GraphQLCall, headers: Record<string, string> = {}): PreparedRequest {
  const body = JSON.stringify(call);
  return { body, headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } };
}

/** A keep-alive client with at most `connections` sockets to one GraphQL endpoint. */
export class GraphQLClient {
  readonly #agent: Agent;
  readonly #endpoint: URL;

  constructor(endpoint: string, connections: number) {
    this.#endpoint = new URL(endpoint);
    this.#agent = new Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  }

  /** POSTs the request and resolves to the response's `data`; rejects on a non-200 status or any GraphQL error. */
  send(prepared: PreparedRequest): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const req = request(this.#endpoint, { method: 'POST', agent: this.#agent, headers: prepared.headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200) return reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 200)}`));
          try {
            const parsed = JSON.parse(text) as { data?: unknown; errors?: Array<{ message: string }> };
            if (parsed.errors?.length) return reject(new Error(`GraphQL error: ${parsed.errors[0]!.message}`));
            resolve(parsed.data);
          } catch (error) {
            reject(error);
          }
        });
      });
      req.on('error', reject);
      req.end(prepared.body);
    });
  }

  /** A load task that sends `requests[index % length]`. */
  task(requests: PreparedRequest[]): Task {
    return (index) => this.send(requests[index % requests.length]!);
  }

  close(): void {
    this.#agent.destroy();
  }
}
