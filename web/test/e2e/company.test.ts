import { describe, expect, test } from 'vitest';
import { CHROMIUM, hasChromium, hydrated, INSTALL_CHROMIUM, screenshot } from './browser.ts';
import { usePortal } from './portal-harness.ts';

const CHROMIUM_MISSING = `skipped: ${CHROMIUM} is missing; install Debian's Chromium with \`${INSTALL_CHROMIUM}\``;
const ADMIN = 'admin@bluepeak.example';
const NEW_PASSWORD = 'green kettle morning harbour';

if (!hasChromium) console.warn(`company account end-to-end tests ${CHROMIUM_MISSING}`);

describe.skipIf(!hasChromium)(`a company administrator manages who gets in, in Chromium${hasChromium ? '' : ` (${CHROMIUM_MISSING})`}`, () => {
  const portal = usePortal('company account');
  const { db, mailLink, newPage, signIn } = portal;

  test('a stranger with the customer code waits until the administrator approves them; an invited colleague joins and meets the required second factor', async (ctx) => {
    const stranger = `sam.${Date.now()}@freelance.example`;
    const visitor = await newPage(ctx, 390);
    await visitor.goto(`${portal.base}/register`);
    await hydrated(visitor);
    await visitor.getByLabel('Customer code').fill('BLUEPEAK');
    await visitor.getByLabel('First name').fill('Sam');
    await visitor.getByLabel('Last name').fill('Stranger');
    await visitor.getByLabel('Work email address').fill(stranger);
    await visitor.getByLabel('Password').fill(NEW_PASSWORD);
    await visitor.getByRole('button', { name: 'Create account' }).click();
    await visitor.getByRole('status').filter({ hasText: 'we have sent a confirmation link' }).waitFor();
    await visitor.goto(await mailLink(stranger, /Confirm your email/));
    await hydrated(visitor);
    await visitor.getByRole('button', { name: 'Confirm my email address' }).click();
    await visitor.getByText('must now approve your account').waitFor();
    await visitor.getByLabel('Email address').fill(stranger);
    await visitor.getByLabel('Password').fill(NEW_PASSWORD);
    await visitor.getByRole('button', { name: 'Sign in' }).click();
    await visitor.getByRole('alert').filter({ hasText: 'has not approved your account yet' }).waitFor();

    const admin = await newPage(ctx, 390);
    await signIn(admin, ADMIN, '/');
    await admin.goto(`${portal.base}/company/users`);
    await hydrated(admin);
    const waiting = admin.locator(`li[data-person="${stranger}"]`);
    await waiting.getByRole('button', { name: 'Approve' }).click();
    await waiting.getByRole('status').filter({ hasText: 'Approved' }).waitFor();
    await screenshot(admin, 'company-people-phone');
    const [approved] = await db<{ approval_status: string }>('select approval_status from public.customer_users where email = $1', [stranger]);
    expect(approved?.approval_status).toBe('APPROVED');

    const invitee = `ivy.${Date.now()}@bluepeak.example`;
    await admin.getByLabel('Email address').fill(invitee);
    await admin.getByLabel('Role', { exact: true }).selectOption('customer_approver');
    await admin.getByRole('button', { name: 'Send the invitation' }).click();
    await admin.getByRole('status').filter({ hasText: `Invitation sent to ${invitee}` }).waitFor();

    await admin.goto(`${portal.base}/company`);
    await hydrated(admin);
    await admin.getByRole('button', { name: 'Require two-factor authentication for everyone' }).click();
    await admin.getByRole('status').filter({ hasText: 'Two-factor authentication is now required' }).waitFor();

    const joiner = await newPage(ctx, 390);
    await joiner.goto(await mailLink(invitee, /invited you/));
    await hydrated(joiner);
    await joiner.getByLabel('First name').fill('Ivy');
    await joiner.getByLabel('Last name').fill('Invited');
    await joiner.getByLabel('Password', { exact: true }).fill(NEW_PASSWORD);
    await joiner.getByLabel('Password again').fill(NEW_PASSWORD);
    await joiner.getByRole('button', { name: 'Accept and set up my account' }).click();
    await joiner.waitForURL(`${portal.base}/sign-in?notice=invitation-accepted`);
    await hydrated(joiner);
    await joiner.getByLabel('Email address').fill(invitee);
    await joiner.getByLabel('Password').fill(NEW_PASSWORD);
    await joiner.getByRole('button', { name: 'Sign in' }).click();
    await joiner.waitForURL(/\/sign-in\/mfa-setup/);
    await hydrated(joiner);
    await joiner.getByRole('button', { name: 'Set up my authenticator app' }).click();
    await joiner.getByRole('img', { name: 'QR code for setting up your authenticator app' }).waitFor();
    const [person] = await db<{ role: string; mfa_pending: boolean }>(
      'select role, mfa_pending_secret_encrypted is not null as mfa_pending from public.customer_users where email = $1',
      [invitee],
    );
    expect(person).toEqual({ role: 'customer_approver', mfa_pending: true });

    await admin.goto(`${portal.base}/company/activity?area=company`);
    await hydrated(admin);
    await admin.getByText('Approved a person').first().waitFor();
    await admin.getByText('Invited a person').first().waitFor();
    const csv = await admin.request.get(`${portal.base}/company/activity/export.csv?area=company`);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(await csv.text()).toContain(invitee);
  }, 120_000);
});
