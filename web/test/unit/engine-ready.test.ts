import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { engineReady } from '../../src/lib/server/health/engine-ready.ts';

let server: Server;
let base = '';
let healthStatus = 200;

beforeAll(async () => {
  server = createServer((req, res) => {
    res.writeHead(req.url === '/healthz' ? healthStatus : 404).end(req.url === '/healthz' ? 'OK' : '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('web readiness', () => {
  test('is ready while the engine answers its health check, and not when it fails or is gone', async () => {
    healthStatus = 200;
    expect(await engineReady(`${base}/v1/graphql`)).toBe(true);
    healthStatus = 500;
    expect(await engineReady(`${base}/v1/graphql`)).toBe(false);
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await engineReady(`http://127.0.0.1:${port}/v1/graphql`)).toBe(false);
  });
});
