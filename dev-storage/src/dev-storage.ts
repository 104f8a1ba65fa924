import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

/** s3rver's one built-in key pair; it verifies signatures made with it and nothing else. */
export const DEV_STORAGE_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

export interface DevStorageOptions {
  bucket: string;
  /** Origins allowed to POST uploads from the browser (the web portal's). */
  allowedOrigins: readonly string[];
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Where objects are kept; a fresh temporary folder (removed on close) when unset. */
  directory?: string;
}

export interface DevStorage {
  /** Endpoint for the S3 client, path-style: `http://127.0.0.1:<port>`. */
  endpoint: string;
  bucket: string;
  close(): Promise<void>;
}

/** The browser POSTs the upload form and reads HeadObject-like answers; it needs these through CORS. */
function corsConfiguration(origins: readonly string[]): string {
  const allowed = origins.map((origin) => `<AllowedOrigin>${origin}</AllowedOrigin>`).join('');
  return [
    '<CORSConfiguration><CORSRule>',
    allowed,
    '<AllowedMethod>POST</AllowedMethod><AllowedMethod>GET</AllowedMethod><AllowedMethod>HEAD</AllowedMethod>',
    '<AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>600</MaxAgeSeconds>',
    '</CORSRule></CORSConfiguration>',
  ].join('');
}

/**
 * Starts s3rver in this process with the bucket and its CORS rule created. It is a development
 * stand-in: it checks SigV4 signatures and expiry of signed requests but accepts unsigned ones and
 * ignores POST policies (README, "Object storage"), so the action server re-checks every upload.
 */
export async function startDevStorage(options: DevStorageOptions): Promise<DevStorage> {
  const ownDirectory = options.directory === undefined ? await mkdtemp(join(tmpdir(), 'portal-s3-')) : undefined;
  const server = new S3rver({
    address: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    silent: true,
    directory: options.directory ?? ownDirectory!,
    configureBuckets: [{ name: options.bucket, configs: [corsConfiguration(options.allowedOrigins)] }],
  });
  const address = (await server.run()) as AddressInfo;
  return {
    endpoint: `http://${address.address}:${address.port}`,
    bucket: options.bucket,
    close: async () => {
      await server.close();
      if (ownDirectory !== undefined) await rm(ownDirectory, { recursive: true, force: true });
    },
  };
}
