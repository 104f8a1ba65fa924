import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { CHROMIUM, hasChromium, hydrated, INSTALL_CHROMIUM, screenshot } from './browser.ts';
import { usePortal } from './portal-harness.ts';

const STAFF = 'staff@demo-printer.example';
const APPROVER = 'approver@bluepeak.example';
const CHROMIUM_MISSING = `skipped: ${CHROMIUM} is missing; install Debian's Chromium with \`${INSTALL_CHROMIUM}\``;

if (!hasChromium) console.warn(`proof end-to-end tests ${CHROMIUM_MISSING}`);

/** A two-page proof whose pages say which version they are. */
async function proofPdf(label: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const n of [1, 2]) {
    const page = doc.addPage([420, 595]);
    page.drawRectangle({ x: 30, y: 30, width: 360, height: 535, borderColor: rgb(0.1, 0.3, 0.8), borderWidth: 4 });
    page.drawText(`${label} – page ${n}`, { x: 50, y: 520, size: 22, font });
  }
  return Buffer.from(await doc.save());
}

interface Target {
  orderId: string;
  orderNumber: string;
  lineId: string;
  lineNumber: number;
}

const imageShown = (page: Page, selector: string) =>
  expect.poll(() => page.locator(selector).first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 20_000 }).toBeGreaterThan(0);

