import { resolve } from 'node:path';
import { findClamd, startDevScanner, CLAMD_INSTALL_HINT } from '@portal/dev-scanner';
import { startDevStorage } from '@portal/dev-storage';
import type { ScriptConfig } from '../config.ts';
import { PROJECT_ROOT } from '../local-database.ts';

export interface ArtworkServices {
  /** Variables for the action server: where storage and clamd are. */
  env: Record<string, string>;
  /** For the banner. */
  storage: string;
  scanner: string;
  stop(): Promise<void>;
}

const DEFAULT_BUCKET = 'portal-artwork';

/**
 * Object storage and the virus scanner of `npm start`: the local S3 server (objects kept under
 * PORTAL_DATA_DIR/s3) unless ARTWORK_S3_ENDPOINT points elsewhere, and clamd with the EICAR-only
 * signature database when it is installed and no CLAMAV_* is set. Without clamd files stay UNSCANNED.
 */
export async function startArtworkServices(config: ScriptConfig, env: NodeJS.ProcessEnv): Promise<ArtworkServices> {
  const stops: Array<() => Promise<void>> = [];
  const added: Record<string, string> = {};
  let storage = env.ARTWORK_S3_ENDPOINT ?? '';
  if (!env.ARTWORK_S3_ENDPOINT) {
    const bucket = env.ARTWORK_S3_BUCKET || DEFAULT_BUCKET;
    const web = config.PORTAL_WEB_PORT;
    const local = await startDevStorage({
      bucket,
      port: config.PORTAL_STORAGE_PORT,
      directory: resolve(PROJECT_ROOT, config.PORTAL_DATA_DIR, 's3'),
      allowedOrigins: [`http://127.0.0.1:${web}`, `http://localhost:${web}`],
    });
    stops.push(() => local.close());
    Object.assign(added, { ARTWORK_S3_ENDPOINT: local.endpoint, ARTWORK_S3_BUCKET: bucket });
    storage = `${local.endpoint}/${bucket}  (local S3 server: s3rver, checks no POST policy or SigV4 signature)`;
  }
  let scanner = env.CLAMAV_SOCKET || (env.CLAMAV_HOST ? `${env.CLAMAV_HOST}:${env.CLAMAV_PORT ?? 3310}` : '');
  if (!scanner && findClamd() !== null) {
    const clamd = await startDevScanner();
    stops.push(() => clamd.close());
    added.CLAMAV_SOCKET = clamd.socketPath;
    scanner = `${clamd.socketPath}  (clamd, test signature EICAR only)`;
  }
  if (!scanner) scanner = `none: uploads stay UNSCANNED (${CLAMD_INSTALL_HINT})`;
  return {
    env: added,
    storage,
    scanner,
    stop: async () => {
      for (const close of stops.reverse()) await close();
    },
  };
}
