import bcrypt from 'bcrypt';
import { hashApiKey, splitApiKey } from '@portal/actions/api-keys';
import { DEMO_PASSWORD } from '../demo-accounts.ts';
import type { CustomerRow, IntegratorRow, TenantRow, UserRow } from '../tables.ts';
import { addDays } from '../time.ts';
import { CITIES, COMPANY_KINDS, COMPANY_PREFIXES, FIRST_NAMES, JOB_TITLES, LAST_NAMES, STREETS, TIMEZONES } from './names.ts';
import type { ScaleCustomer, ScaleUser, ScaleWorld } from './scale-world.ts';

export interface ScalePeople {
  tenant: TenantRow;
  customers: CustomerRow[];
  users: UserRow[];
  integrators: IntegratorRow[];
}

/** The API key of a scale tenant's integrator: public, for load tests only. */
export function scaleIntegratorKey(slug: string): string {
  return `load_${slug.replaceAll('-', '_')}.load-test-key-not-secret`;
}

function customerRow(world: ScaleWorld, index: number): { row: CustomerRow; customer: ScaleCustomer } {
  const random = world.random('customer', index);
  const prefix = random.pick(COMPANY_PREFIXES);
  const name = `${prefix} ${random.pick(COMPANY_KINDS)}`;
  const initials = name.split(/\s+/).map((word) => word[0]!.toUpperCase()).join('').replace(/[^A-Z]/g, '');
  const code = `${initials}-${String(index + 1).padStart(5, '0')}`;
  const [city, region, zip] = random.pick(CITIES);
  const since = addDays(world.start, -random.int(1, 400));
  const id = world.id('customer', index);
  const row: CustomerRow = {
    id, tenant_id: world.tenantId, customer_code: code, name, billing_email: `accounts@${code.toLowerCase()}.example`,
    phone: `+1 555 01${random.digits(2)}`, currency_code: 'USD', credit_limit: `${random.int(5, 100) * 1000}.00`,
    // No approval limits: the generated approvals were made by approvers regardless of amount.
    approval_limit: null,
    active: random.chance(0.97), internal_notes: null, created_at: since, updated_at: since,
  };
  const address = { name, line1: `${random.int(10, 9999)} ${random.pick(STREETS)}`, city, region, postal_code: `${zip}${random.digits(2)}`, country: 'US' };
  const weight = random.chance(0.1) ? random.int(5, 12) : random.int(1, 3);
  return { row, customer: { id, code, name, address, taxBasisPoints: random.int(0, 10) * 100, weight, users: [], approvers: [] } };
}

/** Customer users: the first three of each company are its admin, approver and user; the rest mostly users. */
function roleOf(index: number, customers: number, roll: number): string {
  if (index < customers) return 'customer_admin';
  if (index < customers * 2) return 'customer_approver';
  if (index < customers * 3) return 'customer_user';
  return roll < 0.72 ? 'customer_user' : roll < 0.95 ? 'customer_approver' : 'customer_admin';
}

function userRow(world: ScaleWorld, index: number, customer: ScaleCustomer | null, role: string, passwordHash: string): UserRow {
  const random = world.random('user', index);
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  const domain = customer ? `${customer.code.toLowerCase()}.example` : `${world.plan.slug}.example`;
  const since = addDays(world.start, -random.int(0, 300));
  const chinese = random.chance(0.05);
  return {
    id: world.id('user', index), tenant_id: world.tenantId, customer_id: customer?.id ?? null, role,
    email: `${first}.${last}.${index + 1}@${domain}`.toLowerCase(), email_verified_at: random.chance(0.95) ? since : null,
    password_hash: passwordHash, first_name: first, last_name: last, phone: null, job_title: random.pick(JOB_TITLES),
    preferred_language: chinese ? 'zh-CN' : 'en-US', timezone: chinese ? 'Asia/Shanghai' : random.pick(TIMEZONES),
    last_login_at: random.chance(0.8) ? addDays(world.now, -random.next() * 60) : null, password_changed_at: since,
    active: random.chance(0.98), created_at: since, updated_at: since,
  };
}

/** One tenant-wide integrator whose key is {@link scaleIntegratorKey}. */
function integratorRow(world: ScaleWorld, createdAt: Date): IntegratorRow {
  const key = scaleIntegratorKey(world.plan.slug);
  return {
    id: world.id('integrator', 0), tenant_id: world.tenantId, customer_id: null, name: 'Load test integrator',
    key_prefix: splitApiKey(key).prefix, key_hash: hashApiKey(key), active: true, last_used_at: null,
    created_at: createdAt, updated_at: createdAt,
  };
}

function remember(target: ScaleUser[], row: UserRow): void {
  target.push({ id: row.id, email: row.email, role: row.role, customerId: row.customer_id });
}

/**
 * Tenant, customers, staff and customer users. Every generated user gets the same bcrypt hash of
 * the demo password, computed once: hashing 10,000 passwords at cost 12 would take most of an hour.
 */
export async function scalePeople(world: ScaleWorld, bcryptCost: number): Promise<ScalePeople> {
  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, bcryptCost);
  const { plan } = world;
  const tenant: TenantRow = {
    id: world.tenantId, slug: plan.slug, name: `Load test printer (x${plan.scale})`, default_currency_code: 'USD',
    support_email: `support@${plan.slug}.example`, created_at: addDays(world.start, -400),
  };
  const made = Array.from({ length: plan.customers }, (_, i) => customerRow(world, i));
  world.customers = made.map((m) => m.customer);
  const users: UserRow[] = [];
  for (let i = 0; i < plan.staff; i++) {
    users.push(userRow(world, i, null, 'staff', passwordHash));
    remember(world.staff, users[i]!);
  }
  for (let j = 0; j < plan.users - plan.staff; j++) {
    const customer = world.customers[j % plan.customers]!;
    const role = roleOf(j, plan.customers, world.random('role', j).next());
    const row = userRow(world, plan.staff + j, customer, role, passwordHash);
    users.push(row);
    remember(customer.users, row);
    if (role !== 'customer_user') remember(customer.approvers, row);
  }
  return { tenant, customers: made.map((m) => m.row), users, integrators: [integratorRow(world, tenant.created_at)] };
}
