import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM, hasChromium, hydrated, INSTALL_CHROMIUM, screenshot } from './browser.ts';
import { usePortal } from './portal-harness.ts';

const CHROMIUM_MISSING = `skipped: ${CHROMIUM} is missing; install Debian's Chromium with \`${INSTALL_CHROMIUM}\``;
const ADMIN = 'admin@bluepeak.example';
const USER = 'user@bluepeak.example';
const STAFF = 'staff@demo-printer.example';

if (!hasChromium) console.warn(`integrations end-to-end tests ${CHROMIUM_MISSING}`);

describe.skipIf(!hasChromium)(`company integrations in Chromium${hasChromium ? '' : ` (${CHROMIUM_MISSING})`}`, () => {
  const portal = usePortal('integrations');
  const { db, newPage, signIn } = portal;
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  let receiverUrl = '';

  beforeAll(async () => {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/portal-hooks`;
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  });

  test('an admin creates an API key (shown once), revokes it, adds a webhook and sends a signed test event to a local receiver, on a phone', async (ctx) => {
    const page = await newPage(ctx, 390);
    await signIn(page, ADMIN, '/');
    await page.goto(`${portal.base}/company`);
    await page.getByRole('link', { name: 'Manage integrations' }).click();
    await page.waitForURL(`${portal.base}/company/integrations`);
    await hydrated(page);

    const keys = page.getByRole('region', { name: 'API keys' });
    const name = `E2E ERP ${Date.now()}`;
    await keys.getByLabel('Name of the system').fill(name);
    await keys.getByRole('button', { name: 'Create API key' }).click();
    await keys.getByText('It will not be shown again').waitFor();
    const apiKey = await keys.getByRole('textbox', { name: `Your new API key for ${name}` }).inputValue();
    expect(apiKey).toMatch(/^pk_[0-9a-f]{16}\./);
    const [stored] = await db<{ key_prefix: string; active: boolean }>('select key_prefix, active from public.integrator_clients where name = $1', [name]);
    expect(stored).toEqual({ key_prefix: apiKey.split('.')[0], active: true });
    await screenshot(page, 'integrations-key-created-phone');

    const item = keys.getByRole('listitem').filter({ hasText: name });
    await item.getByText('Revoke…').click();
    await item.getByRole('button', { name: 'Yes, revoke this key' }).click();
    await keys.getByRole('status').filter({ hasText: 'The key is revoked' }).waitFor();
    await keys.getByRole('listitem').filter({ hasText: name }).getByText('Revoked').waitFor();
    expect(await keys.getByRole('textbox', { name: /Your new API key/ }).count()).toBe(0);

    const hooks = page.getByRole('region', { name: 'Webhooks' });
    await hooks.getByLabel('Address (https://)').fill(receiverUrl);
    await hooks.getByLabel('Description').fill('E2E receiver');
    await hooks.getByRole('button', { name: 'Add webhook' }).click();
    const secretBox = hooks.getByRole('textbox', { name: 'The signing secret of this webhook' });
    await secretBox.waitFor();
    const secret = await secretBox.inputValue();
    expect(secret).toMatch(/^whsec_/);

    const card = hooks.getByRole('listitem').filter({ hasText: receiverUrl }).first();
    await card.getByRole('button', { name: 'Send test event' }).click();
    await card.getByText('The test event was delivered: your endpoint answered 200 OK.').waitFor();
    const request = received.at(-1)!;
    const timestamp = request.headers['x-portal-webhook-timestamp'] as string;
    expect(request.headers['x-portal-webhook-signature']).toBe(`v1=${createHmac('sha256', secret).update(`${timestamp}.${request.body}`).digest('hex')}`);
    expect(JSON.parse(request.body)).toMatchObject({ type: 'webhook.test' });
    await card.getByRole('table').getByText('Test event').waitFor();
    await card.getByRole('table').getByText('Delivered').waitFor();
    await screenshot(page, 'integrations-webhook-tested-phone');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test('staff move one of the company\'s orders: the event trigger and the cron job deliver it to the webhook, and the admin sees it in the log', async (ctx) => {
    const [order] = await db<{ id: string; order_number: string }>(
      `select o.id, o.order_number from public.sales_orders o join public.customers c on c.id = o.customer_id
        where c.customer_code = 'BLUEPEAK' and o.status = 'IN_PRODUCTION' order by o.placed_at desc limit 1`,
    );
    const staff = await newPage(ctx);
    await signIn(staff, STAFF, '/staff');
    await staff.goto(`${portal.base}/staff/orders/${order!.id}`);
    await hydrated(staff);
    const move = staff.getByRole('region', { name: 'Move this order' });
    await move.getByLabel('Status').selectOption('ON_HOLD');
    await move.getByRole('button', { name: 'Move order' }).click();
    await move.getByRole('status').filter({ hasText: 'The order is now on hold.' }).waitFor();

    // The cron trigger runs every minute, so the delivery can take that long to leave.
    const delivered = () => received.find((request) => JSON.parse(request.body).data?.order_id === order!.id);
    await expect.poll(() => delivered() !== undefined, { timeout: 90_000, interval: 500 }).toBe(true);
    expect(JSON.parse(delivered()!.body)).toMatchObject({ type: 'order.status_changed', data: { order_number: order!.order_number, from_status: 'IN_PRODUCTION', to_status: 'ON_HOLD' } });

    const admin = await newPage(ctx, 390);
    await signIn(admin, ADMIN, '/');
    await admin.goto(`${portal.base}/company/integrations`);
    const row = admin.getByRole('region', { name: 'Webhooks' }).getByRole('row').filter({ hasText: `${order!.order_number} → ON_HOLD` });
    await row.getByText('Delivered').waitFor();
  }, 180_000);

  test('without JavaScript the admin creates a key (shown once) and gets the address refusal in words', async (ctx) => {
    const page = await newPage(ctx, 390, false);
    await signIn(page, ADMIN, '/', false);
    await page.goto(`${portal.base}/company/integrations`);
    const keys = page.getByRole('region', { name: 'API keys' });
    await keys.getByLabel('Name of the system').fill('No-JS key');
    await keys.getByRole('button', { name: 'Create API key' }).click();
    expect(await keys.getByRole('textbox', { name: 'Your new API key for No-JS key' }).inputValue()).toMatch(/^pk_[0-9a-f]{16}\./);
    await page.goto(`${portal.base}/company/integrations`);
    expect(await page.getByRole('textbox', { name: /Your new API key/ }).count()).toBe(0);
    const hooks = page.getByRole('region', { name: 'Webhooks' });
    // The add form's field: each existing endpoint's edit form has one with the same label.
    await hooks.locator('#webhook-url').fill('http://erp.example.com/hooks');
    await hooks.getByRole('button', { name: 'Add webhook' }).click();
    await page.getByRole('region', { name: 'Webhooks' }).getByText('Enter an https:// address on the public internet').waitFor();
  });

  test('a plain user is told only the company\'s portal administrators manage integrations', async (ctx) => {
    const page = await newPage(ctx, 390);
    await signIn(page, USER, '/');
    const response = await page.goto(`${portal.base}/company/integrations`);
    expect(response?.status()).toBe(403);
    await page.getByText("Only your company's portal administrators can manage integrations.").waitFor();
    await page.goto(`${portal.base}/company`);
    expect(await page.getByRole('link', { name: 'Manage integrations' }).count()).toBe(0);
  });
});
