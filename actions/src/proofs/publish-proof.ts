import { randomUUID } from 'node:crypto';
import { PROOF_CLOSED_ORDER_STATUSES } from '@portal/common';
import { logActivity } from '../audit/activity-log.ts';
import { maybeOne } from '../db/rows.ts';
import type { Queryable } from '../db/transaction.ts';
import { ActionError } from '../errors/action-error.ts';
import type { ActionContext } from '../http/action-context.ts';
import { notifyProofReady } from './proof-notices.ts';
import { findProof, recordProofEvent, type Actor, type ProofRow } from './proof-store.ts';

export interface PublishInput {
  fileId: string;
  notes: string;
}

export interface ProofResult {
  proofId: string;
  version: number;
  status: string;
}

interface ProofFile {
  id: string;
  tenant_id: string;
  customer_id: string;
  order_line_id: string;
  status: string;
  storage_key: string;
  file_name: string;
  sha256: string;
  page_count: number | null;
  order_id: string;
  order_status: string;
  published: boolean;
}

/** The staff member's proof file with its line's order, under a lock on the line so publications of one line run one at a time. */
function lockProofFile(tx: Queryable, fileId: string, tenantId: string): Promise<ProofFile | undefined> {
  return maybeOne<ProofFile>(
    tx,
    `select f.id, f.tenant_id, f.customer_id, f.order_line_id, f.status, f.storage_key, f.file_name, f.sha256, f.page_count,
            l.order_id, o.status as order_status,
            exists (select 1 from public.proofs p where p.artwork_file_id = f.id) as published
       from public.artwork_files f
       join public.sales_order_lines l on l.id = f.order_line_id
       join public.sales_orders o on o.id = l.order_id
      where f.id = $1 and f.tenant_id = $2 and f.purpose = 'PROOF'
      for update of l`,
    [fileId, tenantId],
  );
}

function refusal(file: ProofFile | undefined): ActionError | null {
  if (file === undefined) return new ActionError('ARTWORK_NOT_FOUND');
  if (file.published) return new ActionError('PROOF_ALREADY_PUBLISHED');
  if (file.status !== 'CLEAN') return new ActionError('PROOF_FILE_NOT_READY', { extensions: { status: file.status } });
  if ((PROOF_CLOSED_ORDER_STATUSES as readonly string[]).includes(file.order_status)) return new ActionError('PROOF_ORDER_CLOSED', { extensions: { orderStatus: file.order_status } });
  return null;
}

/** The line's current version, superseded (kept and still viewable) by the one being published. */
async function supersedeCurrent(tx: Queryable, file: ProofFile, actor: Actor, nextVersion: number, now: Date): Promise<void> {
  const current = await tx.query<{ id: string; tenant_id: string; customer_id: string }>(
    `update public.proofs set superseded_at = $2 where order_line_id = $1 and superseded_at is null returning id, tenant_id, customer_id`,
    [file.order_line_id, now],
  );
  for (const row of current.rows) await recordProofEvent(tx, row, actor, { kind: 'SUPERSEDED', details: { by_version: nextVersion } }, now);
}

async function insertVersion(tx: Queryable, file: ProofFile, actor: Actor, notes: string, now: Date): Promise<{ id: string; version: number }> {
  const last = await maybeOne<{ version: number }>(tx, 'select coalesce(max(version), 0)::int as version from public.proofs where order_line_id = $1', [file.order_line_id]);
  const version = last!.version + 1;
  await supersedeCurrent(tx, file, actor, version, now);
  const id = randomUUID();
  await tx.query(
    `insert into public.proofs
       (id, tenant_id, customer_id, order_id, order_line_id, version, status, storage_key, file_name, staff_notes, published_by,
        published_at, artwork_file_id, file_sha256, page_count, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, 'PENDING_REVIEW', $7, $8, $9, $10, $11, $12, $13, $14, $11, $11)`,
    [id, file.tenant_id, file.customer_id, file.order_id, file.order_line_id, version, file.storage_key, file.file_name, notes,
      actor.id, now, file.id, file.sha256, file.page_count],
  );
  return { id, version };
}

/**
 * staffPublishProof: a clean proof file becomes version n+1 of its line's proof; the previous
 * version is superseded; the trail, the audit log and the approvers' notifications commit with it.
 */
export async function publishProof(ctx: ActionContext, tx: Queryable, actor: Actor, tenantId: string, input: PublishInput): Promise<ProofResult> {
  const file = await lockProofFile(tx, input.fileId, tenantId);
  const refused = refusal(file);
  if (refused) throw refused;
  const { id, version } = await insertVersion(tx, file!, actor, input.notes, ctx.now);
  const proof = (await findProof(tx, id, { tenantId, customerId: null })) as ProofRow;
  await recordProofEvent(tx, proof, actor, { kind: 'PUBLISHED', details: { version, file_name: proof.file_name, notes: input.notes } }, ctx.now);
  await logActivity(tx, {
    tenantId, customerId: proof.customer_id, userId: actor.id, actorRole: actor.role, action: 'proof.published',
    entityType: 'proofs', entityId: id, details: { version, order_number: proof.order_number, line_number: proof.line_number },
  }, ctx.client, ctx.now);
  await notifyProofReady(tx, proof, ctx.now);
  return { proofId: id, version, status: 'PENDING_REVIEW' };
}