describe.skipIf(!hasChromium)(`proofs in Chromium${hasChromium ? '' : ` (${CHROMIUM_MISSING})`}`, () => {
  const portal = usePortal('proofs');
  const { db, newPage, signIn } = portal;

  async function bluepeakLine(): Promise<Target> {
    const [row] = await db<Target>(
      `select o.id as "orderId", o.order_number as "orderNumber", l.id as "lineId", l.line_number as "lineNumber"
         from public.sales_orders o join public.customers c on c.id = o.customer_id join public.sales_order_lines l on l.order_id = o.id
        where c.customer_code = 'BLUEPEAK' and o.status = 'CONFIRMED' order by o.placed_at desc, l.line_number limit 1`,
    );
    expect(row, 'the demo seed has a confirmed Bluepeak order').toBeDefined();
    return row!;
  }

  /** Staff upload a file for the line on the order page, wait for the scan, and publish it with a note. */
  async function publish(staff: Page, target: Target, fileName: string, bytes: Buffer, note: string): Promise<number> {
    await staff.goto(`${portal.base}/staff/orders/${target.orderId}`);
    await hydrated(staff);
    const line = staff.locator(`[data-line-actions="${target.lineNumber}"]`);
    await line.locator('input[type=file]').setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: bytes });
    const file = line.locator(`[data-proof-file="${fileName}"][data-status="CLEAN"]`);
    await file.waitFor({ timeout: 60_000 });
    await file.getByLabel('Note to the customer').fill(note);
    const button = file.getByRole('button', { name: /Publish as version \d+/ });
    const version = Number((await button.textContent())!.match(/\d+/)![0]);
    await button.click();
    await staff.locator(`[data-line="${target.lineNumber}"]`).getByRole('link', { name: `Version ${version}` }).waitFor();
    return version;
  }

  test('staff publish, the approver pins a comment and asks for a revision, staff publish again, the approver compares and approves', async (ctx) => {
    const target = await bluepeakLine();
    const staff = await newPage(ctx);
    await signIn(staff, STAFF, '/staff');
    const first = await publish(staff, target, 'menu-proof-a.pdf', await proofPdf('First proof'), 'Please check the prices.');

    // The approver finds it from the dashboard card.
    const approver = await newPage(ctx);
    await signIn(approver, APPROVER, '/');
    await hydrated(approver);
    await approver.getByRole('link', { name: /Proofs awaiting review/ }).click();
    await approver.waitForURL(`${portal.base}/proofs`);
    const [v1] = await db<{ id: string }>('select id from public.proofs where order_line_id = $1 and version = $2', [target.lineId, first]);
    await approver.locator(`[data-proof-id="${v1!.id}"]`).getByRole('link', { name: 'Review' }).click();
    await approver.waitForURL(`${portal.base}/proofs/${v1!.id}`);
    await hydrated(approver);
    await approver.locator('p.note', { hasText: 'Please check the prices.' }).waitFor();
    await imageShown(approver, '[data-proof-page] img');

    // Page 2, a pin at a point, a comment there.
    await approver.getByRole('button', { name: 'Next page' }).click();
    await approver.getByText('Page 2 of 2').waitFor();
    await imageShown(approver, '[data-proof-page="2"] img');
    const sheet = approver.locator('[data-proof-page="2"] button.pick');
    const box = (await sheet.boundingBox())!;
    await sheet.click({ position: { x: box.width * 0.25, y: box.height * 0.5 } });
    await approver.getByText('Pin set: your comment will point here.').waitFor();
    await approver.getByLabel(/Comment · page 2/).fill('The price of the flat white is wrong.');
    await approver.getByRole('button', { name: 'Add comment' }).click();
    await approver.locator('[data-pin="1"]').waitFor();
    const [pin] = await db<{ page: number; x: string; y: string }>('select page, x, y from public.proof_comments where proof_id = $1', [v1!.id]);
    expect(pin!.page).toBe(2);
    expect(Number(pin!.x)).toBeCloseTo(0.25, 1);
    expect(Number(pin!.y)).toBeCloseTo(0.5, 1);
    await screenshot(approver, 'proof-comment-pinned');

    await approver.getByLabel('Request a revision').check();
    await approver.getByLabel('What should change?').fill('Fix the flat white price, see the pin on page 2.');
    await approver.getByRole('button', { name: 'Request a revision' }).click();
    await approver.locator('[data-proof-status="REVISION_REQUESTED"]').waitFor();

    // Staff publish the next version; the approver's open page learns of it without a reload.
    const second = await publish(staff, target, 'menu-proof-b.pdf', await proofPdf('Second proof'), 'Price fixed.');
    expect(second).toBe(first + 1);
    const [v2] = await db<{ id: string }>('select id from public.proofs where order_line_id = $1 and version = $2', [target.lineId, second]);
    const openCurrent = approver.getByRole('link', { name: `Open version ${second}` });
    await openCurrent.waitFor({ timeout: 20_000 });
    // The link is proof enough of the live update; going there by address keeps the test clear of the
    // page's own reload, which may still be settling when the link appears.
    expect(await openCurrent.getAttribute('href')).toBe(`/proofs/${v2!.id}`);
    await approver.goto(`${portal.base}/proofs/${v2!.id}`);
    await hydrated(approver);

    // Compare: the same page in both, turned in step; the old version's pin shows on its page.
    const compare = approver.getByRole('link', { name: `Compare with version ${first}` });
    expect(await compare.getAttribute('href')).toBe(`/proofs/${v2!.id}/compare?with=${v1!.id}`);
    await approver.goto(`${portal.base}/proofs/${v2!.id}/compare?with=${v1!.id}`);
    await hydrated(approver);
    await approver.getByRole('button', { name: 'Next page' }).click();
    await imageShown(approver, `[data-version="${first}"] [data-proof-page="2"] img`);
    await imageShown(approver, `[data-version="${second}"] [data-proof-page="2"] img`);
    await approver.locator(`[data-version="${first}"] [data-pin="1"]`).waitFor();
    await approver.getByRole('button', { name: 'Zoom in' }).click();
    expect(await approver.locator('[data-version] .sheet').evaluateAll((sheets) => sheets.map((sheet) => (sheet as HTMLElement).style.width))).toEqual(['150%', '150%']);
    await screenshot(approver, 'proof-compare');

    // Approve the new version; the order page shows it.
    await approver.goto(`${portal.base}/proofs/${v2!.id}`);
    await hydrated(approver);
    await approver.getByRole('button', { name: 'Approve for print' }).click();
    await approver.locator('[data-proof-status="APPROVED"]').waitFor();
    await approver.goto(`${portal.base}/orders/${target.orderId}`);
    const line = approver.locator(`[data-line="${target.lineNumber}"]`);
    await line.getByRole('link', { name: `Version ${second}` }).waitFor();
    await line.getByText('Approved', { exact: true }).waitFor();

    const trail = await db<{ kind: string }>('select kind from public.proof_events where proof_id = $1 order by id', [v1!.id]);
    expect(trail.map((event) => event.kind)).toEqual(['PUBLISHED', 'VIEWED', 'COMMENTED', 'REVISION_REQUESTED', 'SUPERSEDED']);
  }, 240_000);

  test('the viewer fits a 390 px phone without sideways scrolling', async (ctx) => {
    const [proof] = await db<{ id: string }>(
      `select p.id from public.proofs p join public.customers c on c.id = p.customer_id
        where c.customer_code = 'BLUEPEAK' and p.superseded_at is null order by p.published_at desc limit 1`,
    );
    const phone = await newPage(ctx, 390);
    await signIn(phone, APPROVER, '/');
    await phone.goto(`${portal.base}/proofs/${proof!.id}`);
    await hydrated(phone);
    await phone.getByRole('heading', { name: 'History' }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(phone, 'proof-viewer-phone');
  }, 120_000);
});
