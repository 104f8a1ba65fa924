import { beforeAll, describe, expect, test } from 'vitest';
import { totpCodeAt } from '../src/auth/totp.ts';
import { DEV_ACTION_SECRET, DEV_JWT_SECRET } from '../src/config/dev-defaults.ts';
import { createUser, createWorld, PASSWORD, type TestUser, type World } from './support/fixtures.ts';
import { countRows, lastEmail } from './support/flows.ts';
import { engineFor, startGraphQLEngine } from './support/graphql-engine.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

/**
 * Company accounts through an engine's /v1/graphql (probe finding 3 and the administrator's side):
 * a customer code alone no longer lets anyone in; administrators approve, refuse, invite, change
 * roles, deactivate and sign people out, only within their own company.
 */
let t: TestServer;
let world: World;
let engineUrl: string;
let admin: TestUser;
let colleague: TestUser;
let bravoAdmin: TestUser;
const NEW_PASSWORD = 'Lilac-Printing-Press-19';

async function gql(token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const response = await fetch(`${engineUrl}/v1/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  expect(response.status).toBe(200);
  return response.json();
}

const LOGIN = 'mutation ($e: String!, $p: String!) { customerLogin(email: $e, password: $p) { status session { accessToken refreshToken user { role } } } }';

/** The administrator's token from before their company required a second factor (they have none). */
let adminToken: string;

/** A sign-in through the engine: the session, or the error code. */
async function signIn(email: string, password = PASSWORD): Promise<{ accessToken: string; refreshToken: string; user: { role: string } } | string> {
  const body = await gql(null, LOGIN, { e: email, p: password });
  if (body.errors) return body.errors[0].extensions.code;
  return body.data.customerLogin.session ?? body.data.customerLogin.status;
}

async function tokenOf(user: { email: string }, password = PASSWORD): Promise<string> {
  const session = await signIn(user.email, password);
  if (typeof session === 'string') throw new Error(`${user.email} could not sign in: ${session}`);
  return session.accessToken;
}

async function data(token: string, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const body = await gql(token, query, variables);
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data;
}

async function code(token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<string> {
  const body = await gql(token, query, variables);
  expect(body.errors, JSON.stringify(body)).toBeDefined();
  return body.errors[0].extensions.code;
}

const REGISTER = `mutation ($e: String!) {
  customerRegister(customerCode: "ALPHA", email: $e, password: "${NEW_PASSWORD}", firstName: "Mallory", lastName: "Outsider") { accepted }
}`;
const VERIFY = 'mutation ($t: String!) { customerVerifyEmail(token: $t) { ok approvalPending } }';
const APPROVE = 'mutation ($u: uuid!, $a: Boolean!) { customerAdminApproveUser(userId: $u, approve: $a) { userId approvalStatus active } }';
const UPDATE = 'mutation ($u: uuid!, $r: String, $a: Boolean) { customerAdminUpdateUser(userId: $u, role: $r, active: $a) { role active } }';
const END_SESSIONS = 'mutation ($u: uuid!) { customerAdminEndUserSessions(userId: $u) { endedSessions } }';
const INVITE = 'mutation ($e: String!, $r: String!) { customerAdminInviteUser(email: $e, role: $r) { userId approvalStatus role } }';
const ACCEPT = 'mutation ($t: String!, $p: String!) { customerAcceptInvitation(token: $t, password: $p, firstName: "Ivy", lastName: "Invited") { ok } }';
const ADD_DOMAIN = 'mutation ($d: String!) { customerAdminAddEmailDomain(domain: $d) { id domain } }';
const REMOVE_DOMAIN = 'mutation ($id: uuid!) { customerAdminRemoveEmailDomain(domainId: $id) { ok } }';
const PEOPLE = '{ customer_users(order_by: {email: asc}) { email } }';
const REFRESH = 'mutation ($r: String!) { customerRefreshToken(refreshToken: $r) { accessToken } }';

/** Registers an address for ALPHA and confirms it with the emailed link; returns what confirming said. */
async function registerAndConfirm(email: string): Promise<{ ok: boolean; approvalPending: boolean }> {
  expect((await data('', REGISTER, { e: email })).customerRegister.accepted).toBe(true);
  const { token } = (await lastEmail(t, email, 'EMAIL_VERIFICATION'))!;
  return (await data('', VERIFY, { t: token })).customerVerifyEmail;
}

const idOf = async (email: string) => (await t.db.pool.query('select id from customer_users where email = $1', [email])).rows[0].id as string;
const emailsSeenBy = async (token: string) => ((await data(token, PEOPLE)).customer_users as { email: string }[]).map((u) => u.email);

beforeAll(async () => {
  t = await startTestServer();
  world = await createWorld(t.db.pool);
  admin = await createUser(t.db.pool, { tenantId: world.tenantId, customerId: world.alphaId, email: 'ada@alpha.example', role: 'customer_admin' });
  colleague = await createUser(t.db.pool, { tenantId: world.tenantId, customerId: world.alphaId, email: 'colin@alpha.example' });
  bravoAdmin = await createUser(t.db.pool, { tenantId: world.tenantId, customerId: world.bravoId, email: 'bea@bravo.example', role: 'customer_admin' });
  const engine = await startGraphQLEngine(engineFor(t.db.url, t.url, 'company-accounts-test-admin-secret', DEV_JWT_SECRET, DEV_ACTION_SECRET));
  engineUrl = engine.url;
  return () => engine.stop();
});

describe('registration with a customer code (probe finding 3)', () => {
  test('a confirmed stranger waits, sees nothing and is not listed; the administrators are emailed', async () => {
    expect(await registerAndConfirm('mallory@evil.example')).toEqual({ ok: true, approvalPending: true });
    expect(await signIn('mallory@evil.example', NEW_PASSWORD)).toBe('ACCOUNT_PENDING_APPROVAL');
    expect(await emailsSeenBy(await tokenOf(colleague))).not.toContain('mallory@evil.example');
    expect(await emailsSeenBy(await tokenOf(admin))).toContain('mallory@evil.example');
    expect((await lastEmail(t, admin.email, 'REGISTRATION_PENDING'))?.payload).toMatchObject({ registrant_email: 'mallory@evil.example', customer_name: 'ALPHA Ltd' });
    expect(await lastEmail(t, bravoAdmin.email, 'REGISTRATION_PENDING')).toBeUndefined();
  });

  test('an unconfirmed registration is listed to nobody but the administrators and cannot be approved yet', async () => {
    expect((await data('', REGISTER, { e: 'unconfirmed@evil.example' })).customerRegister.accepted).toBe(true);
    expect(await emailsSeenBy(await tokenOf(colleague))).not.toContain('unconfirmed@evil.example');
    expect(await code(await tokenOf(admin), APPROVE, { u: await idOf('unconfirmed@evil.example'), a: true })).toBe('USER_NOT_PENDING');
  });

  test('another company’s administrator can neither see nor approve it; the own administrator approves and the person is told', async () => {
    const id = await idOf('mallory@evil.example');
    expect(await emailsSeenBy(await tokenOf(bravoAdmin))).not.toContain('mallory@evil.example');
    expect(await code(await tokenOf(bravoAdmin), APPROVE, { u: id, a: true })).toBe('USER_NOT_FOUND');
    expect(await code(await tokenOf(colleague), APPROVE, { u: id, a: true })).toBe('validation-failed');
    expect((await data(await tokenOf(admin), APPROVE, { u: id, a: true })).customerAdminApproveUser).toEqual({ userId: id, approvalStatus: 'APPROVED', active: true });
    expect(await lastEmail(t, 'mallory@evil.example', 'ACCOUNT_APPROVED')).toBeDefined();
    expect(typeof (await signIn('mallory@evil.example', NEW_PASSWORD))).toBe('object');
    expect(await emailsSeenBy(await tokenOf(colleague))).toContain('mallory@evil.example');
  });

  test('a refused registration cannot sign in and stays unlisted', async () => {
    await registerAndConfirm('eve@evil.example');
    expect((await data(await tokenOf(admin), APPROVE, { u: await idOf('eve@evil.example'), a: false })).customerAdminApproveUser).toMatchObject({ approvalStatus: 'REFUSED', active: false });
    expect(await signIn('eve@evil.example', NEW_PASSWORD)).toBe('INVALID_CREDENTIALS');
    expect(await emailsSeenBy(await tokenOf(colleague))).not.toContain('eve@evil.example');
  });
});

describe('verified email domains', () => {
  test('only the administrator’s own domain, never a public mail service or someone else’s', async () => {
    const token = await tokenOf(admin);
    expect(await code(token, ADD_DOMAIN, { d: 'gmail.com' })).toBe('EMAIL_DOMAIN_NOT_ALLOWED');
    expect(await code(token, ADD_DOMAIN, { d: 'bravo.example' })).toBe('EMAIL_DOMAIN_NOT_ALLOWED');
    expect(await code(token, ADD_DOMAIN, { d: 'not a domain' })).toBe('VALIDATION_FAILED');
    expect((await data(token, ADD_DOMAIN, { d: 'Alpha.Example' })).customerAdminAddEmailDomain.domain).toBe('alpha.example');
    expect(await code(token, ADD_DOMAIN, { d: 'alpha.example' })).toBe('EMAIL_DOMAIN_TAKEN');
    expect((await data(await tokenOf(bravoAdmin), '{ customer_email_domains { domain } }')).customer_email_domains).toEqual([]);
    expect(await code(await tokenOf(colleague), '{ customer_email_domains { domain } }')).toBe('validation-failed');
  });

  test('a registration confirmed at the domain is approved at once; after removal the next one waits', async () => {
    expect(await registerAndConfirm('newcomer@alpha.example')).toEqual({ ok: true, approvalPending: false });
    expect(typeof (await signIn('newcomer@alpha.example', NEW_PASSWORD))).toBe('object');
    const token = await tokenOf(admin);
    const [domain] = (await data(token, '{ customer_email_domains { id } }')).customer_email_domains;
    expect(await code(await tokenOf(bravoAdmin), REMOVE_DOMAIN, { id: domain.id })).toBe('EMAIL_DOMAIN_NOT_FOUND');
    expect((await data(token, REMOVE_DOMAIN, { id: domain.id })).customerAdminRemoveEmailDomain.ok).toBe(true);
    expect(await registerAndConfirm('later@alpha.example')).toEqual({ ok: true, approvalPending: true });
  });
});

describe('invitations', () => {
  test('an invited address gets a single-use link, chooses a name and password, and signs in with the role it was given', async () => {
    const invited = (await data(await tokenOf(admin), INVITE, { e: 'Ivy@Partner.example', r: 'customer_approver' })).customerAdminInviteUser;
    expect(invited).toMatchObject({ approvalStatus: 'INVITED', role: 'customer_approver' });
    expect(await emailsSeenBy(await tokenOf(colleague))).not.toContain('ivy@partner.example');
    const { token, payload } = (await lastEmail(t, 'ivy@partner.example', 'INVITATION'))!;
    expect(payload).toMatchObject({ customer_name: 'ALPHA Ltd', role: 'customer_approver' });
    expect(await code(null, ACCEPT, { t: token, p: 'ivy-invited' })).toBe('WEAK_PASSWORD');
    expect((await data('', ACCEPT, { t: token, p: NEW_PASSWORD })).customerAcceptInvitation.ok).toBe(true);
    expect(await code(null, ACCEPT, { t: token, p: NEW_PASSWORD })).toBe('TOKEN_ALREADY_USED');
    const session = await signIn('ivy@partner.example', NEW_PASSWORD);
    expect(typeof session === 'object' && session.user.role).toBe('customer_approver');
  });

  test('an address that already has an account cannot be invited, to this company or another', async () => {
    expect(await code(await tokenOf(admin), INVITE, { e: colleague.email, r: 'customer_user' })).toBe('INVITATION_NOT_POSSIBLE');
    expect(await code(await tokenOf(bravoAdmin), INVITE, { e: 'ivy@partner.example', r: 'customer_user' })).toBe('INVITATION_NOT_POSSIBLE');
    expect(await code(await tokenOf(admin), INVITE, { e: 'boss@partner.example', r: 'staff' })).toBe('VALIDATION_FAILED');
  });
});

describe('roles, deactivation and sessions (probe finding 4)', () => {
  test('an administrator changes a colleague’s role among the customer roles only, never their own, never another company’s', async () => {
    const token = await tokenOf(admin);
    expect((await data(token, UPDATE, { u: colleague.id, r: 'customer_approver' })).customerAdminUpdateUser).toEqual({ role: 'customer_approver', active: true });
    expect(await code(token, UPDATE, { u: colleague.id, r: 'staff' })).toBe('VALIDATION_FAILED');
    expect(await code(token, UPDATE, { u: admin.id, r: 'customer_user' })).toBe('CANNOT_CHANGE_OWN_ACCESS');
    expect(await code(token, UPDATE, { u: bravoAdmin.id, a: false })).toBe('USER_NOT_FOUND');
    expect((await t.db.pool.query('select role, active from customer_users where id = $1', [bravoAdmin.id])).rows[0]).toEqual({ role: 'customer_admin', active: true });
  });

  test('ending a colleague’s sessions and deactivating them: their refresh token dies and they cannot sign in until reactivated', async () => {
    const token = await tokenOf(admin);
    const first = await signIn(colleague.email);
    if (typeof first === 'string') throw new Error(first);
    expect((await data(token, END_SESSIONS, { u: colleague.id })).customerAdminEndUserSessions.endedSessions).toBeGreaterThan(0);
    expect(await code(null, REFRESH, { r: first.refreshToken })).toBe('INVALID_REFRESH_TOKEN');
    const second = await signIn(colleague.email);
    if (typeof second === 'string') throw new Error(second);
    expect((await data(token, UPDATE, { u: colleague.id, a: false })).customerAdminUpdateUser.active).toBe(false);
    expect(await code(null, REFRESH, { r: second.refreshToken })).toBe('INVALID_REFRESH_TOKEN');
    expect(await signIn(colleague.email)).toBe('INVALID_CREDENTIALS');
    await data(token, UPDATE, { u: colleague.id, a: true });
    expect(typeof (await signIn(colleague.email))).toBe('object');
    expect(await countRows(t, "select 1 from customer_activity_log where action = 'company.user_changed' and entity_id = $1", [colleague.id])).toBe(3);
  });
});

describe('required two-factor authentication', () => {
  const SET = 'mutation ($id: uuid!, $r: Boolean!) { update_customers_by_pk(pk_columns: {id: $id}, _set: {require_mfa: $r}) { require_mfa } }';
  const LOGIN_STATUS = 'mutation ($e: String!, $p: String!) { customerLogin(email: $e, password: $p) { status mfaTicket session { accessToken } } }';
  const START = 'mutation ($t: String!) { customerStartRequiredMfa(mfaTicket: $t) { secret backupCodes } }';
  const FINISH = 'mutation ($t: String!, $c: String!) { customerFinishRequiredMfa(mfaTicket: $t, code: $c) { accessToken deviceToken user { mfaEnabled } } }';

  test('only the administrator may require it; then a person without a second factor gets no session until they set one up', async () => {
    const person = await createUser(t.db.pool, { tenantId: world.tenantId, customerId: world.alphaId, email: 'mfa-later@alpha.example' });
    const before = await signIn(person.email);
    if (typeof before === 'string') throw new Error(before);
    adminToken = await tokenOf(admin);
    expect(await code(await tokenOf(person), SET, { id: world.alphaId, r: true })).toBe('validation-failed');
    expect((await data(adminToken, SET, { id: world.alphaId, r: true })).update_customers_by_pk.require_mfa).toBe(true);
    expect(await signIn(admin.email)).toBe('MFA_ENROLLMENT_REQUIRED');
    expect(await code(null, REFRESH, { r: before.refreshToken })).toBe('MFA_ENROLLMENT_REQUIRED');

    const login = (await data('', LOGIN_STATUS, { e: person.email, p: PASSWORD })).customerLogin;
    expect(login).toMatchObject({ status: 'MFA_ENROLLMENT_REQUIRED', session: null });
    const { secret } = (await data('', START, { t: login.mfaTicket })).customerStartRequiredMfa;
    expect(await code(null, FINISH, { t: login.mfaTicket, c: '000000' === totpCodeAt(secret, t.clock.now()) ? '111111' : '000000' })).toBe('INVALID_MFA_CODE');
    const session = (await data('', FINISH, { t: login.mfaTicket, c: totpCodeAt(secret, t.clock.now()) })).customerFinishRequiredMfa;
    expect(session.user.mfaEnabled).toBe(true);
    expect(session.deviceToken).toEqual(expect.any(String));
    expect(await code(null, FINISH, { t: login.mfaTicket, c: totpCodeAt(secret, t.clock.now()) })).toBe('MFA_TICKET_INVALID');
    expect(await code(session.accessToken, 'mutation { customerDisableMFA(currentPassword: "Correct-Horse-Battery-77") { accessToken } }')).toBe('MFA_REQUIRED_BY_COMPANY');
    expect((await data(session.accessToken, '{ sales_orders { id } }')).sales_orders).toEqual([]);
  });

  test('a ticket of someone whose company does not require it cannot be used to skip anything', async () => {
    await data(adminToken, SET, { id: world.alphaId, r: false });
    const bravoUser = await createUser(t.db.pool, { tenantId: world.tenantId, customerId: world.bravoId, email: 'plain@bravo.example' });
    const login = (await data('', LOGIN_STATUS, { e: bravoUser.email, p: PASSWORD })).customerLogin;
    expect(login.status).toBe('SIGNED_IN');
    expect(await code(null, START, { t: 'x'.repeat(40) })).toBe('MFA_TICKET_INVALID');
  });
});
