import { beforeAll, describe, expect, test } from 'vitest';
import { hashApiKey } from '../src/auth/api-keys.ts';
import { totpCodeAt } from '../src/auth/totp.ts';
import { DEV_ACTION_SECRET, DEV_JWT_SECRET } from '../src/config/dev-defaults.ts';
import { ACCOUNT_ACTIONS } from '../src/handlers/index.ts';
import { createUser, createWorld, PASSWORD, type World } from './support/fixtures.ts';
import { liveLinkToken } from './support/flows.ts';
import { startGraphQLEngine } from './support/graphql-engine.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

/**
 * The acceptance test through a GraphQL engine: GraphQL in at /v1/graphql, the engine calls this
 * server with the metadata's handler URL and secret header, and the tokens minted here authenticate
 * later requests with exactly the user's role and ids.
 */
let t: TestServer;
let world: World;
let engineUrl: string;

beforeAll(async () => {
  t = await startTestServer();
  world = await createWorld(t.db.pool);
  const engine = await startGraphQLEngine({
    HASURA_GRAPHQL_DATABASE_URL: t.db.url,
    PG_DATABASE_URL: t.db.url,
    HASURA_GRAPHQL_LOG_LEVEL: 'error',
    HASURA_GRAPHQL_ADMIN_SECRET: 'engine-test-admin-secret',
    HASURA_GRAPHQL_JWT_SECRET: DEV_JWT_SECRET,
    HASURA_GRAPHQL_UNAUTHORIZED_ROLE: 'anonymous',
    ACTION_BASE_URL: t.url,
    ACTION_SECRET: DEV_ACTION_SECRET,
  });
  engineUrl = engine.url;
  return () => engine.stop();
});

