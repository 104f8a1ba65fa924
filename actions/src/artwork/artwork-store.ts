import type { ArtworkFileStatus } from '@portal/common';
import { maybeOne } from '../db/rows.ts';
import type { Queryable } from '../db/transaction.ts';

export interface ArtworkRow {
  id: string;
  tenant_id: string;
  customer_id: string;
  uploaded_by: string | null;
  file_name: string;
  content_type: string;
  declared_size_bytes: string;
  storage_key: string;
  status: ArtworkFileStatus;
  preview_key: string | null;
  thumbnail_key: string | null;
  purpose: ArtworkPurpose;
  order_line_id: string | null;
}

/** A customer's own print file, or a proof staff upload for one order line. */
export type ArtworkPurpose = 'ARTWORK' | 'PROOF';

const COLUMNS =
  'id, tenant_id, customer_id, uploaded_by, file_name, content_type, declared_size_bytes, storage_key, status, preview_key, thumbnail_key, purpose, order_line_id';

export function findArtwork(db: Queryable, fileId: string): Promise<ArtworkRow | undefined> {
  return maybeOne<ArtworkRow>(db, `select ${COLUMNS} from public.artwork_files where id = $1`, [fileId]);
}

/** The order or quote a file is attached to must be the caller's company's. */
export async function ownsTarget(db: Queryable, table: 'sales_orders' | 'quotes', id: string, customerId: string): Promise<boolean> {
  const found = await maybeOne(db, `select 1 from public.${table} where id = $1 and customer_id = $2`, [id, customerId]);
  return found !== undefined;
}

export interface NewArtwork {
  id: string;
  tenantId: string;
  customerId: string;
  uploadedBy: string;
  quoteId: string | null;
  orderId: string | null;
  orderLineId: string | null;
  purpose: ArtworkPurpose;
  fileName: string;
  contentType: string;
  declaredSize: number;
  storageKey: string;
  now: Date;
}

export async function insertPendingArtwork(tx: Queryable, row: NewArtwork): Promise<void> {
  await tx.query(
    `insert into public.artwork_files
       (id, tenant_id, customer_id, uploaded_by, quote_id, order_id, order_line_id, purpose, file_name, content_type,
        declared_size_bytes, storage_key, status, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'PENDING_UPLOAD', $13, $13)`,
    [row.id, row.tenantId, row.customerId, row.uploadedBy, row.quoteId, row.orderId, row.orderLineId, row.purpose, row.fileName,
      row.contentType, row.declaredSize, row.storageKey, row.now],
  );
}

/**
 * Moves a file out of PENDING_UPLOAD; false when another confirm got there first. The status
 * condition makes two simultaneous confirms write once.
 */
export async function leavePending(
  tx: Queryable,
  fileId: string,
  change: { status: ArtworkFileStatus; actualSize: number | null; sha256: string | null; rejectionReason: string | null; now: Date },
): Promise<boolean> {
  const result = await tx.query(
    `update public.artwork_files
        set status = $2, actual_size_bytes = $3, sha256 = $4, rejection_reason = $5,
            uploaded_at = case when $3::bigint is null then null else $6::timestamptz end, updated_at = $6
      where id = $1 and status = 'PENDING_UPLOAD'`,
    [fileId, change.status, change.actualSize, change.sha256, change.rejectionReason, change.now],
  );
  return result.rowCount === 1;
}
