import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { CHROMIUM, hasChromium, hydrated, INSTALL_CHROMIUM } from './browser.ts';
import { usePortal } from './portal-harness.ts';

const CHROMIUM_MISSING = `skipped: ${CHROMIUM} is missing; install Debian's Chromium with \`${INSTALL_CHROMIUM}\``;
if (!hasChromium) console.warn(`accessibility tests ${CHROMIUM_MISSING}`);

/** axe-core's own bundle, injected into each page as it is (the audit runs in the page). */
const AXE_SOURCE: string = (createRequire(import.meta.url)('axe-core') as { source: string }).source;
/** WCAG 2.0, 2.1 and 2.2 at levels A and AA, the portal's bar. */
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface Violation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

/** axe's violations on the page as it is now, each as "rule: selector, selector". */
async function violations(page: Page): Promise<string[]> {
  // Through DevTools, not a <script>: the portal's Content-Security-Policy rightly refuses inline scripts.
  await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document, { runOnly: { type: 'tag', values: tags } })).violations;
  }, WCAG_AA);
  return found.map((violation) => `${violation.id} (${violation.help}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

describe.skipIf(!hasChromium)(`WCAG 2.2 AA, audited by axe-core in Chromium${hasChromium ? '' : ` (${CHROMIUM_MISSING})`}`, () => {
  const portal = usePortal('accessibility');
  const { db, newPage, signIn } = portal;

  /** Opens each path and audits it; every failing page is reported, not only the first. */
  async function audit(page: Page, paths: string[]): Promise<Record<string, string[]>> {
    const report: Record<string, string[]> = {};
    for (const path of paths) {
      await page.goto(`${portal.base}${path}`);
      await hydrated(page);
      const found = await violations(page);
      if (found.length > 0) report[path] = found;
    }
    return report;
  }

  for (const [where, width] of [['on a desktop', 1280], ['on a phone', 390]] as const) {
    test(`the signed-out pages, and their error states, have no violations ${where}`, async (ctx) => {
      const page = await newPage(ctx, width);
      const report = await audit(page, ['/sign-in', '/register', '/forgot-password', '/verify-email', '/reset-password?token=0123456789abcdef0123', '/invitation']);
      await page.goto(`${portal.base}/register`);
      await hydrated(page);
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.getByRole('alert').first().waitFor();
      const afterErrors = await violations(page);
      expect({ ...report, ...(afterErrors.length > 0 ? { 'register with errors': afterErrors } : {}) }).toEqual({});
    }, 120_000);
  }

  test('the customer portal has no violations, in English and in Chinese', async (ctx) => {
    const page = await newPage(ctx, 390);
    await signIn(page, 'admin@bluepeak.example', '/');
    const [ids] = await db<{ order: string; quote: string; proof: string }>(
      `select (select o.id from public.sales_orders o join public.customers c on c.id = o.customer_id where c.customer_code = 'BLUEPEAK' order by o.placed_at desc limit 1) as order,
              (select q.id from public.quotes q join public.customers c on c.id = q.customer_id where c.customer_code = 'BLUEPEAK' order by q.created_at desc limit 1) as quote,
              (select p.id from public.proofs p join public.customers c on c.id = p.customer_id where c.customer_code = 'BLUEPEAK' order by p.created_at desc limit 1) as proof`,
    );
    const paths = ['/', '/orders', '/orders?from=2026-05-01&to=2026-04-01', `/orders/${ids!.order}`, '/quotes', '/quotes/new', `/quotes/${ids!.quote}`,
      '/proofs', `/proofs/${ids!.proof}`, '/catalogue', '/company', '/company/users', '/company/activity', '/company/integrations', '/profile', '/profile/security'];
    const english = await audit(page, paths);
    await page.goto(`${portal.base}/profile`);
    await hydrated(page);
    await page.getByLabel('Language', { exact: true }).selectOption('zh-CN');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('status').filter({ hasText: '个人资料已保存' }).waitFor();
    const chinese = await audit(page, ['/', '/orders', `/orders/${ids!.order}`, '/profile']);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect({ english, chinese }).toEqual({ english: {}, chinese: {} });
  }, 180_000);

  test('the staff area has no violations', async (ctx) => {
    const page = await newPage(ctx, 1280);
    await signIn(page, 'staff@demo-printer.example', '/staff');
    const [ids] = await db<{ order: string; quote: string; proof: string }>(
      `select (select id from public.sales_orders order by placed_at desc limit 1) as order,
              (select id from public.quotes where status = 'DRAFT' order by created_at desc limit 1) as quote,
              (select id from public.proofs order by created_at desc limit 1) as proof`,
    );
    const paths = ['/staff', '/staff/orders', `/staff/orders/${ids!.order}`, '/staff/quotes', '/staff/mail', '/staff/artwork', `/staff/proofs/${ids!.proof}`, ...(ids!.quote ? [`/staff/quotes/${ids!.quote}`] : [])];
    expect(await audit(page, paths)).toEqual({});
  }, 120_000);
});
