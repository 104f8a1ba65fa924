import { describe, expect, test } from 'vitest';
import { CHROMIUM, hasChromium, hydrated, INSTALL_CHROMIUM, screenshot } from './browser.ts';
import { usePortal } from './portal-harness.ts';

const CHROMIUM_MISSING = `skipped: ${CHROMIUM} is missing; install Debian's Chromium with \`${INSTALL_CHROMIUM}\``;

/**
 * A one-page A4 PDF with text in unembedded Helvetica and an RGB fill, and no bleed box, written
 * out with a correct cross-reference table. `padding` bytes of comment make the upload take long
 * enough to watch its progress.
 */
function flyerPdf(padding: number): Buffer {
  const content = '1 0 0 rg 50 400 300 200 re f BT /F1 36 Tf 50 760 Td (Spring menu) Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let body = `%PDF-1.4\n%${'x'.repeat(padding)}\n`;
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

describe.skipIf(!hasChromium)(`artwork in Chromium${hasChromium ? '' : ` (${CHROMIUM_MISSING})`}`, () => {
  const portal = usePortal('artwork');

  test('a customer uploads a PDF to an order, watches its progress and status, sees the thumbnail and preflight report, and downloads it', async (ctx) => {
    const [order] = await portal.db<{ id: string }>(
      `select o.id from public.sales_orders o join public.customers c on c.id = o.customer_id
        where c.customer_code = 'BLUEPEAK' and o.status in ('CONFIRMED', 'IN_PRODUCTION') order by o.placed_at desc limit 1`,
    );
    const page = await portal.newPage(ctx);
    await portal.signIn(page, 'user@bluepeak.example', '/');
    await page.goto(`${portal.base}/orders/${order!.id}`);
    await hydrated(page);
    // Slow the upload down (Chromium's own throttling) so the progress bar is there to see.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 256 * 1024 });

    await page.locator('input[type=file]').setInputFiles({ name: 'spring-menu.pdf', mimeType: 'application/pdf', buffer: flyerPdf(600 * 1024) });
    await page.waitForFunction(() => Number(document.querySelector<HTMLProgressElement>('[data-upload="spring-menu.pdf"] progress')?.value) > 0, undefined, { polling: 'raf', timeout: 20_000 });
    await screenshot(page, 'artwork-uploading');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

    const row = page.locator('li.file', { hasText: 'spring-menu.pdf' });
    await row.and(page.locator('[data-status="CLEAN"]')).waitFor({ timeout: 60_000 });
    await row.getByText('Clean', { exact: true }).waitFor();
    const thumbnail = row.locator('img');
    await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 20_000 }).toBeGreaterThan(0);
    await row.getByText('Preflight problems').waitFor();
    await row.getByRole('button', { name: 'Preflight report' }).click();
    await row.getByText(/Not embedded: Helvetica/).waitFor();
    await row.getByText(/no bleed/).waitFor();
    await row.getByText(/uses RGB colour/).waitFor();
    await screenshot(page, 'artwork-clean');

    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: 'Download' }).click()]);
    expect(download.suggestedFilename()).toBe('spring-menu.pdf');
    const [file] = await portal.db<{ status: string; preflight_result: string }>(`select status, preflight_result from public.artwork_files where order_id = $1 and file_name = 'spring-menu.pdf'`, [order!.id]);
    expect(file).toEqual({ status: 'CLEAN', preflight_result: 'FAIL' });
  }, 120_000);

  test('files chosen on the quote request form upload to the new quote as soon as it is sent', async (ctx) => {
    const page = await portal.newPage(ctx, 390);
    await portal.signIn(page, 'user@bluepeak.example', '/');
    await page.goto(`${portal.base}/quotes/new`);
    await hydrated(page);
    await page.getByLabel('Title').fill(`Autumn flyers ${Date.now()}`);
    await page.getByLabel('Description').first().fill('A5 flyer, 170 gsm silk');
    await page.getByLabel('Quantity').first().fill('2500');
    const chooser = page.getByRole('region', { name: 'Artwork (optional)' }).locator('input[type=file]');
    await chooser.setInputFiles([
      { name: 'autumn-front.pdf', mimeType: 'application/pdf', buffer: flyerPdf(1024) },
      { name: 'autumn-back.pdf', mimeType: 'application/pdf', buffer: flyerPdf(2048) },
    ]);
    const chosen = page.getByRole('list', { name: 'Files to upload' });
    await chosen.getByRole('button', { name: 'Remove autumn-back.pdf' }).click();
    expect(await chosen.getByRole('listitem').allInnerTexts()).toEqual([expect.stringContaining('autumn-front.pdf')]);

    await page.getByRole('button', { name: 'Send the request' }).click();
    await page.waitForURL(/\/quotes\/[0-9a-f-]{36}\?requested=1$/);
    const quoteId = /\/quotes\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    await page.locator('li.file', { hasText: 'autumn-front.pdf' }).and(page.locator('[data-status="CLEAN"]')).waitFor({ timeout: 60_000 });
    const files = await portal.db<{ file_name: string; status: string }>('select file_name, status from public.artwork_files where quote_id = $1', [quoteId]);
    expect(files).toEqual([{ file_name: 'autumn-front.pdf', status: 'CLEAN' }]);
  }, 120_000);
});
