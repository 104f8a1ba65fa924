import { z } from 'zod';
import { giveUpScan, scanFile } from '../artwork/scan-file.ts';
import type { EventHandler } from '../http/define-event-handler.ts';

const scanningRow = z.object({ id: z.uuid(), status: z.literal('SCANNING') });

/**
 * artwork_scan (artwork_files, update of status): a file that became SCANNING is streamed to
 * clamd. A failure throws so Hasura retries; on the last try the file becomes UNSCANNED instead.
 */
export const artworkScan: EventHandler = {
  trigger: 'artwork_scan',
  path: 'artwork-scan',
  async handle(deps, event) {
    const row = scanningRow.safeParse(event.new);
    if (!row.success || event.old?.status === 'SCANNING') return { skipped: true };
    try {
      return { ...(await scanFile(deps, row.data.id)) };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      deps.logger.warn({ fileId: row.data.id, err: reason, retry: event.currentRetry }, 'artwork scan failed');
      if (event.currentRetry < event.maxRetries) throw error;
      await giveUpScan(deps, row.data.id, `the virus scan failed: ${reason}`);
      return { fileId: row.data.id, status: 'UNSCANNED' };
    }
  },
};
