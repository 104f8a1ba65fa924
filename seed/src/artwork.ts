import { createHash } from 'node:crypto';
import type { ArtworkFileStatus } from '@portal/common';
import type { ArtworkRow } from './tables.ts';
import { addHours } from './time.ts';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  eps: 'application/postscript',
  ai: 'application/illustrator',
  psd: 'image/vnd.adobe.photoshop',
  tif: 'image/tiff',
  png: 'image/png',
  jpg: 'image/jpeg',
};

export interface ArtworkFacts {
  id: string;
  tenantId: string;
  customerId: string;
  uploadedBy: string | null;
  quoteId?: string | null;
  orderId?: string | null;
  orderLineId?: string | null;
  fileName: string;
  status: ArtworkFileStatus;
  createdAt: Date;
  sizeBytes: number;
}

const SCAN_RESULTS: Partial<Record<ArtworkFileStatus, string>> = {
  CLEAN: 'OK',
  INFECTED: 'Eicar-Test-Signature FOUND',
};

function rejection(contentType: string): string {
  return `declared ${contentType} but the file starts like a ZIP archive`;
}

/**
 * An artwork row consistent with its status: stored files have a size, checksum and upload time;
 * scanned ones a scan time; rejected ones a reason. The checksum is of the storage key (the demo
 * has no real file behind it).
 */
export function artworkRow(facts: ArtworkFacts): ArtworkRow {
  const extension = facts.fileName.slice(facts.fileName.lastIndexOf('.') + 1).toLowerCase();
  const contentType = CONTENT_TYPES[extension];
  if (!contentType) throw new Error(`no content type for artwork file ${facts.fileName}`);
  const storageKey = `tenants/${facts.tenantId}/artwork/${facts.id}/${facts.fileName}`;
  const stored = facts.status !== 'PENDING_UPLOAD';
  const uploadedAt = stored ? addHours(facts.createdAt, 0.05) : null;
  const scanned = facts.status === 'CLEAN' || facts.status === 'INFECTED';
  const scannedAt = scanned ? addHours(facts.createdAt, 0.08) : null;
  return {
    id: facts.id, tenant_id: facts.tenantId, customer_id: facts.customerId, uploaded_by: facts.uploadedBy,
    quote_id: facts.quoteId ?? null, order_id: facts.orderId ?? null, order_line_id: facts.orderLineId ?? null,
    file_name: facts.fileName, content_type: contentType, declared_size_bytes: facts.sizeBytes,
    actual_size_bytes: stored ? facts.sizeBytes : null,
    sha256: stored && facts.status !== 'REJECTED' ? createHash('sha256').update(storageKey).digest('hex') : null,
    storage_key: storageKey, status: facts.status,
    scan_result: SCAN_RESULTS[facts.status] ?? null,
    rejection_reason: facts.status === 'REJECTED' ? rejection(contentType) : null,
    uploaded_at: uploadedAt, scanned_at: scannedAt,
    created_at: facts.createdAt, updated_at: scannedAt ?? uploadedAt ?? facts.createdAt,
  };
}
