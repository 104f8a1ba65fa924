import { z } from 'zod';

/** s3rver's built-in key pair (`@portal/dev-storage`): the development default, refused in production. */
export const DEV_STORAGE_KEY = 'S3RVER';
/** Where `npm start` runs the local S3 server, so the action server alone finds it too. */
export const DEV_STORAGE_ENDPOINT = 'http://127.0.0.1:4568';

const int = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);
const flag = (fallback: boolean) =>
  z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1').default(fallback);

/** The artwork pipeline's variables (object storage, upload limits, the virus scanner); see .env.example. */
export const artworkEnvShape = {
  ARTWORK_S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name').default('portal-artwork'),
  ARTWORK_S3_REGION: z.string().min(1).default('us-east-1'),
  // Unset with NODE_ENV=production: AWS's own endpoint for the region.
  ARTWORK_S3_ENDPOINT: z.string().url().optional(),
  // The address browsers use for uploads and downloads when it differs from the server's (compose: MinIO's published port).
  ARTWORK_S3_PUBLIC_ENDPOINT: z.string().url().optional(),
  ARTWORK_S3_FORCE_PATH_STYLE: flag(true),
  // Unset with NODE_ENV=production: the SDK's default chain (instance role, AWS_* variables).
  ARTWORK_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  ARTWORK_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  ARTWORK_MAX_UPLOAD_MB: int(1, 2048, 50),
  ARTWORK_UPLOAD_URL_MINUTES: int(1, 60, 15),
  ARTWORK_DOWNLOAD_URL_SECONDS: int(10, 3600, 300),
  // clamd: a unix socket, or host and port. Neither: files are not scanned and stay UNSCANNED.
  CLAMAV_SOCKET: z.string().min(1).optional(),
  CLAMAV_HOST: z.string().min(1).optional(),
  CLAMAV_PORT: int(1, 65535, 3310),
  CLAMAV_TIMEOUT_SECONDS: int(1, 600, 120),
};

const artworkEnvSchema = z.object(artworkEnvShape);
type ArtworkEnv = z.output<typeof artworkEnvSchema>;

export interface StorageConfig {
  bucket: string;
  region: string;
  endpoint: string | undefined;
  publicEndpoint: string | undefined;
  forcePathStyle: boolean;
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
}

export type ScannerConfig = { socketPath: string } | { host: string; port: number };

export interface ArtworkConfig {
  storage: StorageConfig;
  maxUploadBytes: number;
  uploadUrlSeconds: number;
  downloadUrlSeconds: number;
  /** null: no clamd configured, files end UNSCANNED. */
  scanner: ScannerConfig | null;
  scanTimeoutMs: number;
}

function credentials(e: ArtworkEnv, production: boolean): StorageConfig['credentials'] {
  if (e.ARTWORK_S3_ACCESS_KEY_ID !== undefined && e.ARTWORK_S3_SECRET_ACCESS_KEY !== undefined) {
    return { accessKeyId: e.ARTWORK_S3_ACCESS_KEY_ID, secretAccessKey: e.ARTWORK_S3_SECRET_ACCESS_KEY };
  }
  return production ? undefined : { accessKeyId: DEV_STORAGE_KEY, secretAccessKey: DEV_STORAGE_KEY };
}

function scanner(e: ArtworkEnv): ScannerConfig | null {
  if (e.CLAMAV_SOCKET !== undefined) return { socketPath: e.CLAMAV_SOCKET };
  if (e.CLAMAV_HOST !== undefined) return { host: e.CLAMAV_HOST, port: e.CLAMAV_PORT };
  return null;
}

export function toArtworkConfig(e: ArtworkEnv, production: boolean): ArtworkConfig {
  return {
    storage: {
      bucket: e.ARTWORK_S3_BUCKET,
      region: e.ARTWORK_S3_REGION,
      endpoint: e.ARTWORK_S3_ENDPOINT ?? (production ? undefined : DEV_STORAGE_ENDPOINT),
      publicEndpoint: e.ARTWORK_S3_PUBLIC_ENDPOINT,
      forcePathStyle: e.ARTWORK_S3_FORCE_PATH_STYLE,
      credentials: credentials(e, production),
    },
    maxUploadBytes: e.ARTWORK_MAX_UPLOAD_MB * 1024 * 1024,
    uploadUrlSeconds: e.ARTWORK_UPLOAD_URL_MINUTES * 60,
    downloadUrlSeconds: e.ARTWORK_DOWNLOAD_URL_SECONDS,
    scanner: scanner(e),
    scanTimeoutMs: e.CLAMAV_TIMEOUT_SECONDS * 1000,
  };
}

/** Production refuses the development storage key pair (it is public). */
export function artworkProductionProblems(e: ArtworkEnv): string[] {
  const problems: string[] = [];
  if (e.ARTWORK_S3_ACCESS_KEY_ID === DEV_STORAGE_KEY || e.ARTWORK_S3_SECRET_ACCESS_KEY === DEV_STORAGE_KEY) {
    problems.push('ARTWORK_S3_ACCESS_KEY_ID/ARTWORK_S3_SECRET_ACCESS_KEY must not be the development key pair');
  }
  if ((e.ARTWORK_S3_ACCESS_KEY_ID === undefined) !== (e.ARTWORK_S3_SECRET_ACCESS_KEY === undefined)) {
    problems.push('ARTWORK_S3_ACCESS_KEY_ID and ARTWORK_S3_SECRET_ACCESS_KEY must be set together');
  }
  return problems;
}
