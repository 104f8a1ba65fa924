import type { ArtworkFileStatus } from '@portal/common';
import type { AppDeps } from '../app-deps.ts';
import { maybeOne } from '../db/rows.ts';
import { inTransaction, type Queryable } from '../db/transaction.ts';
import { queueNotification } from '../notifications/outbox.ts';
import { tenantStaff } from '../quotes/recipients.ts';
import { scanStream, type ScanVerdict } from '../scanner/clamd-client.ts';
import { findArtwork, type ArtworkRow } from './artwork-store.ts';
import { deriveFiles, type Derived } from './derive-files.ts';
import { quarantineKey } from './storage-keys.ts';

export interface ScanOutcome {
  fileId: string;
  status: ArtworkFileStatus | 'SKIPPED';
}

/**
 * Where the bytes to scan are: the original key, or, when an earlier try already moved an
 * infected file but did not record it, its quarantine copy (so a retry finishes the job).
 */
async function objectToScan(deps: AppDeps, file: ArtworkRow): Promise<string | null> {
  if ((await deps.storage.size(file.storage_key)) !== null) return file.storage_key;
  const quarantined = quarantineKey(file.storage_key);
  return (await deps.storage.size(quarantined)) !== null ? quarantined : null;
}

function setScanned(tx: Queryable, fileId: string, status: ArtworkFileStatus, key: string, result: string, now: Date) {
  return tx.query(
    `update public.artwork_files set status = $2, storage_key = $3, scan_result = $4, scanned_at = $5, updated_at = $5
      where id = $1 and status = 'SCANNING'`,
    [fileId, status, key, result, now],
  );
}

/** Written with CLEAN in one transaction, so a clean file is never shown half-processed. */
async function setDerived(tx: Queryable, fileId: string, derived: Derived): Promise<void> {
  await tx.query(
    `update public.artwork_files set preview_key = $2, thumbnail_key = $3, no_preview_reason = $4, preflight_result = $5, preflight_report = $6,
            page_count = $7, page_previews = $8
      where id = $1 and status = 'CLEAN'`,
    [fileId, derived.previewKey, derived.thumbnailKey, derived.noPreviewReason, derived.preflight?.result ?? null, derived.preflight?.report ?? null,
      derived.pageCount, derived.pagePreviews],
  );
}

async function notifyInfected(tx: Queryable, file: ArtworkRow, signature: string, now: Date): Promise<void> {
  const customer = await maybeOne<{ name: string }>(tx, 'select name from public.customers where id = $1', [file.customer_id]);
  for (const staff of await tenantStaff(tx, file.tenant_id)) {
    await queueNotification(tx, staff, 'ARTWORK_INFECTED', {
      artwork_file_id: file.id, file_name: file.file_name, customer_id: file.customer_id, customer_name: customer?.name ?? null, signature,
    }, now);
  }
}

async function recordVerdict(deps: AppDeps, file: ArtworkRow, scannedKey: string, verdict: ScanVerdict): Promise<ArtworkFileStatus> {
  const now = deps.clock.now();
  if (verdict.clean) {
    const derived = await deriveFiles(deps, file, scannedKey);
    await inTransaction(deps.pool, async (tx) => {
      await setScanned(tx, file.id, 'CLEAN', scannedKey, 'OK', now);
      await setDerived(tx, file.id, derived);
    });
    return 'CLEAN';
  }
  // Moved first: the row then never points at a downloadable copy of an infected file.
  const quarantined = quarantineKey(file.storage_key);
  if (scannedKey !== quarantined) await deps.storage.move(scannedKey, quarantined);
  await inTransaction(deps.pool, async (tx) => {
    const updated = await setScanned(tx, file.id, 'INFECTED', quarantined, verdict.signature, now);
    if (updated.rowCount === 1) await notifyInfected(tx, file, verdict.signature, now);
  });
  return 'INFECTED';
}

/** After the last retry a file the scanner could not judge becomes UNSCANNED: never clean, and it says so. */
export async function giveUpScan(deps: AppDeps, fileId: string, reason: string): Promise<void> {
  const now = deps.clock.now();
  await deps.pool.query(
    `update public.artwork_files set status = 'UNSCANNED', scan_result = $2, updated_at = $3 where id = $1 and status = 'SCANNING'`,
    [fileId, reason.slice(0, 500), now],
  );
}

/** Scans one SCANNING file with clamd and records CLEAN or INFECTED (quarantined, staff told). */
export async function scanFile(deps: AppDeps, fileId: string): Promise<ScanOutcome> {
  const scanner = deps.config.artwork.scanner;
  const file = await findArtwork(deps.pool, fileId);
  if (file === undefined || file.status !== 'SCANNING') return { fileId, status: 'SKIPPED' };
  if (scanner === null) {
    await giveUpScan(deps, fileId, 'no virus scanner is configured');
    return { fileId, status: 'UNSCANNED' };
  }
  const key = await objectToScan(deps, file);
  if (key === null) throw new Error(`artwork ${fileId}: the stored object is missing`);
  const verdict = await scanStream(scanner, await deps.storage.read(key), deps.config.artwork.scanTimeoutMs);
  return { fileId, status: await recordVerdict(deps, file, key, verdict) };
}
