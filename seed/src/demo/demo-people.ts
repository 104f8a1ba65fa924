import bcrypt from 'bcrypt';
import { hashApiKey, splitApiKey } from '@portal/actions/api-keys';
import { DEMO_ACCOUNTS, DEMO_COMPANIES, DEMO_INTEGRATORS, DEMO_TENANT } from '../demo-accounts.ts';
import type { CustomerRow, IntegratorRow, TenantRow, UserRow } from '../tables.ts';
import { addDays, addHours } from '../time.ts';
import type { DemoContext } from './demo-context.ts';

/** The tenant joined a year ago; its customers shortly after. */
export function demoTenant(ctx: DemoContext): TenantRow {
  return {
    id: ctx.tenantId, slug: DEMO_TENANT.slug, name: DEMO_TENANT.name,
    default_currency_code: DEMO_TENANT.currencyCode, support_email: DEMO_TENANT.supportEmail,
    created_at: addDays(ctx.now, -400),
  };
}

export function demoCustomers(ctx: DemoContext): CustomerRow[] {
  return DEMO_COMPANIES.map((company, i) => {
    const since = addDays(ctx.now, -380 + i * 20);
    return {
      id: ctx.id('customer', company.code), tenant_id: ctx.tenantId, customer_code: company.code,
      name: company.name, billing_email: company.billingEmail, phone: company.phone,
      currency_code: DEMO_TENANT.currencyCode, credit_limit: company.creditLimit, approval_limit: company.approvalLimit, active: true,
      internal_notes: i === 0 ? 'Prefers FedEx; ships to the roastery, not the office.' : null,
      created_at: since, updated_at: since,
    };
  });
}

/** One bcrypt hash per account (each with its own salt), computed in parallel. */
export async function demoUsers(ctx: DemoContext, bcryptCost: number): Promise<UserRow[]> {
  const hashes = await Promise.all(DEMO_ACCOUNTS.map((account) => bcrypt.hash(account.password, bcryptCost)));
  return DEMO_ACCOUNTS.map((account, i) => {
    const since = addDays(ctx.now, -360 + i * 7);
    return {
      id: ctx.id('user', account.email), tenant_id: ctx.tenantId,
      customer_id: account.company === null ? null : ctx.id('customer', account.company),
      role: account.role, email: account.email, email_verified_at: addHours(since, 1), password_hash: hashes[i]!,
      first_name: account.firstName, last_name: account.lastName, phone: null, job_title: account.jobTitle,
      preferred_language: account.language, timezone: account.timezone,
      last_login_at: addHours(ctx.now, -(i * 5 + 2)), password_changed_at: since, active: true,
      created_at: since, updated_at: since,
    };
  });
}

export function demoIntegrators(ctx: DemoContext): IntegratorRow[] {
  return DEMO_INTEGRATORS.map((integrator, i) => {
    const since = addDays(ctx.now, -200 + i * 30);
    return {
      id: ctx.id('integrator', integrator.name), tenant_id: ctx.tenantId,
      customer_id: integrator.company === null ? null : ctx.id('customer', integrator.company),
      name: integrator.name, key_prefix: splitApiKey(integrator.apiKey).prefix, key_hash: hashApiKey(integrator.apiKey),
      active: true, last_used_at: addHours(ctx.now, -3 - i), created_at: since, updated_at: since,
    };
  });
}
