import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freePort } from '@portal/dev-db';
import { DEMO_PASSWORD, demoAccount } from '@portal/seed';
import { createTestDatabase, DEMO_TEMPLATE } from '@portal/test-support';
import { readScriptConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { DEV_ADMIN_SECRET } from '../start/service-env.ts';
import { startServices, type RunningServices } from '../start/stack.ts';

let services: RunningServices;

async function graphql(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<any> {
  const response = await fetch(`${services.engineUrl}/v1/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  expect(response.status).toBe(200);
  return response.json();
}

const LOGIN = `mutation ($email: String!, $password: String!) {
  customerLogin(email: $email, password: $password) { status session { accessToken user { email role customerCode } } }
}`;

describe('the services npm start runs, together', () => {
  beforeAll(async () => {
    const db = await createTestDatabase(DEMO_TEMPLATE);
    const config = readScriptConfig({
      PORTAL_DATA_DIR: mkdtempSync(join(tmpdir(), 'portal-stack-')),
      PORTAL_ENGINE_PORT: String(await freePort()),
      PORTAL_ACTIONS_PORT: String(await freePort()),
      PORTAL_WEB_PORT: String(await freePort()),
      PORTAL_MAILBOX_PORT: '0',
      PORTAL_STORAGE_PORT: String(await freePort()),
      BCRYPT_COST: '4',
      LOG_LEVEL: 'silent',
    });
    services = await startServices(config, { url: db.url, created: false, embedded: false, stop: async () => {} }, createLogger('silent'));
  });
  afterAll(() => services.stop());

  test('a customer signs in through the engine and the token gives exactly their rows', async () => {
    const account = demoAccount('customer_user', 'BLUEPEAK');
    const login = await graphql(LOGIN, { email: account.email, password: DEMO_PASSWORD });
    expect(login.errors).toBeUndefined();
    expect(login.data.customerLogin).toMatchObject({ status: 'SIGNED_IN', session: { user: { email: account.email, role: 'customer_user', customerCode: 'BLUEPEAK' } } });
    const token = login.data.customerLogin.session.accessToken as string;
    const orders = await graphql('{ sales_orders { customer { customer_code } } }', {}, token);
    const codes = new Set(orders.data.sales_orders.map((o: { customer: { customer_code: string } }) => o.customer.customer_code));
    expect([...codes]).toEqual(['BLUEPEAK']);
  });

  test('an artwork upload goes from presigned POST to CLEAN through the engine and its event trigger', async () => {
    const login = await graphql(LOGIN, { email: demoAccount('customer_user', 'BLUEPEAK').email, password: DEMO_PASSWORD });
    const token = login.data.customerLogin.session.accessToken as string;
    const orders = await graphql('{ sales_orders(limit: 1) { id } }', {}, token);
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
    const requested = await graphql(
      `mutation ($orderId: uuid!, $size: Int!) { customerRequestArtworkUpload(orderId: $orderId, fileName: "menu.pdf", fileSize: $size, fileType: "application/pdf") { fileId uploadUrl fields { name value } } }`,
      { orderId: orders.data.sales_orders[0].id, size: pdf.length },
      token,
    );
    const ticket = requested.data.customerRequestArtworkUpload;
    const form = new FormData();
    for (const field of ticket.fields) form.append(field.name, field.value);
    form.append('file', new Blob([pdf]), 'menu.pdf');
    expect((await fetch(ticket.uploadUrl, { method: 'POST', body: form })).status).toBe(204);
    const confirmed = await graphql(`mutation ($id: uuid!) { customerConfirmArtworkUpload(fileId: $id) { status } }`, { id: ticket.fileId }, token);
    const expected = services.scanner.startsWith('none') ? 'UNSCANNED' : 'CLEAN';
    expect(confirmed.data.customerConfirmArtworkUpload.status).toBe(expected === 'CLEAN' ? 'SCANNING' : 'UNSCANNED');
    let status = '';
    for (let attempt = 0; attempt < 100 && status !== expected; attempt++) {
      const file = await graphql('query ($id: uuid!) { artwork_files_by_pk(id: $id) { status } }', { id: ticket.fileId }, token);
      status = file.data.artwork_files_by_pk.status;
      if (status !== expected) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(expected);
  });

  test('a wrong password is refused with the action\'s error code, through the engine', async () => {
    const login = await graphql(LOGIN, { email: demoAccount('customer_user', 'BLUEPEAK').email, password: 'not-the-password' });
    expect(login.errors[0].extensions.code).toBe('INVALID_CREDENTIALS');
  });

  test('the web portal answers, sending a signed-out visitor to sign-in', async () => {
    const response = await fetch(`${services.webUrl}/orders`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/^\/sign-in/);
  });

  test('an anonymous request sees no tables', async () => {
    const result = await graphql('{ sales_orders { id } }');
    expect(result.errors[0].extensions.code).toBe('validation-failed');
  });

  test('the engine serves the metadata API to the admin secret only, as Hasura does', async () => {
    const exportMetadata = (headers: Record<string, string>) =>
      fetch(`${services.engineUrl}/v1/metadata`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ type: 'export_metadata', args: {} }),
      });
    const admin = await exportMetadata({ 'x-hasura-admin-secret': DEV_ADMIN_SECRET });
    expect(admin.status).toBe(200);
    const metadata = (await admin.json()) as { version: number; sources: Array<{ name: string; tables: unknown[] }>; actions: Array<{ name: string }> };
    expect(metadata.version).toBe(3);
    expect(metadata.sources.map((source) => source.name)).toEqual(['default']);
    expect(metadata.actions.map((action) => action.name)).toContain('customerLogin');
    // No credentials: the unauthorized role (anonymous), which is not admin.
    const anonymous = await exportMetadata({});
    expect(anonymous.status).toBe(400);
    expect(await anonymous.json()).toEqual({ path: '$.args', error: 'restricted access : admin only', code: 'access-denied' });
    const wrongSecret = await exportMetadata({ 'x-hasura-admin-secret': 'wrong' });
    expect(wrongSecret.status).toBe(401);
    expect(await wrongSecret.json()).toMatchObject({ code: 'access-denied' });
  });

  test('the web, served by vite in development mode as npm start does, refuses form posts from another site', async () => {
    const signIn = (origin: string | null) =>
      fetch(`${services.webUrl}/sign-in`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', ...(origin ? { origin } : {}) },
        body: new URLSearchParams({ email: demoAccount('customer_user', 'BLUEPEAK').email, password: DEMO_PASSWORD }).toString(),
      });
    for (const origin of ['http://evil.example', null]) {
      const refused = await signIn(origin);
      expect(refused.status, String(origin)).toBe(403);
      expect(refused.headers.get('set-cookie'), String(origin)).toBeNull();
    }
    const sameSite = await signIn(services.webUrl);
    expect(sameSite.status).toBe(303);
    expect(sameSite.headers.get('set-cookie')).toMatch(/portal_refresh=/);
  });

  test('email leaves: a password reset asked through the engine reaches the development mailbox once, linking to this web portal', async () => {
    const email = demoAccount('customer_admin', 'BLUEPEAK').email;
    const asked = await graphql('mutation ($email: String!) { customerRequestPasswordReset(email: $email) { accepted } }', { email });
    expect(asked.data).toEqual({ customerRequestPasswordReset: { accepted: true } });
    const arrived = async () => {
      const messages = (await (await fetch(`${services.mailboxUrl}/api/messages`)).json()) as Array<{ to: string[]; subject: string; text: string }>;
      return messages.filter((message) => message.to.includes(email));
    };
    let mails = await arrived();
    // The engine's event processing calls the action server, which sends: poll until it has.
    for (let wait = 0; mails.length === 0 && wait < 100; wait += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      mails = await arrived();
    }
    expect(mails.map((mail) => mail.subject)).toEqual(['Reset your password']);
    const link = new RegExp(`${services.webUrl}/reset-password\\?token=[\\w-]+`).exec(mails[0]!.text)?.[0];
    expect(link).toBeDefined();
    const page = await fetch(link!);
    expect(page.status).toBe(200);
    const list = await fetch(services.mailboxUrl);
    expect(await list.text()).toContain('Reset your password');
  });
});