async function gql(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<any> {
  const response = await fetch(`${engineUrl}/v1/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  expect(response.status).toBe(200);
  return response.json();
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const LOGIN = `mutation ($email: String!, $password: String!, $mfaCode: String) {
  customerLogin(email: $email, password: $password, mfaCode: $mfaCode) {
    status mfaTicket session { accessToken refreshToken sessionId user { id customerCode mfaEnabled } }
  }
}`;

describe('through the dev engine', () => {
  test('a JWT minted by customerLogin gives exactly the user’s role and ids, and no more', async () => {
    const a = await createUser(t.db.pool, { tenantId: world.tenantId, customerId: world.alphaId, email: 'eng-a@alpha.example' });
    await createUser(t.db.pool, { tenantId: world.tenantId, customerId: world.bravoId, email: 'eng-b@bravo.example' });
    const { data } = await gql(LOGIN, { email: a.email, password: PASSWORD });
    const token = data.customerLogin.session.accessToken;
    const seen = await gql('{ customerMe { id customerId tenantId role } customer_users { id customer_id } }', {}, bearer(token));
    expect(seen.data.customerMe).toEqual({ id: a.id, customerId: world.alphaId, tenantId: world.tenantId, role: 'customer_user' });
    expect(seen.data.customer_users).toEqual([{ id: a.id, customer_id: world.alphaId }]);
    const upgrade = await gql('{ customer_users { id } }', {}, { ...bearer(token), 'x-hasura-role': 'customer_admin' });
    expect(upgrade.errors[0]).toMatchObject({ message: 'Your requested role is not in allowed roles', extensions: { code: 'access-denied' } });
  });

  test('handler errors reach the client with their code', async () => {
    const { errors } = await gql(LOGIN, { email: 'nobody@alpha.example', password: 'Wrong-Password-1' });
    expect(errors).toEqual([{ message: 'The email address or password is incorrect.', extensions: { code: 'INVALID_CREDENTIALS' } }]);
  });

  test('every account action answers through /v1/graphql (the quote and company tests drive theirs)', async () => {
    const email = 'journey@alpha.example';
    // A confirmed address at ALPHA's verified domain is approved at once (waiting is company-accounts-engine.test.ts's).
    await t.db.pool.query("insert into customer_email_domains (tenant_id, customer_id, domain) values ($1, $2, 'alpha.example')", [world.tenantId, world.alphaId]);
    const done = new Set<string>();
    const run = async (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) => {
      const body = await gql(query, variables, headers);
      expect(body.errors, query).toBeUndefined();
      for (const field of Object.keys(body.data)) done.add(field);
      return body.data;
    };
    await run('mutation { customerRegister(customerCode: "ALPHA", email: "journey@alpha.example", password: "Plate-Maker-Cyan-Magenta", firstName: "Jo", lastName: "Ur") { accepted } }');
    await run('mutation ($e: String!) { customerResendVerificationEmail(email: $e) { accepted } }', { e: email });
    await run('mutation ($t: String!) { customerVerifyEmail(token: $t) { ok } }', { t: await liveLinkToken(t, email, 'EMAIL_VERIFICATION') });
    let password = 'Plate-Maker-Cyan-Magenta';
    let session = (await run(LOGIN, { email, password })).customerLogin.session;
    session = (await run('mutation ($r: String!) { customerRefreshToken(refreshToken: $r) { accessToken refreshToken sessionId } }', { r: session.refreshToken })).customerRefreshToken;
    await run('{ customerMe { id } customerSessions { id } }', {}, bearer(session.accessToken));
    const enrolled = (await run('mutation ($p: String!) { customerEnrollMFA(currentPassword: $p) { secret backupCodes } }', { p: password }, bearer(session.accessToken))).customerEnrollMFA;
    session = (await run('mutation ($c: String!) { customerVerifyMFA(code: $c) { accessToken refreshToken sessionId } }', { c: totpCodeAt(enrolled.secret, t.clock.now()) }, bearer(session.accessToken))).customerVerifyMFA;
    const challenge = (await run(LOGIN, { email, password })).customerLogin;
    expect(challenge.status).toBe('MFA_REQUIRED');
    const second = (await run('mutation ($m: String!, $c: String!) { customerLoginMfa(mfaTicket: $m, code: $c) { sessionId } }', { m: challenge.mfaTicket, c: enrolled.backupCodes[0] })).customerLoginMfa;
    await run('mutation ($s: uuid!) { customerRevokeSession(sessionId: $s) { ok } }', { s: second.sessionId }, bearer(session.accessToken));
    session = (await run('mutation ($p: String!, $n: String!) { customerChangePassword(currentPassword: $p, newPassword: $n) { accessToken refreshToken } }', { p: password, n: 'Bleed-Trim-Gutter-Spine' }, bearer(session.accessToken))).customerChangePassword;
    password = 'Bleed-Trim-Gutter-Spine';
    await run('mutation ($e: String!) { customerRequestPasswordReset(email: $e) { accepted } }', { e: email });
    await run('mutation ($t: String!) { customerResetPassword(token: $t, newPassword: "Halftone-Screen-Angle-45") { ok } }', { t: await liveLinkToken(t, email, 'PASSWORD_RESET') });
    password = 'Halftone-Screen-Angle-45';
    // The engine checks `iat` against the real clock, so this test leaves the server's clock alone
    // and spends a second backup code rather than waiting for the next TOTP step.
    const ticket = (await run(LOGIN, { email, password })).customerLogin.mfaTicket;
    session = (await run('mutation ($m: String!, $c: String!) { customerLoginMfa(mfaTicket: $m, code: $c) { accessToken refreshToken } }', { m: ticket, c: enrolled.backupCodes[1] })).customerLoginMfa;
    session = (await run('mutation ($p: String!) { customerDisableMFA(currentPassword: $p) { accessToken refreshToken } }', { p: password }, bearer(session.accessToken))).customerDisableMFA;
    await run('mutation ($r: String!) { customerLogout(refreshToken: $r, allSessions: true) { revokedSessions } }', { r: session.refreshToken }, bearer(session.accessToken));
    await t.db.pool.query("insert into integrator_clients (tenant_id, name, key_prefix, key_hash) values ($1, 'ERP', 'engine_erp', $2)", [world.tenantId, hashApiKey('engine_erp.0123456789abcdef0123')]);
    await run('mutation { integratorToken(apiKey: "engine_erp.0123456789abcdef0123") { accessToken expiresAt } }');
    // Required two-factor set-up at sign-in is driven by company-accounts-engine.test.ts.
    const REQUIRED_MFA = ['customerStartRequiredMfa', 'customerFinishRequiredMfa'];
    expect([...done].sort()).toEqual(ACCOUNT_ACTIONS.map((action) => action.name).filter((name) => !REQUIRED_MFA.includes(name)).sort());
  });
});
