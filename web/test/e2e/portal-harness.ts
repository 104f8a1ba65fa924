import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, type TestContext } from 'vitest';
import { hydrated, launchChromium } from './browser.ts';
import { startPortalStack, type PortalStack } from './stack.ts';

/** The demo password (seed/src/demo-accounts.ts). */
export const PASSWORD = 'PrintDemo-2026!';
export const NO_WEB = 'skipped: npm start does not serve the web portal yet (its banner has no "  Web portal   http://…" line)';

export interface PortalHarness {
  /** The web portal's address, e.g. http://127.0.0.1:41234. */
  readonly base: string;
  /** A fresh browser profile (no cookies), desktop-sized and in US English unless told otherwise (the locale sets Accept-Language). */
  newPage(ctx: TestContext, width?: number, javaScriptEnabled?: boolean, locale?: string): Promise<Page>;
  /** Signs in through the form and waits for the page the account lands on, hydrated. */
  signIn(page: Page, email: string, landing: string, javaScript?: boolean): Promise<void>;
  /** Reads the stack's database (for expectations, never to change what the browser sees). */
  db<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** The development mailbox's address (its pages are what a developer opens under `npm start`). */
  readonly mailboxUrl: string;
  /** The first portal link in the newest development-mailbox message to `to` whose subject matches, waiting for it to arrive. */
  mailLink(to: string, subject: RegExp): Promise<string>;
}

interface MailboxMessage {
  to: string[];
  subject: string;
  text: string;
}

/**
 * The whole portal as `npm start` runs it, and Chromium, for one test file: started before its
 * tests, stopped after them. Call it at the top of a `describe`.
 */
export function usePortal(label: string): PortalHarness {
  let stack: PortalStack | undefined;
  let browser: Browser | undefined;
  let base = '';
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    stack = await startPortalStack();
    if (!stack.webUrl) {
      console.warn(`${label} end-to-end tests ${NO_WEB}`);
      return;
    }
    base = stack.webUrl;
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await stack?.stop();
  }, 60_000);

  return {
    get base() {
      return base;
    },
    get mailboxUrl() {
      return stack?.mailboxUrl ?? '';
    },
    async newPage(ctx, width = 1280, javaScriptEnabled = true, locale = 'en-US') {
      if (!browser) ctx.skip(NO_WEB);
      const context = await browser!.newContext({ viewport: { width, height: 900 }, javaScriptEnabled, locale });
      contexts.push(context);
      return context.newPage();
    },
    async signIn(page, email, landing, javaScript = true) {
      await page.goto(`${base}/sign-in`);
      if (javaScript) await hydrated(page);
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${base}${landing}`);
      // Signing in loads the landing page in full: wait until it is interactive, or a quick click would act without JavaScript.
      if (javaScript) await hydrated(page);
    },
    async mailLink(to, subject) {
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline) {
        const messages = (await (await fetch(`${stack!.mailboxUrl}/api/messages`)).json()) as MailboxMessage[];
        const mail = messages.reverse().find((m) => m.to.includes(to) && subject.test(m.subject));
        const link = mail?.text.split(/\s+/).find((word) => word.startsWith(`${base}/`));
        if (link) return link;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      throw new Error(`no mail to ${to} matching ${subject} arrived in the development mailbox`);
    },
    async db<Row>(sql: string, params: unknown[] = []) {
      const client = new pg.Client({ connectionString: stack!.databaseUrl });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows as Row[];
      } finally {
        await client.end();
      }
    },
  };
}
