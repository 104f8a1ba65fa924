import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startMailbox, type Mailbox, type ReceivedMail } from '@portal/dev-mailbox';
import { DEV_ACTION_SECRET } from '../src/config/dev-defaults.ts';
import { ACTION_SECRET_HEADER } from '../src/http/install-caller-check.ts';
import { createUser, createWorld, type TestUser, type World } from './support/fixtures.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const API_KEY = 'SG.test-receiver-key';
let mailbox: Mailbox;
let t: TestServer;
let world: World;

beforeAll(async () => {
  mailbox = await startMailbox({ apiKey: API_KEY });
  t = await startTestServer({ env: { SENDGRID_API_KEY: API_KEY, SENDGRID_API_URL: mailbox.url, PORTAL_PUBLIC_URL: 'https://portal.harbour.example' } });
  world = await createWorld(t.db.pool);
});
afterAll(() => mailbox.close());

/** Posts the event Hasura sends for an insert into notifications (the trigger sends only the id). */
async function deliver(notificationId: string, currentRetry = 0, maxRetries = 5) {
  const response = await fetch(`${t.url}/events/send-notification`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [ACTION_SECRET_HEADER]: DEV_ACTION_SECRET },
    body: JSON.stringify({
      id: `event-${notificationId}-${currentRetry}`,
      created_at: new Date().toISOString(),
      event: { op: 'INSERT', data: { old: null, new: { id: notificationId } }, session_variables: null },
      delivery_info: { max_retries: maxRetries, current_retry: currentRetry },
      trigger: { name: 'send_notification' },
      table: { schema: 'public', name: 'notifications' },
    }),
  });
  return { status: response.status, body: (await response.json()) as any };
}

interface NotificationRow {
  id: string;
  status: string;
  subject: string | null;
  attempts: number;
  last_error: string | null;
  provider_message_id: string | null;
  sent_at: Date | null;
  payload: Record<string, unknown>;
}

async function notificationsOf(user: TestUser, template: string): Promise<NotificationRow[]> {
  const { rows } = await t.db.pool.query<NotificationRow>(
    'select id, status, subject, attempts, last_error, provider_message_id, sent_at, payload from notifications where user_id = $1 and template = $2 order by created_at',
    [user.id, template],
  );
  return rows;
}

const mailsTo = (email: string): ReceivedMail[] => mailbox.messages().filter((mail) => mail.to.includes(email));
let counter = 0;
const newUser = async (extra: { language?: string; role?: 'customer_user' | 'customer_admin' } = {}) => {
  counter += 1;
  const user = await createUser(t.db.pool, { tenantId: world.tenantId, customerId: world.alphaId, email: `mail${counter}@alpha.example`, role: extra.role });
  if (extra.language) await t.db.pool.query('update customer_users set preferred_language = $2 where id = $1', [user.id, extra.language]);
  return user;
};
const linkIn = (text: string, path: string) => text.match(new RegExp(`https://portal\\.harbour\\.example${path}\\?token=([\\w-]+)`))?.[1];

