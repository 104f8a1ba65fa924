import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { CHROMIUM, hasChromium, hydrated, INSTALL_CHROMIUM, screenshot } from './browser.ts';
import { PASSWORD, usePortal } from './portal-harness.ts';
import { totpCode } from './totp.ts';

const CHROMIUM_MISSING = `skipped: ${CHROMIUM} is missing; install Debian's Chromium with \`${INSTALL_CHROMIUM}\``;

if (!hasChromium) console.warn(`web end-to-end tests ${CHROMIUM_MISSING}`);

describe.skipIf(!hasChromium)(`customer portal in Chromium${hasChromium ? '' : ` (${CHROMIUM_MISSING})`}`, () => {
  const portal = usePortal('web');
  const { db, newPage } = portal;

  async function openSignIn(page: Page): Promise<void> {
    await page.goto(`${portal.base}/sign-in`);
    await hydrated(page);
  }

  async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
    await openSignIn(page);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  async function signOut(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${portal.base}/sign-in?notice=signed-out`);
  }

  test('a customer user signs in, sees the dashboard, filters the orders by status and opens one with its lines and timeline', async (ctx) => {
    const page = await newPage(ctx);
    const companyOrders = `from public.sales_orders o join public.customers c on c.id = o.customer_id where c.customer_code = 'BLUEPEAK'`;
    const [counts] = await db<{ total: number; open: number; shipped: number }>(
      `select count(*)::int as total, count(*) filter (where status in ('CONFIRMED','IN_PRODUCTION','SHIPPED','ON_HOLD'))::int as open,
              count(*) filter (where status = 'SHIPPED')::int as shipped ${companyOrders}`,
    );
    expect(counts!.shipped).toBeGreaterThan(0);

    // Keyboard only: labels lead to the fields, Tab moves on, Enter submits.
    await openSignIn(page);
    await screenshot(page, 'sign-in');
    await page.getByLabel('Email address').focus();
    await page.keyboard.type('user@bluepeak.example');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('password');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${portal.base}/`);

    await page.getByRole('heading', { name: 'Welcome, Lena' }).waitFor();
    expect(await page.getByRole('link', { name: /Open orders/ }).textContent()).toContain(String(counts!.open));
    await page.getByRole('heading', { name: 'Recent orders' }).waitFor();
    await screenshot(page, 'dashboard');

    // The access token never reaches the browser; the refresh token is an httpOnly, SameSite=Strict cookie.
    const cookies = await page.context().cookies();
    // The known-device cookie lets this browser in while failed sign-ins elsewhere lock others out.
    expect(cookies.map((c) => ({ name: c.name, httpOnly: c.httpOnly, sameSite: c.sameSite }))).toEqual([
      { name: 'portal_device', httpOnly: true, sameSite: 'Strict' },
      { name: 'portal_refresh', httpOnly: true, sameSite: 'Strict' },
    ]);
    const jwt = /eyJ[\w-]{10,}\.[\w-]{10,}/;
    const browserSide = await page.evaluate(() => ({
      cookie: document.cookie,
      localStorage: Object.keys(localStorage),
      // SvelteKit keeps scroll positions here; nothing else may be.
      sessionStorage: Object.values(sessionStorage).join('\n'),
    }));
    expect(browserSide.cookie).toBe('');
    expect(browserSide.localStorage).toEqual([]);
    expect(browserSide.sessionStorage).not.toMatch(jwt);
    expect(browserSide.sessionStorage).not.toContain(cookies[0]!.value);
    const html = await page.content();
    expect(html).not.toMatch(jwt);
    expect(html).not.toContain(cookies[0]!.value);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders' }).click();
    await page.waitForURL(`${portal.base}/orders`);
    await page.getByRole('heading', { name: `Showing 1–${Math.min(counts!.total, 20)} of ${counts!.total} orders` }).waitFor();

    await page.getByLabel('Status').selectOption('SHIPPED');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(`${portal.base}/orders?status=SHIPPED`);
    await page.getByRole('heading', { name: new RegExp(`of ${counts!.shipped} orders?$`) }).waitFor();
    const rows = page.locator('table tbody tr');
    expect(await rows.count()).toBe(counts!.shipped);
    expect((await rows.locator('td[data-label="Status"]').allTextContents()).map((text) => text.trim())).toEqual(Array(counts!.shipped).fill('Shipped'));
    await screenshot(page, 'orders-shipped');

    const orderNumber = (await rows.first().getByRole('link').textContent())!.trim();
    const [order] = await db<{ lines: number; events: number; tracking_number: string | null }>(
      `select (select count(*)::int from public.sales_order_lines l where l.order_id = o.id) as lines,
              (select count(*)::int from public.order_status_events e where e.order_id = o.id) as events, o.tracking_number
         from public.sales_orders o where o.order_number = $1`,
      [orderNumber],
    );
    await rows.first().getByRole('link').click();
    await page.getByRole('heading', { name: `Order ${orderNumber}` }).waitFor();
    const lines = page.getByRole('region', { name: 'Lines' }).locator('tbody tr');
    expect(await lines.count()).toBe(order!.lines);
    const timeline = page.getByRole('region', { name: 'Status history' }).getByRole('listitem');
    expect(await timeline.count()).toBe(order!.events);
    expect(await timeline.last().textContent()).toContain('Shipped');
    if (order!.tracking_number) await page.getByText(order!.tracking_number).waitFor();
    await screenshot(page, 'order');

    // The same list at phone width: the table becomes labelled cards.
    const phone = await newPage(ctx, 390);
    await phone.context().addCookies(cookies.map((c) => ({ ...c })));
    await phone.goto(`${portal.base}/orders`);
    await phone.getByRole('heading', { name: 'Orders', exact: true }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(phone, 'orders-phone');
  }, 180_000);

  test('the web answers its liveness and readiness probes without a session', async (ctx) => {
    if (!portal.base) ctx.skip();
    const live = await fetch(`${portal.base}/healthz`);
    expect([live.status, await live.text()]).toEqual([200, 'OK']);
    const ready = await fetch(`${portal.base}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready', engine: 'ok' }]);
  });

  test('a wrong password shows an error and signs nobody in', async (ctx) => {
    const page = await newPage(ctx);
    await signIn(page, 'user@meridian.example', 'not-the-password');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect((await alert.textContent())?.trim()).toBe('The email address or password is incorrect.');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(await page.getByLabel('Email address').inputValue()).toBe('user@meridian.example');
    expect(await page.context().cookies()).toEqual([]);
    await screenshot(page, 'sign-in-error');
  }, 90_000);

  test('after sign-out the orders page sends the browser to sign-in', async (ctx) => {
    const page = await newPage(ctx);
    await signIn(page, 'approver@bluepeak.example');
    await page.waitForURL(`${portal.base}/`);
    await page.goto(`${portal.base}/orders`);
    await page.getByRole('heading', { name: 'Orders', exact: true }).waitFor();
    await signOut(page);
    await page.getByText('You have signed out.').waitFor();
    // Signing out ends the session; the browser stays a known device (the cookie opens nothing by itself).
    expect((await page.context().cookies()).map((c) => c.name)).toEqual(['portal_device']);

    const response = await page.goto(`${portal.base}/orders`);
    expect(page.url()).toBe(`${portal.base}/sign-in?redirectTo=%2Forders`);
    expect(response?.status()).toBe(200);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    // Signing in again returns to where the person was going.
    await hydrated(page);
    await page.getByLabel('Email address').fill('approver@bluepeak.example');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${portal.base}/orders`);
  }, 90_000);

  test('a customer user never sees another customer’s order, not even by typing its address', async (ctx) => {
    const [other] = await db<{ id: string; order_number: string; customer_po_number: string }>(
      `select o.id, o.order_number, o.customer_po_number from public.sales_orders o join public.customers c on c.id = o.customer_id
        where c.customer_code = 'MERIDIAN' and o.customer_po_number is not null order by o.placed_at desc limit 1`,
    );
    const page = await newPage(ctx);
    await signIn(page, 'user@bluepeak.example');
    await page.waitForURL(`${portal.base}/`);

    const response = await page.goto(`${portal.base}/orders/${other!.id}`);
    expect(response?.status()).toBe(404);
    await page.getByRole('heading', { name: 'Not found' }).waitFor();
    // Nowhere in the page, its serialized data included.
    const html = await page.content();
    expect(html).not.toContain(other!.order_number);
    expect(html).not.toContain(other!.customer_po_number);

    for (const search of [other!.order_number, other!.customer_po_number]) {
      await page.goto(`${portal.base}/orders?q=${encodeURIComponent(search)}`);
      await page.getByRole('heading', { name: 'No orders match these filters' }).waitFor();
    }
  }, 90_000);

  test('the profile saves names, time zone and notification choices', async (ctx) => {
    const page = await newPage(ctx);
    await signIn(page, 'user@oakridge.example');
    await page.waitForURL(`${portal.base}/`);
    await page.goto(`${portal.base}/profile`);
    await hydrated(page);
    await page.getByLabel('Job title').fill('Events and outreach officer');
    await page.getByLabel('Time zone').fill('Europe/Berlin');
    await page.getByLabel('A quote has been priced', { exact: false }).uncheck();
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('status').filter({ hasText: 'Your profile has been saved.' }).waitFor();
    await page.reload();
    expect(await page.getByLabel('Job title').inputValue()).toBe('Events and outreach officer');
    expect(await page.getByLabel('Time zone').inputValue()).toBe('Europe/Berlin');
    expect(await page.getByLabel('A quote has been priced', { exact: false }).isChecked()).toBe(false);
    const [stored] = await db<{ preferences: Record<string, boolean> }>(
      `select notification_preferences as preferences from public.customer_users where email = 'user@oakridge.example'`,
    );
    expect(stored!.preferences).toMatchObject({ order_status: true, quote_priced: false, proof_ready: true });
    await screenshot(page, 'profile');
  }, 90_000);

  test('in Chinese: the sign-in page follows the browser and its switch, and a zh-CN user works through the portal in zh-CN on a phone', async (ctx) => {
    const page = await newPage(ctx, 390, true, 'zh-CN');
    await openSignIn(page);
    const lang = () => page.evaluate(() => document.documentElement.lang);
    expect(await lang()).toBe('zh-CN');
    await page.getByRole('heading', { name: '登录' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await lang()).toBe('en-US');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { name: '登录' }).waitFor();
    expect(await page.getByRole('button', { name: '中文' }).getAttribute('lang')).toBe('zh-CN');

    await hydrated(page);
    await page.getByLabel('电子邮件地址').fill('approver@meridian.example');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${portal.base}/`);
    await page.getByRole('heading', { name: '欢迎，Wei' }).waitFor();
    expect(await lang()).toBe('zh-CN');
    await screenshot(page, 'dashboard-zh-CN');

    // Dates the filter cannot use are explained on the fields, in Chinese, with JavaScript too.
    await page.goto(`${portal.base}/orders`);
    await hydrated(page);
    await page.getByRole('heading', { name: '订单', exact: true }).waitFor();
    await page.getByLabel('下单日期自').fill('2026-05-01');
    await page.getByLabel('下单日期至').fill('2026-04-01');
    await page.getByRole('button', { name: '应用筛选' }).click();
    const problem = page.getByRole('alert').filter({ hasText: '“自”日期晚于“至”日期' });
    await problem.waitFor();
    const problemId = await problem.getAttribute('id');
    for (const label of ['下单日期自', '下单日期至']) {
      const field = page.getByLabel(label);
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      expect(await field.getAttribute('aria-describedby')).toContain(problemId);
      expect(await field.inputValue()).not.toBe('');
    }

    const [order] = await db<{ id: string; order_number: string; total_amount: string }>(
      `select o.id, o.order_number, o.total_amount from public.sales_orders o join public.customers c on c.id = o.customer_id
        where c.customer_code = 'MERIDIAN' and o.status = 'SHIPPED' order by o.placed_at desc limit 1`,
    );
    await page.goto(`${portal.base}/orders/${order!.id}`);
    await page.getByRole('heading', { name: `订单 ${order!.order_number}` }).waitFor();
    await page.getByText('已发货').first().waitFor();
    await page.getByRole('heading', { name: '状态记录' }).waitFor();
    // Money and dates in the Chinese forms of Intl (US$ for dollars, 年 in dates).
    const details = await page.locator('main').textContent();
    expect(details).toContain(new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'USD' }).format(Number(order!.total_amount)));
    expect(details).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'order-zh-CN');

    await page.goto(`${portal.base}/profile`);
    await page.getByRole('heading', { name: '您的个人资料' }).waitFor();
    expect(await page.getByLabel('语言').inputValue()).toBe('zh-CN');
    expect(await page.getByLabel('时区').inputValue()).toBe('Asia/Shanghai');
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('status').filter({ hasText: '您已退出登录' }).waitFor();
  }, 90_000);

  test('without JavaScript the forms still work: sign in, filter the orders, sign out', async (ctx) => {
    const page = await newPage(ctx, 1280, false);
    await page.goto(`${portal.base}/orders`);
    expect(page.url()).toBe(`${portal.base}/sign-in?redirectTo=%2Forders`);
    await page.getByLabel('Email address').fill('admin@bluepeak.example');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${portal.base}/orders`);
    await page.getByLabel('Status').selectOption('DELIVERED');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/\/orders\?status=DELIVERED/);
    expect((await page.locator('td[data-label="Status"]').allTextContents()).every((text) => text.trim() === 'Delivered')).toBe(true);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${portal.base}/sign-in?notice=signed-out`);
    expect((await page.context().cookies()).map((c) => c.name)).toEqual(['portal_device']);
  }, 90_000);

  test('registration, password reset and email confirmation answer in plain words', async (ctx) => {
    const page = await newPage(ctx, 390);
    await page.goto(`${portal.base}/register`);
    await hydrated(page);
    await page.getByLabel('Customer code').fill('BLUEPEAK');
    await page.getByLabel('First name').fill('Noah');
    await page.getByLabel('Last name').fill('Lindqvist');
    await page.getByLabel('Work email address').fill(`noah.${Date.now()}@bluepeak.example`);
    await page.getByLabel('Password').fill('green kettle morning harbour');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('status').filter({ hasText: 'we have sent a confirmation link' }).waitFor();

    await page.goto(`${portal.base}/verify-email?token=${'x'.repeat(43)}`);
    await hydrated(page);
    await page.getByRole('button', { name: 'Confirm my email address' }).click();
    await page.getByRole('alert').filter({ hasText: 'This link is not valid.' }).waitFor();

    await page.goto(`${portal.base}/forgot-password`);
    await hydrated(page);
    await page.getByLabel('Email address').fill('nobody@bluepeak.example');
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByRole('status').filter({ hasText: 'If nobody@bluepeak.example belongs to an account' }).waitFor();

    await page.goto(`${portal.base}/reset-password?token=${'y'.repeat(43)}`);
    await hydrated(page);
    await page.getByLabel('New password', { exact: true }).fill('green kettle morning harbour');
    await page.getByLabel('New password again').fill('green kettle morning harbour');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByRole('alert').filter({ hasText: 'This link is not valid.' }).waitFor();
    expect(await page.locator('main').innerText()).not.toMatch(/[{}]|INVALID_TOKEN|extensions/);
  }, 120_000);

  test('the development mailbox in the browser: registration is confirmed and a password reset finished from its messages', async (ctx) => {
    const page = await newPage(ctx, 390);
    /** Opens the mailbox's newest message to `to` whose subject matches, and follows the portal link in its text part. */
    async function followMailboxLink(to: string, subject: string): Promise<void> {
      const row = page.getByRole('row').filter({ hasText: to }).filter({ hasText: subject }).first();
      // The mail leaves through the event trigger, moments after the form's answer: reload until it is listed.
      for (let attempt = 0; attempt < 60; attempt += 1) {
        await page.goto(portal.mailboxUrl);
        await page.getByRole('heading', { name: 'Development mailbox' }).waitFor();
        if (await row.count()) break;
        await page.waitForTimeout(500);
      }
      await row.getByRole('link').click();
      await page.getByRole('heading', { name: subject }).waitFor();
      // By keyboard: at phone width the long link wraps, and the middle of its box can fall between its lines.
      await page.locator('#text-part').getByRole('link', { name: new RegExp(`^${portal.base}/`) }).first().press('Enter');
    }

    const email = `mei.${Date.now()}@oakridge.example`;
    await page.goto(`${portal.base}/register`);
    await hydrated(page);
    await page.getByLabel('Customer code').fill('OAKRIDGE');
    await page.getByLabel('First name').fill('Mei');
    await page.getByLabel('Last name').fill('Zhang');
    await page.getByLabel('Work email address').fill(email);
    await page.getByLabel('Password').fill('quiet lantern river morning');
    await page.getByLabel('Language', { exact: true }).selectOption('zh-CN');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('status').filter({ hasText: email }).waitFor();

    // She chose Chinese, so her confirmation arrives in Chinese; the link asks for a click before anything changes.
    await followMailboxLink(email, '请确认您的电子邮件地址');
    await page.waitForURL(/\/verify-email\?token=/);
    await hydrated(page);
    const [before] = await db<{ verified: boolean }>('select email_verified_at is not null as verified from public.customer_users where email = $1', [email]);
    expect(before!.verified).toBe(false);
    await page.getByRole('button', { name: 'Confirm my email address' }).click();
    await page.waitForURL(`${portal.base}/sign-in?notice=awaiting-approval`);
    await page.getByRole('status').filter({ hasText: 'must now approve your account' }).waitFor();
    const [after] = await db<{ verified: boolean }>('select email_verified_at is not null as verified from public.customer_users where email = $1', [email]);
    expect(after!.verified).toBe(true);

    // Oakridge has no verified domain, so its administrator approves her; then she signs in, in Chinese.
    const account = 'admin@oakridge.example';
    const admin = await newPage(ctx);
    await signIn(admin, account);
    await admin.waitForURL(`${portal.base}/`);
    await admin.goto(`${portal.base}/company/users`);
    await hydrated(admin);
    const waiting = admin.locator(`li[data-person="${email}"]`);
    await waiting.getByRole('button', { name: 'Approve' }).click();
    await waiting.getByRole('status').filter({ hasText: 'Approved' }).waitFor();
    await signIn(page, email, 'quiet lantern river morning');
    await page.waitForURL(`${portal.base}/`);
    await page.getByRole('heading', { name: '欢迎，Mei' }).waitFor();
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(`${portal.base}/sign-in?notice=signed-out`);

    await page.goto(`${portal.base}/forgot-password`);
    await hydrated(page);
    await page.getByLabel('Email address').fill(account);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByRole('status').filter({ hasText: account }).waitFor();
    await followMailboxLink(account, 'Reset your password');
    await page.waitForURL(/\/reset-password\?token=/);
    await hydrated(page);
    await page.getByLabel('New password', { exact: true }).fill('amber orchard winter signal');
    await page.getByLabel('New password again').fill('amber orchard winter signal');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.waitForURL(`${portal.base}/sign-in?notice=password-reset`);
    await signIn(page, account, 'amber orchard winter signal');
    await page.waitForURL(`${portal.base}/`);
  }, 120_000);

  test('two-factor authentication: set up on the security page, then needed to sign in', async (ctx) => {
    const email = 'approver@oakridge.example';
    const page = await newPage(ctx);
    await signIn(page, email);
    await page.waitForURL(`${portal.base}/`);

    await page.goto(`${portal.base}/profile/security`);
    await hydrated(page);
    const mfa = page.getByRole('region', { name: 'Two-factor authentication' });
    await mfa.getByLabel('Current password').fill(PASSWORD);
    await mfa.getByRole('button', { name: 'Set up two-factor authentication' }).click();
    await mfa.getByRole('img', { name: /QR code/ }).waitFor();
    const secret = (await mfa.locator('#mfa-secret').textContent())!.trim();
    expect(await mfa.getByRole('list', { name: 'Backup codes' }).getByRole('listitem').count()).toBe(10);
    await screenshot(page, 'mfa-setup');

    await mfa.getByLabel(/6-digit code/).fill(totpCode(secret, Date.now()));
    await mfa.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
    await mfa.getByRole('status').filter({ hasText: 'Two-factor authentication is on.' }).waitFor();

    await signOut(page);
    await signIn(page, email);
    await page.waitForURL(`${portal.base}/sign-in/mfa`);
    await hydrated(page);
    await page.getByLabel('Authentication code').fill('000000');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('alert').getByText('That code is not right.', { exact: false }).waitFor();
    // The next time step's code: the step used to turn MFA on cannot be used again.
    await page.getByLabel('Authentication code').fill(totpCode(secret, Date.now() + 30_000));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${portal.base}/`);
    await page.getByRole('heading', { name: /^Welcome,/ }).waitFor();

    // Leave the demo account as it was.
    await page.goto(`${portal.base}/profile/security`);
    await hydrated(page);
    await mfa.getByLabel('Current password').fill(PASSWORD);
    await mfa.getByRole('button', { name: 'Turn off two-factor authentication' }).click();
    await mfa.getByRole('status').filter({ hasText: 'Two-factor authentication is off.' }).waitFor();
  }, 180_000);

  test('a sign-in link whose redirect the browser would read as another site ends on this portal', async (ctx) => {
    for (const trick of ['/%09/evil.example', '/%0a/evil.example', '/%5C/evil.example']) {
      const page = await newPage(ctx);
      const response = await page.goto(`${portal.base}/sign-in?redirectTo=${trick}`);
      expect(response!.status(), trick).toBe(200);
      await hydrated(page);
      await page.getByLabel('Email address').fill('user@bluepeak.example');
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${portal.base}/`);
      expect(new URL(page.url()).origin, trick).toBe(new URL(portal.base).origin);
      await page.getByRole('heading', { name: /^Welcome,/ }).waitFor();
    }
  }, 120_000);

  test('the security page lists where the account is signed in and ends another device’s session', async (ctx) => {
    const email = 'user@meridian.example';
    const other = await newPage(ctx);
    await signIn(other, email);
    await other.waitForURL(`${portal.base}/`);
    const page = await newPage(ctx, 390);
    await signIn(page, email);
    await page.waitForURL(`${portal.base}/`);
    await page.goto(`${portal.base}/profile/security`);
    await hydrated(page);
    const sessions = page.getByRole('region', { name: 'Where you are signed in' });
    const items = sessions.getByRole('listitem');
    expect(await items.count()).toBeGreaterThanOrEqual(2);
    await items.first().getByText('This browser').waitFor();
    expect(await items.first().getByRole('button', { name: 'End this session' }).count()).toBe(0);
    const live = async () =>
      (await db<{ n: number }>(
        `select count(distinct family_id)::int as n from public.refresh_tokens t join public.customer_users u on u.id = t.user_id
          where u.email = $1 and t.revoked_at is null and t.rotated_at is null and t.expires_at > now()`,
        [email],
      ))[0]!.n;
    const before = await live();
    await items.nth(1).getByRole('button', { name: 'End this session' }).click();
    await sessions.getByRole('status').filter({ hasText: 'That session has ended' }).waitFor();
    expect(await live()).toBe(before - 1);
    expect(await sessions.getByRole('listitem').count()).toBe(before - 1);
    await screenshot(page, 'security-sessions-phone');
  }, 120_000);
});
