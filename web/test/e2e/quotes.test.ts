import { describe, expect, test } from 'vitest';
import { CHROMIUM, hasChromium, hydrated, INSTALL_CHROMIUM, screenshot } from './browser.ts';
import { usePortal } from './portal-harness.ts';

const CHROMIUM_MISSING = `skipped: ${CHROMIUM} is missing; install Debian's Chromium with \`${INSTALL_CHROMIUM}\``;
const USER = 'user@bluepeak.example';
const APPROVER = 'approver@bluepeak.example';
const STAFF = 'staff@demo-printer.example';
const ADMIN = 'admin@bluepeak.example';

if (!hasChromium) console.warn(`quote end-to-end tests ${CHROMIUM_MISSING}`);

describe.skipIf(!hasChromium)(`quotes from request to order in Chromium${hasChromium ? '' : ` (${CHROMIUM_MISSING})`}`, () => {
  const portal = usePortal('quote');
  const { db, newPage, signIn } = portal;

  test('a customer requests a quote from the catalogue, staff price it, a plain user sees no approve button, the approver approves it and lands on the order with its receipt', async (ctx) => {
    const title = `Trade show kit ${Date.now()}`;
    const customer = await newPage(ctx, 390);
    await signIn(customer, USER, '/');
    await customer.goto(`${portal.base}/catalogue?q=business`);
    await customer.getByRole('link', { name: 'Quote this product' }).first().click();
    await customer.waitForURL(/\/quotes\/new\?product=/);
    await hydrated(customer);
    await customer.getByLabel('Title').fill(title);
    await customer.getByLabel('Quantity').first().fill('4');
    await customer.getByLabel('Description').nth(1).fill('Roll-up banner, 85 x 200 cm');
    await customer.getByLabel('Quantity').nth(1).fill('2');
    await customer.getByRole('button', { name: 'Send the request' }).click();
    await customer.waitForURL(/\/quotes\/[0-9a-f-]{36}\?requested=1$/);
    const quoteId = /\/quotes\/([0-9a-f-]{36})/.exec(customer.url())![1]!;
    await customer.getByRole('status').filter({ hasText: 'has been sent' }).waitFor();
    const [stored] = await db<{ status: string; lines: number }>('select status, (select count(*)::int from public.quote_lines where quote_id = $1) as lines from public.quotes where id = $1', [quoteId]);
    expect(stored).toEqual({ status: 'DRAFT', lines: 2 });
    await screenshot(customer, 'quote-requested-phone');

    const staff = await newPage(ctx);
    await signIn(staff, STAFF, '/staff');
    await staff.goto(`${portal.base}/staff/quotes/${quoteId}`);
    await hydrated(staff);
    const pricing = staff.getByRole('region', { name: 'Pricing' });
    const prices = pricing.getByLabel(/unit price$/);
    expect(await prices.count()).toBe(2);
    await prices.nth(0).fill('39.00');
    await prices.nth(1).fill('abc');
    await pricing.getByRole('button', { name: 'Send the prices to the customer' }).click();
    await pricing.getByText('Enter an amount such as 125.00').waitFor();
    await prices.nth(1).fill('145.50');
    await pricing.getByLabel('Setup').fill('25');
    await pricing.getByRole('button', { name: 'Send the prices to the customer' }).click();
    await staff.getByRole('status').filter({ hasText: 'Revision 1 is priced' }).waitFor();
    await screenshot(staff, 'staff-quote-priced');
    const [priced] = await db<{ status: string; revision: number; total: string; notified: number }>(
      `select q.status, q.revision, q.total_amount::text as total,
              (select count(*)::int from public.notifications n where n.template = 'QUOTE_PRICED' and n.payload->>'quote_id' = q.id::text) as notified
         from public.quotes q where q.id = $1`,
      [quoteId],
    );
    expect(priced).toEqual({ status: 'PRICED', revision: 1, total: '472.00', notified: 1 });

    await customer.reload();
    await customer.getByRole('heading', { name: 'Totals' }).waitFor();
    expect(await customer.getByRole('button', { name: 'Approve and place the order' }).count()).toBe(0);
    await customer.getByText('An approver or a portal administrator of your company decides on this quote.').waitFor();

    const approver = await newPage(ctx);
    await signIn(approver, APPROVER, '/');
    await approver.goto(`${portal.base}/quotes/${quoteId}`);
    await hydrated(approver);
    await approver.getByText(/These prices are valid for \d+ more days\./).waitFor();
    const decide = approver.getByRole('region', { name: 'Your decision' });
    await decide.getByRole('button', { name: 'Approve and place the order' }).click();
    await decide.getByText('Tick the box to confirm that you approve.').waitFor();
    await decide.getByLabel('Your PO number').fill('BP-E2E-1');
    await decide.getByLabel('I approve these prices and place the order.').check();
    await screenshot(approver, 'quote-approving');
    await decide.getByRole('button', { name: 'Approve and place the order' }).click();
    await approver.waitForURL(/\/orders\/[0-9a-f-]{36}\?approved=1$/);
    const receipt = approver.getByRole('region', { name: 'Acceptance receipt' });
    await receipt.waitFor();
    expect(await receipt.textContent()).toContain('revision 1');
    expect(await receipt.textContent()).toMatch(/[0-9a-f]{64}/);
    await screenshot(approver, 'order-with-receipt');
    const orderId = /\/orders\/([0-9a-f-]{36})/.exec(approver.url())![1]!;
    const [order] = await db<{ quote_id: string; po: string; lines: number; total: string }>(
      `select o.quote_id, o.customer_po_number as po, (select count(*)::int from public.sales_order_lines l where l.order_id = o.id) as lines, o.total_amount::text as total
         from public.sales_orders o where o.id = $1`,
      [orderId],
    );
    expect(order).toEqual({ quote_id: quoteId, po: 'BP-E2E-1', lines: 2, total: '472.00' });
  }, 240_000);

  test('a customer orders a past order again and lands on the new order or, when a line has no current price, on a quote request', async (ctx) => {
    const [past] = await db<{ id: string; order_number: string }>(
      `select o.id, o.order_number from public.sales_orders o join public.customers c on c.id = o.customer_id
        where c.customer_code = 'BLUEPEAK' and o.status = 'DELIVERED' order by o.placed_at desc limit 1`,
    );
    expect(past, 'the demo seed has a delivered Bluepeak order').toBeDefined();
    const page = await newPage(ctx);
    await signIn(page, USER, '/');
    await page.goto(`${portal.base}/orders/${past!.id}`);
    await hydrated(page);
    await page.getByRole('button', { name: 'Order again' }).click();
    await page.waitForURL(/\/(orders|quotes)\/[0-9a-f-]{36}\?(reordered=1|reorder=\d+)$/);
    const [, kind, id] = /\/(orders|quotes)\/([0-9a-f-]{36})/.exec(page.url())!;
    if (kind === 'orders') {
      await page.getByRole('status').filter({ hasText: 'This is your new order' }).waitFor();
      await page.getByText(`A repeat of order ${past!.order_number}.`).waitFor();
      const [copy] = await db<{ reorder_of_id: string }>('select reorder_of_id from public.sales_orders where id = $1', [id]);
      expect(copy!.reorder_of_id).toBe(past!.id);
    } else {
      await page.getByRole('status').filter({ hasText: 'no current catalogue price' }).waitFor();
      const [quote] = await db<{ status: string }>('select status from public.quotes where id = $1', [id]);
      expect(quote!.status).toBe('DRAFT');
    }
    await screenshot(page, 'reordered');
  }, 120_000);

  test('a customer admin sets the approval limit; above it an approver is told so and refused', async (ctx) => {
    const [over] = await db<{ id: string; total: string }>(
      `select q.id, q.total_amount::text as total from public.quotes q join public.customers c on c.id = q.customer_id
        where c.customer_code = 'BLUEPEAK' and q.status = 'PRICED' and q.valid_until >= current_date and q.total_amount > c.approval_limit
        order by q.total_amount desc limit 1`,
    );
    expect(over, 'the demo seed has a Bluepeak quote above its approval limit').toBeDefined();

    const admin = await newPage(ctx, 390);
    await signIn(admin, ADMIN, '/');
    await admin.goto(`${portal.base}/company`);
    await hydrated(admin);
    const limit = admin.getByLabel(/Approval limit/);
    expect(await limit.inputValue()).toBe('5000.00');
    await limit.fill('lots');
    await admin.getByRole('button', { name: 'Save the limit' }).click();
    await admin.getByText('Enter an amount such as 5000').waitFor();
    await limit.fill('4,500');
    await admin.getByRole('button', { name: 'Save the limit' }).click();
    await admin.getByRole('status').filter({ hasText: 'The approval limit is saved.' }).waitFor();
    const [stored] = await db<{ limit: string }>("select approval_limit::text as limit from public.customers where customer_code = 'BLUEPEAK'");
    expect(stored!.limit).toBe('4500.00');
    await screenshot(admin, 'company-approval-limit-phone');

    const approver = await newPage(ctx);
    await signIn(approver, APPROVER, '/');
    expect((await approver.goto(`${portal.base}/company`))!.status()).toBe(200);
    expect(await approver.getByRole('button', { name: 'Save the limit' }).count()).toBe(0);
    await approver.goto(`${portal.base}/quotes/${over!.id}`);
    await hydrated(approver);
    const decide = approver.getByRole('region', { name: 'Your decision' });
    await decide.getByText('This quote is above your company’s approval limit of $4,500.00').waitFor();
    await decide.getByLabel('I approve these prices and place the order.').check();
    await decide.getByRole('button', { name: 'Approve and place the order' }).click();
    await decide.getByRole('alert').filter({ hasText: 'Your company administrator must approve it.' }).waitFor();
    const [still] = await db<{ status: string }>('select status from public.quotes where id = $1', [over!.id]);
    expect(still!.status).toBe('PRICED');
  }, 180_000);
});