describe('sending a notification through SendGrid\'s API (the real client, a local receiver)', () => {
  test('a password reset reaches the user once, with a link whose token works; a redelivered event sends nothing', async () => {
    const user = await newUser();
    await t.call('customerRequestPasswordReset', { email: user.email });
    const [row] = await notificationsOf(user, 'PASSWORD_RESET');
    expect(await deliver(row!.id)).toEqual({ status: 200, body: { status: 'SENT' } });
    expect(await deliver(row!.id, 1)).toEqual({ status: 200, body: { status: 'ALREADY_DONE' } });
    const mails = mailsTo(user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ subject: 'Reset your password', from: 'Harbour Test Print <portal@printer.example>', customArgs: { notification_id: row!.id } });
    expect(mails[0]!.trackingSettings).toEqual({ click_tracking: { enable: false, enable_text: false }, open_tracking: { enable: false } });
    expect(mails[0]!.html).not.toMatch(/<img/i);
    const token = linkIn(mails[0]!.text, '/reset-password');
    expect(token).toBeDefined();
    expect(mails[0]!.html).toContain(`https://portal.harbour.example/reset-password?token=${token}`);
    expect((await t.call('customerResetPassword', { token, newPassword: 'Quiet-Offset-Lithograph-8' })).body).toEqual({ ok: true });
    const [sent] = await notificationsOf(user, 'PASSWORD_RESET');
    expect(sent).toMatchObject({ status: 'SENT', attempts: 1, provider_message_id: mails[0]!.id, subject: 'Reset your password', last_error: null });
    expect(sent!.sent_at).toBeInstanceOf(Date);
    expect(sent!.payload).not.toHaveProperty('token_sealed');
  });

  test('a zh-CN user gets the message in Chinese', async () => {
    const user = await newUser({ language: 'zh-CN' });
    await t.call('customerRequestPasswordReset', { email: user.email });
    const [row] = await notificationsOf(user, 'PASSWORD_RESET');
    await deliver(row!.id);
    const [mail] = mailsTo(user.email);
    expect(mail!.subject).toBe('重置您的密码');
    expect(mail!.html).toContain('<html lang="zh-CN">');
    expect(mail!.text).toContain('设置新密码');
    expect(linkIn(mail!.text, '/reset-password')).toBeDefined();
  });

  test('an address the provider refuses is FAILED with its reason, and not retried', async () => {
    const user = await newUser();
    const { rows } = await t.db.pool.query<{ id: string }>(
      `insert into notifications (tenant_id, customer_id, user_id, template, recipient_email, subject, payload)
       values ($1, $2, $3, 'PASSWORD_CHANGED', 'someone@localhost', 'Your password was changed', '{}') returning id`,
      [world.tenantId, world.alphaId, user.id],
    );
    expect(await deliver(rows[0]!.id)).toEqual({ status: 200, body: { status: 'FAILED' } });
    const [row] = await notificationsOf(user, 'PASSWORD_CHANGED');
    expect(row).toMatchObject({ status: 'FAILED', attempts: 1, sent_at: null });
    expect(row!.last_error).toMatch(/^HTTP 400: Does not contain a valid address\. \(personalizations\.0\.to\.0\.email\)$/);
    expect(mailsTo('someone@localhost')).toEqual([]);
  });

  test('an outage is retried by Hasura (503), and the last try records FAILED', async () => {
    const user = await newUser();
    await t.call('customerRequestPasswordReset', { email: user.email });
    const [row] = await notificationsOf(user, 'PASSWORD_RESET');
    mailbox.failNext(503);
    const first = await deliver(row!.id, 0, 2);
    expect(first.status).toBe(503);
    expect(first.body.extensions.code).toBe('MAIL_UNAVAILABLE');
    expect((await notificationsOf(user, 'PASSWORD_RESET'))[0]).toMatchObject({ status: 'PENDING', attempts: 1, last_error: expect.stringMatching(/^HTTP 503/) });
    expect(await deliver(row!.id, 1, 2)).toEqual({ status: 200, body: { status: 'SENT' } });
    expect(mailsTo(user.email)).toHaveLength(1);

    t.clock.advanceSeconds(1);
    await t.call('customerRequestPasswordReset', { email: user.email });
    const [, second] = await notificationsOf(user, 'PASSWORD_RESET');
    mailbox.failNext(500);
    expect(await deliver(second!.id, 2, 2)).toEqual({ status: 200, body: { status: 'FAILED' } });
    expect((await notificationsOf(user, 'PASSWORD_RESET'))[1]).toMatchObject({ status: 'FAILED', last_error: expect.stringMatching(/^HTTP 500/) });
    expect((await notificationsOf(user, 'PASSWORD_RESET'))[1]!.payload).not.toHaveProperty('token_sealed');
  });

  test('a body that is not Hasura\'s event is refused, and the shared secret is required', async () => {
    const bad = await fetch(`${t.url}/events/send-notification`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [ACTION_SECRET_HEADER]: DEV_ACTION_SECRET },
      body: JSON.stringify({ id: 'x', event: {} }),
    });
    expect(bad.status).toBe(400);
    const anonymous = await fetch(`${t.url}/events/send-notification`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(anonymous.status).toBe(401);
  });
});

