import { beforeAll, describe, expect, test } from 'vitest';
import { DEV_ACTION_SECRET, DEV_JWT_SECRET } from '../src/config/dev-defaults.ts';
import { PASSWORD, type TestUser } from './support/fixtures.ts';
import { engineFor, startGraphQLEngine } from './support/graphql-engine.ts';
import { createQuoteWorld, type QuoteWorld } from './support/quote-fixtures.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

/**
 * Who reads which email rows through the engine: each person their own (never the security
 * emails' rows, which carry sealed tokens), and staff, besides their own, every undelivered email
 * of their printer, with the reason, so they can reach those people another way.
 */
let t: TestServer;
let w: QuoteWorld;
let engineUrl: string;
const tokens = new Map<string, string>();
const ids: Record<string, string> = {};

async function gql(user: TestUser | null, query: string): Promise<any> {
  const response = await fetch(`${engineUrl}/v1/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(user ? { authorization: `Bearer ${tokens.get(user.id)}` } : {}) },
    body: JSON.stringify({ query }),
  });
  expect(response.status).toBe(200);
  return response.json();
}

/** The names (see `ids`) of the notification rows this person can read. */
async function visibleTo(user: TestUser): Promise<string[]> {
  const body = await gql(user, '{ notifications { id } }');
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  const names = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
  return body.data.notifications.map((row: { id: string }) => names.get(row.id) ?? row.id).sort();
}

async function notify(name: string, user: TestUser, template: string, status: 'PENDING' | 'SENT' | 'FAILED'): Promise<void> {
  const { rows } = await t.db.pool.query<{ id: string }>(
    `insert into notifications (tenant_id, customer_id, user_id, template, recipient_email, subject, status, attempts, last_error, sent_at)
     values ($1, $2, $3, $4, $5, 'Subject', $6, 1, case when $6 = 'FAILED' then 'HTTP 400: invalid address' end, case when $6 = 'SENT' then now() end)
     returning id`,
    [user.tenantId, user.customerId, user.id, template, user.email, status],
  );
  ids[name] = rows[0]!.id;
}

beforeAll(async () => {
  t = await startTestServer();
  w = await createQuoteWorld(t.db.pool, 'ntf');
  await notify('alpha-user sent', w.alpha.user, 'ORDER_STATUS_CHANGED', 'SENT');
  await notify('alpha-user failed', w.alpha.user, 'QUOTE_PRICED', 'FAILED');
  await notify('alpha-user reset failed', w.alpha.user, 'PASSWORD_RESET', 'FAILED');
  await notify('alpha-admin sent', w.alpha.admin, 'PROOF_READY', 'SENT');
  await notify('bravo-user failed', w.bravo.user, 'ORDER_SHIPPED', 'FAILED');
  await notify('staff sent', w.staff, 'QUOTE_REQUESTED', 'SENT');
  await notify('other-tenant staff failed', w.otherStaff, 'QUOTE_REQUESTED', 'FAILED');
  const engine = await startGraphQLEngine(engineFor(t.db.url, t.url, 'notifications-engine-test-admin-secret', DEV_JWT_SECRET, DEV_ACTION_SECRET));
  engineUrl = engine.url;
  for (const user of [w.staff, w.otherStaff, w.alpha.user, w.alpha.approver, w.alpha.admin, w.bravo.user]) {
    const tenant = user === w.otherStaff ? 'other-printer' : null;
    const response = await fetch(`${engineUrl}/v1/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation ($t: String, $e: String!, $p: String!) { customerLogin(tenant: $t, email: $e, password: $p) { session { accessToken } } }',
        variables: { t: tenant, e: user.email, p: PASSWORD },
      }),
    });
    const { data } = (await response.json()) as { data: { customerLogin: { session: { accessToken: string } } } };
    tokens.set(user.id, data.customerLogin.session.accessToken);
  }
  return () => engine.stop();
}, 120_000);

describe('email rows through /v1/graphql', () => {
  test('a customer reads their own rows, never a security email’s, never a colleague’s', async () => {
    expect(await visibleTo(w.alpha.user)).toEqual(['alpha-user failed', 'alpha-user sent']);
    expect(await visibleTo(w.alpha.admin)).toEqual(['alpha-admin sent']);
    expect(await visibleTo(w.alpha.approver)).toEqual([]);
    expect(await visibleTo(w.bravo.user)).toEqual(['bravo-user failed']);
  });

  test('nor the delivery error, which is for staff', async () => {
    const body = await gql(w.alpha.user, '{ notifications { id last_error } }');
    expect(body.data ?? null).toBeNull();
    expect(body.errors[0].extensions.code).toBe('validation-failed');
  });

  test('staff read their own rows and every undelivered email of their printer, with its reason; not another printer’s', async () => {
    expect(await visibleTo(w.staff)).toEqual(['alpha-user failed', 'alpha-user reset failed', 'bravo-user failed', 'staff sent']);
    expect(await visibleTo(w.otherStaff)).toEqual(['other-tenant staff failed']);
    const body = await gql(w.staff, '{ notifications(where: { status: { _eq: FAILED } }) { last_error attempts user { email } } }');
    expect(body.data.notifications).toContainEqual({ last_error: 'HTTP 400: invalid address', attempts: 1, user: { email: w.bravo.user.email } });
  });

  test('signed out, there are no email rows at all', async () => {
    const body = await gql(null, '{ notifications { id } }');
    expect(body.errors[0].extensions.code).toBe('validation-failed');
  });
});
