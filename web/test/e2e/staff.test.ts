import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { CHROMIUM, hasChromium, hydrated, INSTALL_CHROMIUM, screenshot } from './browser.ts';
import { PASSWORD, usePortal } from './portal-harness.ts';

const STAFF = 'staff@demo-printer.example';
const CUSTOMER = 'user@bluepeak.example';
const TRACKING = '1Z999AA10123456784';
const CHROMIUM_MISSING = `skipped: ${CHROMIUM} is missing; install Debian's Chromium with \`${INSTALL_CHROMIUM}\``;

if (!hasChromium) console.warn(`staff end-to-end tests ${CHROMIUM_MISSING}`);

interface OrderRow {
  id: string;
  order_number: string;
  customer_po_number: string;
  status: string;
  carrier: string | null;
  tracking_number: string | null;
  shipped_at: Date | null;
}

describe.skipIf(!hasChromium)(`staff area in Chromium${hasChromium ? '' : ` (${CHROMIUM_MISSING})`}`, () => {
  const portal = usePortal('staff');
  const { db, newPage, signIn } = portal;

  const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  /** Bluepeak's newest confirmed order, not shipped yet (in the demo seed: PO BP-PO-24270). */
  async function bluepeakOrderToShip(): Promise<OrderRow> {
    const [order] = await db<OrderRow>(
      `select o.id, o.order_number, o.customer_po_number, o.status, o.carrier, o.tracking_number, o.shipped_at
         from public.sales_orders o join public.customers c on c.id = o.customer_id
        where c.customer_code = 'BLUEPEAK' and o.status = 'CONFIRMED' and o.tracking_number is null and o.customer_po_number is not null
        order by o.placed_at desc limit 1`,
    );
    expect(order, 'the demo seed has a confirmed Bluepeak order with a PO number').toBeDefined();
    return order!;
  }

  test('staff sign in to /staff, find an order by PO, move it to shipped with UPS tracking; the customer then sees the tracking link', async (ctx) => {
    const order = await bluepeakOrderToShip();
    const [counts] = await db<{ to_price: number; confirmed: number }>(
      `select (select count(*)::int from public.quotes q join public.tenants t on t.id = q.tenant_id where t.slug = 'demo-printer' and q.status in ('DRAFT', 'CHANGES_REQUESTED')) as to_price,
              (select count(*)::int from public.sales_orders o join public.tenants t on t.id = o.tenant_id where t.slug = 'demo-printer' and o.status = 'CONFIRMED') as confirmed`,
    );
    const page = await newPage(ctx);
    await signIn(page, STAFF, '/staff');
    await page.getByRole('heading', { name: 'Welcome, Sam' }).waitFor();
    expect(await page.getByRole('region', { name: 'At a glance' }).getByRole('link', { name: /Quotes to price/ }).textContent()).toContain(String(counts!.to_price));
    const confirmed = page.getByRole('region', { name: 'Orders by status' }).getByRole('link', { name: /^Confirmed/ });
    expect((await confirmed.textContent())?.replace(/\s+/g, ' ')).toContain(`${counts!.confirmed} order`);
    await screenshot(page, 'staff-dashboard');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders' }).click();
    await page.waitForURL(`${portal.base}/staff/orders`);
    await page.getByLabel('Order or PO number').fill(order.customer_po_number);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(`${portal.base}/staff/orders?q=${encodeURIComponent(order.customer_po_number)}`);
    await page.getByRole('heading', { name: 'Showing 1–1 of 1 order' }).waitFor();
    const row = page.locator('table tbody tr');
    expect(await row.locator('td[data-label="Customer"]').textContent()).toContain('Bluepeak Coffee Roasters');
    await screenshot(page, 'staff-orders');
    await row.getByRole('link', { name: order.order_number }).click();
    await page.waitForURL(`${portal.base}/staff/orders/${order.id}`);
    await page.getByRole('heading', { name: `Order ${order.order_number}` }).waitFor();
    await hydrated(page);

    // A tracking number without its carrier is refused, in words, and nothing changes.
    const move = page.getByRole('region', { name: 'Move this order' });
    await move.getByLabel('Status').selectOption('SHIPPED');
    await move.getByLabel('Tracking number').fill(TRACKING);
    await move.getByRole('button', { name: 'Move order' }).click();
    await move.getByRole('alert').filter({ hasText: 'Some of the details need another look.' }).waitFor();
    await move.getByText('Enter the carrier of this tracking number.').waitFor();
    expect(await move.getByLabel('Tracking number').inputValue()).toBe(TRACKING);
    expect((await db<OrderRow>('select status from public.sales_orders where id = $1', [order.id]))[0]!.status).toBe('CONFIRMED');

    await move.getByLabel('Carrier').fill('UPS');
    await move.getByRole('button', { name: 'Move order' }).click();
    await move.getByRole('status').filter({ hasText: 'The order is now shipped.' }).waitFor();
    await page.locator('.title').getByText('Shipped', { exact: true }).waitFor();
    const timeline = page.getByRole('region', { name: 'Status history' }).getByRole('listitem');
    await timeline.last().filter({ hasText: 'Shipped' }).filter({ hasText: 'by staff' }).waitFor();
    expect(await page.getByRole('region', { name: 'Details' }).getByRole('link', { name: new RegExp(TRACKING) }).getAttribute('href')).toBe(
      `https://www.ups.com/track?tracknum=${TRACKING}`,
    );
    await screenshot(page, 'staff-order-moved');

    const [stored] = await db<OrderRow>('select status, carrier, tracking_number, shipped_at from public.sales_orders where id = $1', [order.id]);
    expect(stored).toMatchObject({ status: 'SHIPPED', carrier: 'UPS', tracking_number: TRACKING });
    expect(stored!.shipped_at).toBeInstanceOf(Date);
    const events = await db<{ from_status: string; to_status: string; changed_by_role: string }>(
      'select from_status, to_status, changed_by_role from public.order_status_events where order_id = $1 order by event_number desc limit 1',
      [order.id],
    );
    expect(events).toEqual([{ from_status: 'CONFIRMED', to_status: 'SHIPPED', changed_by_role: 'staff' }]);

    // The customer's view of the same order: the number links to UPS's tracking page.
    const customer = await newPage(ctx, 390);
    await signIn(customer, CUSTOMER, '/');
    await customer.goto(`${portal.base}/orders/${order.id}`);
    const link = customer.getByRole('link', { name: new RegExp(TRACKING) });
    expect(await link.getAttribute('href')).toBe(`https://www.ups.com/track?tracknum=${TRACKING}`);
    expect(await link.getAttribute('rel')).toContain('noopener');
    expect(await noSideScroll(customer)).toBe(true);
    await screenshot(customer, 'customer-order-tracking-phone');
  }, 180_000);

  test('a customer opening the staff area is sent to their own dashboard, and cannot move an order through it', async (ctx) => {
    const [order] = await db<OrderRow>(
      `select o.id, o.status from public.sales_orders o join public.customers c on c.id = o.customer_id
        where c.customer_code = 'BLUEPEAK' and o.status = 'IN_PRODUCTION' order by o.placed_at desc limit 1`,
    );
    const page = await newPage(ctx);
    await signIn(page, CUSTOMER, '/');
    for (const path of ['/staff', '/staff/orders', `/staff/orders/${order!.id}`, '/staff/quotes']) {
      await page.goto(`${portal.base}${path}`);
      expect(page.url(), path).toBe(`${portal.base}/`);
      await page.getByRole('heading', { name: 'Welcome, Lena' }).waitFor();
    }
    expect(await page.getByRole('link', { name: 'Quotes to price' }).count()).toBe(0);

    // The form action itself, posted with the customer's cookie as a browser without JavaScript would.
    const response = await page.request.post(`${portal.base}/staff/orders/${order!.id}?/move`, {
      form: { status: 'CANCELLED', carrier: '', tracking_number: '', shipped_at: '', delivered_at: '' },
      headers: { origin: portal.base, accept: 'text/html' },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(303);
    expect(response.headers().location).toBe('/');
    expect((await db<OrderRow>('select status from public.sales_orders where id = $1', [order!.id]))[0]!.status).toBe('IN_PRODUCTION');
  }, 90_000);

  test('staff opening the customer pages are sent to /staff', async (ctx) => {
    const page = await newPage(ctx);
    await signIn(page, 'production@demo-printer.example', '/staff');
    for (const path of ['/', '/orders', '/profile']) {
      await page.goto(`${portal.base}${path}`);
      expect(page.url(), path).toBe(`${portal.base}/staff`);
    }
    // Signed out, a staff address leads to sign-in and back there afterwards.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${portal.base}/sign-in?notice=signed-out`);
    await page.goto(`${portal.base}/staff/quotes`);
    expect(page.url()).toBe(`${portal.base}/sign-in?redirectTo=%2Fstaff%2Fquotes`);
    await hydrated(page);
    await page.getByLabel('Email address').fill('production@demo-printer.example');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${portal.base}/staff/quotes`);
  }, 90_000);

  test('the pricing queue lists new requests oldest first, and a quote shows its lines with a price field for each', async (ctx) => {
    const queue = await db<{ id: string; quote_number: string; lines: number }>(
      `select q.id, q.quote_number, (select count(*)::int from public.quote_lines l where l.quote_id = q.id) as lines
         from public.quotes q join public.tenants t on t.id = q.tenant_id
        where t.slug = 'demo-printer' and q.status = 'DRAFT' order by q.requested_at, q.id`,
    );
    expect(queue.length).toBeGreaterThan(0);
    const page = await newPage(ctx);
    await signIn(page, STAFF, '/staff');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quotes to price' }).click();
    await page.waitForURL(`${portal.base}/staff/quotes`);
    const section = page.getByRole('region', { name: /New requests/ });
    const rows = section.locator('tbody tr');
    await rows.first().waitFor();
    expect((await rows.locator('td[data-label="Quote"] a').allTextContents()).map((text) => text.trim())).toEqual(queue.map((quote) => quote.quote_number));
    expect((await rows.locator('td[data-label="Lines"]').allTextContents()).map((text) => Number(text.trim()))).toEqual(queue.map((quote) => quote.lines));
    await screenshot(page, 'staff-quotes');

    await rows.first().getByRole('link').click();
    await page.waitForURL(`${portal.base}/staff/quotes/${queue[0]!.id}`);
    await page.getByRole('heading', { name: `Quote ${queue[0]!.quote_number}` }).waitFor();
    expect(await page.getByRole('region', { name: 'Lines' }).locator('tbody tr').count()).toBe(queue[0]!.lines);
    const pricing = page.getByRole('region', { name: 'Pricing' });
    expect(await pricing.getByLabel(/unit price$/).count()).toBe(queue[0]!.lines);
    await pricing.getByRole('button', { name: 'Send the prices to the customer' }).waitFor();
    await screenshot(page, 'staff-quote');
  }, 90_000);

  test('without JavaScript staff filter the orders by customer and status, and the move form answers in words', async (ctx) => {
    const [bluepeak] = await db<{ id: string }>(`select id from public.customers where customer_code = 'BLUEPEAK'`);
    const page = await newPage(ctx, 1280, false);
    await signIn(page, STAFF, '/staff', false);
    await page.goto(`${portal.base}/staff/orders`);
    await page.getByLabel('Customer').selectOption(bluepeak!.id);
    await page.getByLabel('Status').selectOption('IN_PRODUCTION');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/\/staff\/orders\?status=IN_PRODUCTION&customer=/);
    const rows = page.locator('table tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    expect((await rows.locator('td[data-label="Status"]').allTextContents()).every((text) => text.trim() === 'In production')).toBe(true);
    expect((await rows.locator('td[data-label="Customer"]').allTextContents()).every((text) => text.includes('Bluepeak'))).toBe(true);

    await rows.first().getByRole('link').click();
    await page.getByRole('heading', { name: /^Order SO-/ }).waitFor();
    const move = page.getByRole('region', { name: 'Move this order' });
    await move.getByLabel('Status').selectOption('DELIVERED');
    await move.getByLabel('Shipped').fill('2026-03-09T10:00');
    await move.getByLabel('Delivered').fill('2026-03-08T10:00');
    await move.getByRole('button', { name: 'Move order' }).click();
    await move.getByText('The delivery cannot come before the shipment.').waitFor();
    expect(await page.locator('.title').getByText('In production', { exact: true }).count()).toBe(1);
  }, 90_000);

  test('an email the provider refuses is listed for staff with its reason, so they can reach the person another way', async (ctx) => {
    // The portal takes this address; the provider (the development mailbox, answering as SendGrid) refuses it.
    const address = `lost.${Date.now()}@oakridge..example`;
    const visitor = await newPage(ctx);
    await visitor.goto(`${portal.base}/register`);
    await hydrated(visitor);
    await visitor.getByLabel('Customer code').fill('OAKRIDGE');
    await visitor.getByLabel('First name').fill('Lou');
    await visitor.getByLabel('Last name').fill('Stray');
    await visitor.getByLabel('Work email address').fill(address);
    await visitor.getByLabel('Password').fill('copper meadow silent engine');
    await visitor.getByRole('button', { name: 'Create account' }).click();
    await visitor.getByRole('status').filter({ hasText: address }).waitFor();

    const page = await newPage(ctx);
    await signIn(page, STAFF, '/staff');
    await page.getByRole('link', { name: 'Undelivered email' }).click();
    await page.getByRole('heading', { name: 'Undelivered email', level: 1 }).waitFor();
    const row = page.getByRole('row').filter({ hasText: address });
    // The refusal arrives moments after the registration's answer, through the event trigger.
    for (let attempt = 0; attempt < 40 && (await row.count()) === 0; attempt += 1) {
      await page.waitForTimeout(500);
      await page.reload();
    }
    await row.filter({ hasText: 'Email address confirmation' }).filter({ hasText: 'Does not contain a valid address' }).waitFor();
    const [stored] = await db<{ status: string }>('select status from public.notifications where recipient_email = $1', [address]);
    expect(stored!.status).toBe('FAILED');
  }, 90_000);

  test('staff find every customer file of the printer, those that need attention first, and download clean ones', async (ctx) => {
    const counts = async (where: string) =>
      (await db<{ n: number }>(`select count(*)::int as n from public.artwork_files where purpose = 'ARTWORK' ${where}`))[0]!.n;
    const [all, attention] = [await counts(''), await counts(`and status in ('INFECTED', 'REJECTED', 'UNSCANNED')`)];
    expect(attention, 'the demo seed has an infected file').toBeGreaterThan(0);
    const page = await newPage(ctx);
    await signIn(page, STAFF, '/staff');
    await page.getByRole('link', { name: 'Artwork', exact: true }).click();
    await page.getByRole('heading', { name: `${all} files` }).waitFor();
    await hydrated(page);
    await page.getByLabel('Status').selectOption('ATTENTION');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(`${portal.base}/staff/artwork?status=ATTENTION`);
    await page.getByRole('heading', { name: attention === 1 ? '1 file' : `${attention} files` }).waitFor();
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBe(Math.min(attention, 30));
    for (const text of await rows.allInnerTexts()) expect(text).toMatch(/Virus found|Refused|Not scanned/);
    // An infected file is never a download.
    expect(await rows.first().getByRole('link', { name: /\.(pdf|tiff?|png|jpe?g|ai|eps|psd)$/i }).count()).toBe(0);

    await page.goto(`${portal.base}/staff/artwork?status=CLEAN`);
    const download = page.locator('tbody tr').first().getByRole('link').first();
    expect(await download.getAttribute('href')).toMatch(/^\/artwork\/[0-9a-f-]{36}\/download$/);
  }, 90_000);

  test('every staff page fits a 390 px wide phone', async (ctx) => {
    const [order] = await db<{ id: string }>(`select id from public.sales_orders order by placed_at desc limit 1`);
    const [quote] = await db<{ id: string }>(`select id from public.quotes where status = 'DRAFT' order by requested_at limit 1`);
    const page = await newPage(ctx, 390);
    await signIn(page, STAFF, '/staff');
    for (const [path, name] of [['/staff', 'dashboard'], ['/staff/orders', 'orders'], [`/staff/orders/${order!.id}`, 'order'], ['/staff/quotes', 'quotes'], [`/staff/quotes/${quote!.id}`, 'quote'], ['/staff/mail', 'mail'], ['/staff/artwork', 'artwork']] as const) {
      await page.goto(`${portal.base}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await noSideScroll(page), path).toBe(true);
      await screenshot(page, `staff-${name}-phone`);
    }
  }, 90_000);

  // Last: it puts Bluepeak's newest order in production on hold, which the tests above look for.
  test('a customer\'s open order page and order list show the status staff set within 3 s, without a reload and with no token in the browser', async (ctx) => {
    const [order] = await db<OrderRow>(
      `select o.id, o.order_number from public.sales_orders o join public.customers c on c.id = o.customer_id
        where c.customer_code = 'BLUEPEAK' and o.status = 'IN_PRODUCTION' order by o.placed_at desc limit 1`,
    );
    expect(order, 'the demo seed has a Bluepeak order in production').toBeDefined();
    const customer = await newPage(ctx, 390);
    await signIn(customer, CUSTOMER, '/');
    await customer.goto(`${portal.base}/orders/${order!.id}`);
    await hydrated(customer);
    const title = customer.locator('.title');
    await title.getByText('In production', { exact: true }).waitFor();
    await title.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    const list = await customer.context().newPage();
    await list.goto(`${portal.base}/orders`);
    await hydrated(list);
    await list.locator('.title').getByRole('status').filter({ hasText: 'Live' }).waitFor();
    const listRow = list.locator('table tbody tr').filter({ hasText: order!.order_number });
    await listRow.getByText('In production', { exact: true }).waitFor();
    // A reload would lose this mark; the live update must not need one.
    await customer.evaluate(() => ((window as unknown as { stillTheSamePage: boolean }).stillTheSamePage = true));

    const staff = await newPage(ctx);
    await signIn(staff, STAFF, '/staff');
    await staff.goto(`${portal.base}/staff/orders/${order!.id}`);
    await hydrated(staff);
    const move = staff.getByRole('region', { name: 'Move this order' });
    await move.getByLabel('Status').selectOption('ON_HOLD');
    await move.getByRole('button', { name: 'Move order' }).click();
    await move.getByRole('status').filter({ hasText: 'The order is now on hold.' }).waitFor();

    await title.getByText('On hold', { exact: true }).waitFor({ timeout: 3_000 });
    await listRow.getByText('On hold', { exact: true }).waitFor({ timeout: 3_000 });
    expect(await customer.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
    await screenshot(customer, 'customer-order-live-phone');

    // Nothing the page's scripts can read holds a token: cookies, storage, the page, the live stream.
    const JWT = /eyJ[\w-]+\.[\w-]+\.[\w-]+/;
    const readable = await customer.evaluate(async () => {
      const stream = await new Promise<string>((resolve) => {
        const source = new EventSource(location.pathname.replace('/orders/', '/live/orders/'));
        source.addEventListener('change', (message) => {
          source.close();
          resolve((message as MessageEvent<string>).data);
        });
      });
      return { cookie: document.cookie, local: JSON.stringify({ ...localStorage }), session: JSON.stringify({ ...sessionStorage }), html: document.documentElement.outerHTML, stream };
    });
    expect(JSON.parse(readable.stream)).toMatchObject({ topic: 'order', changedAt: expect.any(String), signature: expect.any(String) });
    for (const [where, text] of Object.entries(readable)) expect(JWT.test(text), `a token in ${where}`).toBe(false);
    const scriptCookies = (await customer.context().cookies()).filter((cookie) => !cookie.httpOnly);
    for (const cookie of scriptCookies) expect(JWT.test(cookie.value), `a token in the cookie ${cookie.name}`).toBe(false);
  }, 180_000);
});
