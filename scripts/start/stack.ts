import { resolve } from 'node:path';
import { DEV_SENDGRID_API_KEY, readActionsConfig, startActionServer } from '@portal/actions';
import { createEngineLogger, readEngineConfig, startEngineServer, startEventProcessing, type Engine, type EventProcessing } from '@portal/hasura';
import { startMailbox } from '@portal/dev-mailbox';
import { loadMetadata, watchMetadataDirectory } from '@portal/hasura-metadata';
import { stopStep } from './bounded-stop.ts';
import type { ScriptConfig } from '../config.ts';
import { PROJECT_ROOT, type LocalDatabase } from '../local-database.ts';
import type { Logger } from '../logger.ts';
import { startArtworkServices } from './artwork-services.ts';
import { serviceEnvironment } from './service-env.ts';
import { startWebServer } from './web-dev-server.ts';

export interface RunningServices {
  engineUrl: string;
  actionsUrl: string;
  webUrl: string;
  /** The development mailbox, where the portal's email arrives. */
  mailboxUrl: string;
  /** Where artwork is stored and which scanner runs, for the banner. */
  storage: string;
  scanner: string;
  /** Stops every service, newest first. */
  stop(): Promise<void>;
}

/** Development convenience: edits to metadata/ apply at once; a broken edit keeps the previous version. */
async function reloadMetadata(engine: Engine, dir: string, events: EventProcessing, logger: Logger): Promise<void> {
  try {
    await engine.replaceMetadata(loadMetadata(dir));
    await events.refresh();
    logger.info({ inconsistencies: engine.current.model.inconsistencies.length }, 'metadata reloaded after a change on disk');
  } catch (error) {
    logger.error({ err: error instanceof Error ? error.message : String(error) }, 'metadata change not applied; still serving the previous version');
  }
}

/**
 * Starts the portal's services on a prepared database: the development mailbox, object storage
 * and the virus scanner, the action server (the engine calls it), then the engine with its event
 * and cron processing (reloading metadata when it changes), then the web portal.
 */
export async function startServices(config: ScriptConfig, database: LocalDatabase, logger: Logger): Promise<RunningServices> {
  const stops: Array<[name: string, close: () => Promise<void>]> = [];
  // In reverse start order; each step bounded, so one that fails or hangs does not keep the rest running.
  const stop = async () => {
    for (const [name, close] of [...stops].reverse()) await stopStep(name, close, logger);
  };
  try {
    const mailbox = await startMailbox({ port: config.PORTAL_MAILBOX_PORT, apiKey: DEV_SENDGRID_API_KEY });
    stops.push(['mailbox', () => mailbox.close()]);
    const baseEnv = serviceEnvironment(config, database.url, mailbox.url);
    const artwork = await startArtworkServices(config, baseEnv);
    stops.push(['storage and scanner', () => artwork.stop()]);
    const env = { ...baseEnv, ...artwork.env };
    const actions = await startActionServer(readActionsConfig(env));
    stops.push(['action server', () => actions.close()]);
    const engineConfig = readEngineConfig(env);
    const engine = await startEngineServer(engineConfig, { logger: createEngineLogger(engineConfig) });
    stops.push(['engine', () => engine.close()]);
    const events = await startEventProcessing(engine.engine, { logger, env });
    stops.push(['event processing', () => events.stop()]);
    const unwatch = watchMetadataDirectory(engineConfig.metadataDir, () => void reloadMetadata(engine.engine, engineConfig.metadataDir, events, logger));
    stops.push(['metadata watcher', async () => unwatch()]);
    const cacheDir = resolve(PROJECT_ROOT, config.PORTAL_DATA_DIR, 'vite');
    const storageOrigin = new URL(env.ARTWORK_S3_PUBLIC_ENDPOINT || env.ARTWORK_S3_ENDPOINT || 'http://127.0.0.1').origin;
    const web = await startWebServer({ port: config.PORTAL_WEB_PORT, host: '127.0.0.1', engineUrl: engine.url, cacheDir, storageOrigin });
    stops.push(['web portal', () => web.close()]);
    return {
      engineUrl: engine.url,
      actionsUrl: actions.url,
      webUrl: web.url,
      mailboxUrl: mailbox.url,
      storage: artwork.storage,
      scanner: artwork.scanner,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