describe('order moves', () => {
  async function placeOrder(placedBy: TestUser | null): Promise<{ id: string; number: string }> {
    const { rows } = await t.db.pool.query<{ id: string; order_number: string }>(
      `insert into sales_orders (tenant_id, customer_id, placed_by) values ($1, $2, $3) returning id, order_number`,
      [world.tenantId, world.alphaId, placedBy?.id ?? null],
    );
    return { id: rows[0]!.id, number: rows[0]!.order_number };
  }

  test('moving an order writes the placer\'s notification in the same transaction; shipping adds the tracking link', async () => {
    const placer = await newUser();
    const order = await placeOrder(placer);
    expect(await notificationsOf(placer, 'ORDER_STATUS_CHANGED')).toEqual([]);
    await t.db.pool.query(`update sales_orders set status = 'IN_PRODUCTION' where id = $1`, [order.id]);
    await t.db.pool.query(`update sales_orders set status = 'SHIPPED', carrier = 'UPS', tracking_number = '1Z999AA10123456784' where id = $1`, [order.id]);
    const [moved] = await notificationsOf(placer, 'ORDER_STATUS_CHANGED');
    const [shipped] = await notificationsOf(placer, 'ORDER_SHIPPED');
    expect(moved!.payload).toMatchObject({ order_id: order.id, order_number: order.number, from_status: 'CONFIRMED', to_status: 'IN_PRODUCTION' });
    await deliver(moved!.id);
    await deliver(shipped!.id);
    const [first, second] = mailsTo(placer.email);
    expect(first!.subject).toBe(`Order ${order.number}: In production`);
    expect(second!.subject).toBe(`Order ${order.number} has shipped`);
    expect(second!.text).toContain('https://www.ups.com/track?tracknum=1Z999AA10123456784');
    expect(second!.text).toContain(`https://portal.harbour.example/orders/${order.id}`);
    expect((await notificationsOf(placer, 'ORDER_SHIPPED'))[0]!.subject).toBe(`Order ${order.number} has shipped`);
  });

  test('a rolled-back move writes nothing; an order staff entered tells the company\'s admins', async () => {
    const admin = await newUser({ role: 'customer_admin' });
    const order = await placeOrder(null);
    const client = await t.db.pool.connect();
    await client.query('begin');
    await client.query(`update sales_orders set status = 'ON_HOLD' where id = $1`, [order.id]);
    await client.query('rollback');
    client.release();
    expect(await notificationsOf(admin, 'ORDER_STATUS_CHANGED')).toEqual([]);
    await t.db.pool.query(`update sales_orders set status = 'ON_HOLD' where id = $1`, [order.id]);
    expect(await notificationsOf(admin, 'ORDER_STATUS_CHANGED')).toHaveLength(1);
  });

  test('preferences that are off suppress the email (SKIPPED); security email goes out anyway', async () => {
    const placer = await newUser();
    await t.db.pool.query(`update customer_users set notification_preferences = '{"order_status": false, "quote_priced": false, "proof_ready": false}' where id = $1`, [placer.id]);
    const order = await placeOrder(placer);
    await t.db.pool.query(`update sales_orders set status = 'IN_PRODUCTION' where id = $1`, [order.id]);
    const [moved] = await notificationsOf(placer, 'ORDER_STATUS_CHANGED');
    expect(await deliver(moved!.id)).toEqual({ status: 200, body: { status: 'SKIPPED' } });
    await t.call('customerRequestPasswordReset', { email: placer.email });
    const [reset] = await notificationsOf(placer, 'PASSWORD_RESET');
    expect(await deliver(reset!.id)).toEqual({ status: 200, body: { status: 'SENT' } });
    expect(mailsTo(placer.email).map((mail) => mail.subject)).toEqual(['Reset your password']);
  });
});
