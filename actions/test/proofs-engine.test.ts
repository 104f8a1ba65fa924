import { createHash } from 'node:crypto';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, test } from 'vitest';
import { DEV_ACTION_SECRET, DEV_JWT_SECRET } from '../src/config/dev-defaults.ts';
import { deliverScanEvent, HAVE_CLAMD, postUpload, startArtworkServices, type UploadTicket } from './support/artwork-fixtures.ts';
import { PASSWORD, type TestUser } from './support/fixtures.ts';
import { engineFor, startGraphQLEngine } from './support/graphql-engine.ts';
import { createQuoteWorld, type QuoteWorld } from './support/quote-fixtures.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

/**
 * Proofs through an engine's /v1/graphql, as the portal drives them: staff upload a proof file
 * for an order line (presigned POST to real local S3, scanned by real clamd through the engine's
 * event trigger's call), publish it, customers comment and decide, and the trail records every step.
 */
let t: TestServer;
let w: QuoteWorld;
let engineUrl: string;
const tokens = new Map<string, string>();

async function gql(token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const response = await fetch(`${engineUrl}/v1/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  expect(response.status).toBe(200);
  return response.json();
}

const as = (user: TestUser) => tokens.get(user.id)!;

/** The data of a call that must succeed. */
async function ok(user: TestUser, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const body = await gql(as(user), query, variables);
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data;
}

/** The error code of a call that must fail. */
async function refusedWith(user: TestUser, query: string, variables: Record<string, unknown>): Promise<string> {
  const body = await gql(as(user), query, variables);
  expect(body.data ?? null, JSON.stringify(body)).toBeNull();
  return body.errors[0].extensions.code;
}

async function proofPdf(pages: number, label: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let page = 1; page <= pages; page++) doc.addPage([420, 595]).drawText(`${label} page ${page}`, { x: 40, y: 540, size: 24, font });
  return Buffer.from(await doc.save());
}

async function createOrder(user: TestUser, lines: number): Promise<{ id: string; lineIds: string[] }> {
  const order = await t.db.pool.query<{ id: string }>(
    `insert into sales_orders (tenant_id, customer_id, placed_by, status, subtotal, shipping_address) values ($1, $2, $3, 'CONFIRMED', 0, '{}') returning id`,
    [user.tenantId, user.customerId, user.id],
  );
  const lineIds: string[] = [];
  for (let n = 1; n <= lines; n++) {
    const line = await t.db.pool.query<{ id: string }>(
      `insert into sales_order_lines (tenant_id, order_id, line_number, description, quantity, unit_price) values ($1, $2, $3, 'Flyer', 500, 0.1) returning id`,
      [user.tenantId, order.rows[0]!.id, n],
    );
    lineIds.push(line.rows[0]!.id);
  }
  return { id: order.rows[0]!.id, lineIds };
}

const REQUEST_UPLOAD = `mutation ($line: uuid!, $name: String!, $size: Int!) {
  staffRequestProofUpload(orderLineId: $line, fileName: $name, fileSize: $size, fileType: "application/pdf") { fileId uploadUrl fields { name value } maxBytes }
}`;
const CONFIRM_UPLOAD = 'mutation ($f: uuid!) { staffConfirmProofUpload(fileId: $f) { fileId status rejectionReason } }';
const PUBLISH = 'mutation ($f: uuid!, $notes: String) { staffPublishProof(fileId: $f, notes: $notes) { proofId version status } }';
const APPROVE = 'mutation ($p: uuid!, $with: Boolean, $c: String) { customerApproveProof(proofId: $p, withChanges: $with, comments: $c) { proofId version status } }';
const REVISE = 'mutation ($p: uuid!, $n: String!) { customerRequestProofRevision(proofId: $p, revisionNotes: $n) { proofId version status } }';
const WITHDRAW = 'mutation ($p: uuid!, $r: String!) { customerWithdrawProofDecision(proofId: $p, reason: $r) { proofId status } }';
const COMMENT = `mutation ($p: uuid!, $body: String!, $page: Int, $x: Float, $y: Float, $parent: uuid) {
  proofAddComment(proofId: $p, body: $body, page: $page, x: $x, y: $y, parentId: $parent) { commentId proofId }
}`;
const RESOLVE = 'mutation ($c: uuid!, $r: Boolean!) { proofResolveComment(commentId: $c, resolved: $r) { commentId } }';
const VIEW = 'mutation ($p: uuid!) { proofRecordView(proofId: $p) { firstView } }';
const FILE_URL = 'mutation ($p: uuid!, $page: Int) { proofFileUrl(proofId: $p, page: $page) { url expiresAt } }';
const PROOF = `query ($p: uuid!) { proofs_by_pk(id: $p) {
  id version status superseded_at locked_at decision_by decided_at decision_comment decision_mfa_used decision_file_sha256 file_sha256 page_count
  comments(order_by: {created_at: asc}) { id body page x y parent_id resolved_at author_name author_role }
  events(order_by: {id: asc}) { kind actor_role details }
} }`;

/** Staff's whole publishing path: ticket, browser POST to storage, confirm, scan, publish. */
async function publish(lineId: string, bytes: Buffer, notes = 'Please check the text.'): Promise<{ proofId: string; version: number; fileId: string }> {
  const ticket: UploadTicket = (await ok(w.staff, REQUEST_UPLOAD, { line: lineId, name: 'flyer-proof.pdf', size: bytes.length })).staffRequestProofUpload;
  expect((await postUpload(ticket, bytes)).status).toBe(204);
  expect((await ok(w.staff, CONFIRM_UPLOAD, { f: ticket.fileId })).staffConfirmProofUpload.status).toBe('SCANNING');
  // The standalone engine runs no event triggers (`npm start` does): deliver the scan event as it would.
  expect((await deliverScanEvent(t, ticket.fileId)).status).toBe(200);
  expect((await t.db.pool.query('select status from artwork_files where id = $1', [ticket.fileId])).rows[0].status).toBe('CLEAN');
  const published = (await ok(w.staff, PUBLISH, { f: ticket.fileId, notes })).staffPublishProof;
  return { ...published, fileId: ticket.fileId };
}

const readProof = async (user: TestUser, proofId: string) => (await ok(user, PROOF, { p: proofId })).proofs_by_pk;

beforeAll(async () => {
  t = await startTestServer({ env: await startArtworkServices() });
  w = await createQuoteWorld(t.db.pool, 'prf');
  const engine = await startGraphQLEngine(engineFor(t.db.url, t.url, 'proofs-engine-test-admin-secret', DEV_JWT_SECRET, DEV_ACTION_SECRET));
  engineUrl = engine.url;
  for (const user of [w.staff, w.alpha.user, w.alpha.approver, w.alpha.admin, w.bravo.user, w.bravo.approver]) {
    const { data } = await gql(null, 'mutation ($e: String!, $p: String!) { customerLogin(email: $e, password: $p) { session { accessToken } } }', { e: user.email, p: PASSWORD });
    tokens.set(user.id, data.customerLogin.session.accessToken);
  }
  return () => engine.stop();
}, 120_000);

describe.skipIf(!HAVE_CLAMD)('proofs through /v1/graphql', () => {
  let order: { id: string; lineIds: string[] };
  let v1: { proofId: string; version: number; fileId: string };
  let v2: { proofId: string; version: number; fileId: string };
  let v2Bytes: Buffer;

  beforeAll(async () => {
    order = await createOrder(w.alpha.user, 3);
  });

  test('staff publish version 1 through the artwork pipeline, with per-page previews and the file hash', async () => {
    const bytes = await proofPdf(3, 'v1');
    v1 = await publish(order.lineIds[0]!, bytes);
    expect(v1).toMatchObject({ version: 1, status: 'PENDING_REVIEW' });
    const proof = await readProof(w.alpha.approver, v1.proofId);
    expect(proof).toMatchObject({ version: 1, status: 'PENDING_REVIEW', page_count: 3, superseded_at: null, decision_by: null });
    expect(proof.file_sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const page = (await ok(w.alpha.approver, FILE_URL, { p: v1.proofId, page: 3 })).proofFileUrl;
    const image = await fetch(page.url);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect((await ok(w.alpha.user, FILE_URL, { p: v1.proofId, page: 4 }).catch(() => null))).toBeNull();
  });

  test('publishing notifies the company\'s approvers and admins, not its plain users or other companies', async () => {
    const notified = await t.db.pool.query(
      `select user_id from notifications where template = 'PROOF_READY' and payload->>'proof_id' = $1 order by user_id`, [v1.proofId]);
    expect(notified.rows.map((row) => row.user_id).sort()).toEqual([w.alpha.approver.id, w.alpha.admin.id].sort());
  });

  test('a customer never sees the proof file itself among artwork, and cannot ask for a proof upload', async () => {
    const { artwork_files: files } = await ok(w.alpha.admin, '{ artwork_files { id } }');
    expect(files.map((file: { id: string }) => file.id)).not.toContain(v1.fileId);
    expect(await refusedWith(w.alpha.admin, REQUEST_UPLOAD, { line: order.lineIds[0], name: 'x.pdf', size: 10 })).toBe('validation-failed');
  });

  test('comments: a thread pinned to a page and a point, a reply, resolve and reopen; staff comment too', async () => {
    const pin = (await ok(w.alpha.user, COMMENT, { p: v1.proofId, body: 'Logo too close to the edge', page: 2, x: 0.25, y: 0.75 })).proofAddComment;
    const reply = (await ok(w.staff, COMMENT, { p: v1.proofId, body: 'We will move it 3 mm in.', parent: pin.commentId })).proofAddComment;
    await ok(w.alpha.approver, COMMENT, { p: v1.proofId, body: 'Whole page looks fine', page: 1 });
    await ok(w.alpha.approver, RESOLVE, { c: pin.commentId, r: true });
    const proof = await readProof(w.alpha.user, v1.proofId);
    expect(proof.comments).toEqual([
      expect.objectContaining({ id: pin.commentId, page: 2, x: 0.25, y: 0.75, parent_id: null, resolved_at: expect.any(String), author_role: 'customer_user' }),
      expect.objectContaining({ id: reply.commentId, page: null, parent_id: pin.commentId, author_role: 'staff' }),
      expect.objectContaining({ page: 1, x: null, y: null }),
    ]);
    await ok(w.alpha.user, RESOLVE, { c: pin.commentId, r: false });
    expect((await readProof(w.alpha.user, v1.proofId)).comments[0].resolved_at).toBeNull();
  });

  test('comments out of place are refused in words', async () => {
    expect(await refusedWith(w.alpha.user, COMMENT, { p: v1.proofId, body: 'Page 9?', page: 9 })).toBe('PROOF_PAGE_OUT_OF_RANGE');
    expect(await refusedWith(w.alpha.user, COMMENT, { p: v1.proofId, body: 'Where?' })).toBe('VALIDATION_FAILED');
    expect(await refusedWith(w.alpha.user, COMMENT, { p: v1.proofId, body: 'Half a point', page: 1, x: 0.5 })).toBe('VALIDATION_FAILED');
    expect(await refusedWith(w.alpha.user, COMMENT, { p: v1.proofId, body: 'Off the page', page: 1, x: 1.5, y: 0.5 })).toBe('VALIDATION_FAILED');
    const reply = (await readProof(w.alpha.user, v1.proofId)).comments[1];
    expect(await refusedWith(w.alpha.user, COMMENT, { p: v1.proofId, body: 'Reply to a reply', parent: reply.id })).toBe('PROOF_COMMENT_NOT_FOUND');
  });

  test('a customer_user cannot decide; another company can neither read, comment on nor decide the proof', async () => {
    expect(await refusedWith(w.alpha.user, APPROVE, { p: v1.proofId })).toBe('validation-failed');
    expect(await refusedWith(w.alpha.user, REVISE, { p: v1.proofId, n: 'Change it' })).toBe('validation-failed');
    expect((await ok(w.bravo.approver, PROOF, { p: v1.proofId })).proofs_by_pk).toBeNull();
    for (const other of [w.bravo.approver, w.bravo.user]) {
      expect(await ok(other, '{ proof_comments { id } proof_events { id } proofs(where: {order_id: {_eq: "' + order.id + '"}}) { id } }'), other.email)
        .toEqual({ proof_comments: [], proof_events: [], proofs: [] });
    }
    const ours = await ok(w.alpha.user, '{ proof_comments { id } proof_events { id } }');
    expect(ours.proof_comments.length).toBeGreaterThan(0);
    expect(ours.proof_events.length).toBeGreaterThan(0);
    expect(await refusedWith(w.bravo.approver, APPROVE, { p: v1.proofId })).toBe('PROOF_NOT_FOUND');
    expect(await refusedWith(w.bravo.approver, REVISE, { p: v1.proofId, n: 'Change it' })).toBe('PROOF_NOT_FOUND');
    expect(await refusedWith(w.bravo.user, COMMENT, { p: v1.proofId, body: 'Hello', page: 1 })).toBe('PROOF_NOT_FOUND');
    expect(await refusedWith(w.bravo.approver, FILE_URL, { p: v1.proofId, page: 1 })).toBe('PROOF_NOT_FOUND');
    const pin = (await readProof(w.alpha.user, v1.proofId)).comments[0];
    expect(await refusedWith(w.bravo.approver, RESOLVE, { c: pin.id, r: true })).toBe('PROOF_COMMENT_NOT_FOUND');
    expect((await readProof(w.alpha.user, v1.proofId)).status).toBe('PENDING_REVIEW');
  });

  test('a revision request needs notes; with notes it is recorded with its evidence', async () => {
    expect(await refusedWith(w.alpha.approver, REVISE, { p: v1.proofId, n: '   ' })).toBe('VALIDATION_FAILED');
    const decided = (await ok(w.alpha.approver, REVISE, { p: v1.proofId, n: 'Move the logo in, see page 2.' })).customerRequestProofRevision;
    expect(decided).toEqual({ proofId: v1.proofId, version: 1, status: 'REVISION_REQUESTED' });
    const proof = await readProof(w.staff, v1.proofId);
    expect(proof).toMatchObject({ decision_by: w.alpha.approver.id, decision_comment: 'Move the logo in, see page 2.', decision_mfa_used: false, decision_file_sha256: proof.file_sha256 });
    expect(await refusedWith(w.alpha.admin, APPROVE, { p: v1.proofId })).toBe('PROOF_ALREADY_DECIDED');
    const staffNotice = await t.db.pool.query(`select payload from notifications where template = 'PROOF_DECIDED' and user_id = $1`, [w.staff.id]);
    expect(staffNotice.rows.map((row) => row.payload.decision)).toContain('REVISION_REQUESTED');
  });

  test('version 2 supersedes version 1, which stays readable and can no longer be decided or commented', async () => {
    v2Bytes = await proofPdf(3, 'v2');
    v2 = await publish(order.lineIds[0]!, v2Bytes, 'Logo moved 3 mm in.');
    expect(v2.version).toBe(2);
    const old = await readProof(w.alpha.approver, v1.proofId);
    expect(old.superseded_at).not.toBeNull();
    expect(old.comments).toHaveLength(3);
    expect(await refusedWith(w.alpha.approver, WITHDRAW, { p: v1.proofId, r: 'Oops' })).toBe('PROOF_SUPERSEDED');
    expect(await refusedWith(w.alpha.approver, APPROVE, { p: v1.proofId })).toBe('PROOF_SUPERSEDED');
    expect(await refusedWith(w.alpha.user, COMMENT, { p: v1.proofId, body: 'Late', page: 1 })).toBe('PROOF_SUPERSEDED');
    const lineProofs = await ok(w.alpha.user, 'query ($l: uuid!) { proofs(where: {order_line_id: {_eq: $l}}, order_by: {version: asc}) { version superseded_at } }', { l: order.lineIds[0] });
    expect(lineProofs.proofs.map((p: { version: number; superseded_at: string | null }) => [p.version, p.superseded_at === null])).toEqual([[1, false], [2, true]]);
  });

  test('approve with changes requires comments; the decision is then withdrawn before the lock', async () => {
    expect(await refusedWith(w.alpha.admin, APPROVE, { p: v2.proofId, with: true })).toBe('VALIDATION_FAILED');
    const approved = (await ok(w.alpha.admin, APPROVE, { p: v2.proofId, with: true, c: 'Use the new phone number.' })).customerApproveProof;
    expect(approved.status).toBe('APPROVED_WITH_CHANGES');
    expect((await readProof(w.staff, v2.proofId)).decision_file_sha256).toBe(createHash('sha256').update(v2Bytes).digest('hex'));
    expect(await refusedWith(w.alpha.user, WITHDRAW, { p: v2.proofId, r: 'Not mine to withdraw' })).toBe('validation-failed');
    expect((await ok(w.alpha.approver, WITHDRAW, { p: v2.proofId, r: 'The number was right after all.' })).customerWithdrawProofDecision.status).toBe('PENDING_REVIEW');
    expect(await refusedWith(w.alpha.approver, WITHDRAW, { p: v2.proofId, r: 'Again' })).toBe('PROOF_NOT_DECIDED');
    expect(await readProof(w.alpha.user, v2.proofId)).toMatchObject({ status: 'PENDING_REVIEW', decision_by: null, decision_comment: null });
  });

  test('approve; moving the order into production locks the proof, after which the decision cannot be withdrawn', async () => {
    expect((await ok(w.alpha.approver, APPROVE, { p: v2.proofId })).customerApproveProof.status).toBe('APPROVED');
    await ok(w.staff, 'mutation ($o: uuid!) { update_sales_orders_by_pk(pk_columns: {id: $o}, _set: {status: IN_PRODUCTION}) { id } }', { o: order.id });
    expect((await readProof(w.alpha.user, v2.proofId)).locked_at).not.toBeNull();
    expect(await refusedWith(w.alpha.approver, WITHDRAW, { p: v2.proofId, r: 'Too late' })).toBe('PROOF_LOCKED');
    expect((await readProof(w.alpha.user, v2.proofId)).status).toBe('APPROVED');
  });

  test('staff lock a proof by hand; an approval on it then stands', async () => {
    const other = await publish(order.lineIds[1]!, await proofPdf(1, 'line 2'));
    await ok(w.alpha.approver, APPROVE, { p: other.proofId });
    expect((await ok(w.staff, 'mutation ($p: uuid!) { staffLockProof(proofId: $p) { status } }', { p: other.proofId })).staffLockProof.status).toBe('APPROVED');
    expect(await refusedWith(w.alpha.approver, WITHDRAW, { p: other.proofId, r: 'Changed my mind' })).toBe('PROOF_LOCKED');
  });

  test('the trail lists every step in order, first views once per person', async () => {
    expect((await ok(w.alpha.user, VIEW, { p: v1.proofId })).proofRecordView.firstView).toBe(true);
    expect((await ok(w.alpha.user, VIEW, { p: v1.proofId })).proofRecordView.firstView).toBe(false);
    const kinds = (id: string) => readProof(w.alpha.user, id).then((proof) => proof.events.map((event: { kind: string }) => event.kind));
    expect(await kinds(v1.proofId)).toEqual(['PUBLISHED', 'COMMENTED', 'COMMENTED', 'COMMENTED', 'COMMENT_RESOLVED', 'COMMENT_REOPENED', 'REVISION_REQUESTED', 'SUPERSEDED', 'VIEWED']);
    expect(await kinds(v2.proofId)).toEqual(['PUBLISHED', 'APPROVED_WITH_CHANGES', 'WITHDRAWN', 'APPROVED', 'LOCKED']);
    const withdrawn = (await readProof(w.alpha.user, v2.proofId)).events[2];
    expect(withdrawn).toMatchObject({ actor_role: 'customer_approver', details: { reason: 'The number was right after all.', withdrawn_status: 'APPROVED_WITH_CHANGES' } });
  });

  test('the trail is append-only in the database', async () => {
    await expect(t.db.pool.query('delete from proof_events where proof_id = $1', [v1.proofId])).rejects.toThrow();
    await expect(t.db.pool.query(`update proof_events set kind = 'APPROVED' where proof_id = $1`, [v1.proofId])).rejects.toThrow();
  });
});

describe('a proof is tied to its line, order, customer and tenant by the database', () => {
  test('staff have no insert on proofs through the API: publishing goes through staffPublishProof', async () => {
    const body = await gql(as(w.staff), 'mutation { insert_proofs_one(object: {version: 1}) { id } }');
    expect(body.errors[0].extensions.code).toBe('validation-failed');
  });

  test('a proof row for a line of another customer is refused by a composite foreign key', async () => {
    const alphaOrder = await createOrder(w.alpha.user, 1);
    const attempt = t.db.pool.query(
      `insert into proofs (tenant_id, customer_id, order_id, order_line_id, version, status, storage_key, file_name)
       values ($1, $2, $3, $4, 1, 'PENDING_REVIEW', 'k', 'p.pdf')`,
      [w.tenantId, w.bravoId, alphaOrder.id, alphaOrder.lineIds[0]],
    );
    await expect(attempt).rejects.toMatchObject({ code: '23503', constraint: 'proofs_order_of_customer_fkey' });
    const bravoOrder = await createOrder(w.bravo.user, 1);
    const mixed = t.db.pool.query(
      `insert into proofs (tenant_id, customer_id, order_id, order_line_id, version, status, storage_key, file_name)
       values ($1, $2, $3, $4, 1, 'PENDING_REVIEW', 'k', 'p.pdf')`,
      [w.tenantId, w.bravoId, bravoOrder.id, alphaOrder.lineIds[0]],
    );
    await expect(mixed).rejects.toMatchObject({ code: '23503', constraint: 'proofs_line_of_order_fkey' });
  });

  test('staff cannot upload a proof for a line of another tenant', async () => {
    const { rows } = await t.db.pool.query<{ id: string }>(
      `with customer as (insert into customers (tenant_id, customer_code, name) values ($1, 'ELSEWHERE', 'Elsewhere Ltd') returning id, tenant_id)
       insert into sales_orders (tenant_id, customer_id, status, subtotal, shipping_address)
       select tenant_id, id, 'CONFIRMED', 0, '{}' from customer returning id`, [w.otherTenantId]);
    const line = await t.db.pool.query<{ id: string }>(
      `insert into sales_order_lines (tenant_id, order_id, line_number, description, quantity, unit_price) values ($1, $2, 1, 'Flyer', 1, 1) returning id`,
      [w.otherTenantId, rows[0]!.id]);
    expect(await refusedWith(w.staff, REQUEST_UPLOAD, { line: line.rows[0]!.id, name: 'p.pdf', size: 100 })).toBe('ORDER_LINE_NOT_FOUND');
  });
});
