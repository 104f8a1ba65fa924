import type { UserRole } from '@portal/common';

/**
 * The demo tenant's sign-in accounts: the one list the seed, the README, the tests and the
 * end-to-end tests share. Everything here is public demo data; never reuse it in production.
 *
 * MFA is off for every account: an MFA secret is stored encrypted with the action server's key,
 * which the seed does not have.
 */
export const DEMO_TENANT = {
  slug: 'demo-printer',
  name: 'Harbourside Print Co.',
  supportEmail: 'support@demo-printer.example',
  currencyCode: 'USD',
} as const;

/** Every demo account signs in with this password. */
export const DEMO_PASSWORD = 'PrintDemo-2026!';

export interface DemoCompany {
  code: string;
  name: string;
  domain: string;
  billingEmail: string;
  phone: string;
  creditLimit: string;
  /** Above this quote total only the company's customer_admin may approve (null: no limit). */
  approvalLimit: string | null;
  address: { line1: string; city: string; region: string; postal_code: string; country: string };
}

export const DEMO_COMPANIES: readonly DemoCompany[] = [
  {
    code: 'BLUEPEAK', name: 'Bluepeak Coffee Roasters', domain: 'bluepeak.example',
    billingEmail: 'accounts@bluepeak.example', phone: '+1 503 555 0142', creditLimit: '25000.00', approvalLimit: '5000.00',
    address: { line1: '1180 NW Marshall St', city: 'Portland', region: 'OR', postal_code: '97209', country: 'US' },
  },
  {
    code: 'MERIDIAN', name: 'Meridian Health Clinics', domain: 'meridian.example',
    billingEmail: 'payables@meridian.example', phone: '+1 206 555 0187', creditLimit: '50000.00', approvalLimit: null,
    address: { line1: '400 Pine St, Suite 900', city: 'Seattle', region: 'WA', postal_code: '98101', country: 'US' },
  },
  {
    code: 'OAKRIDGE', name: 'Oakridge Community College', domain: 'oakridge.example',
    billingEmail: 'purchasing@oakridge.example', phone: '+1 541 555 0163', creditLimit: '15000.00', approvalLimit: null,
    address: { line1: '2200 College Way', city: 'Eugene', region: 'OR', postal_code: '97405', country: 'US' },
  },
];

export interface DemoAccount {
  email: string;
  password: string;
  role: UserRole;
  /** Customer code of the company; null for the printer's staff. */
  company: string | null;
  /** The company's name, or the printer's name for staff (for display). */
  companyName: string;
  firstName: string;
  lastName: string;
  jobTitle: string;
  language: 'en-US' | 'zh-CN';
  timezone: string;
}

function account(
  email: string, role: UserRole, company: string | null, name: [string, string], jobTitle: string,
  language: DemoAccount['language'] = 'en-US', timezone = 'America/Los_Angeles',
): DemoAccount {
  const companyName = company === null ? DEMO_TENANT.name : DEMO_COMPANIES.find((c) => c.code === company)!.name;
  return { email, password: DEMO_PASSWORD, role, company, companyName, firstName: name[0], lastName: name[1], jobTitle, language, timezone };
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  account('staff@demo-printer.example', 'staff', null, ['Sam', 'Carter'], 'Customer service'),
  account('production@demo-printer.example', 'staff', null, ['Priya', 'Nair'], 'Production manager'),
  account('user@bluepeak.example', 'customer_user', 'BLUEPEAK', ['Lena', 'Fischer'], 'Marketing coordinator'),
  account('approver@bluepeak.example', 'customer_approver', 'BLUEPEAK', ['Marcus', 'Webb'], 'Brand manager'),
  account('admin@bluepeak.example', 'customer_admin', 'BLUEPEAK', ['Olivia', 'Grant'], 'Operations director'),
  account('user@meridian.example', 'customer_user', 'MERIDIAN', ['Daniel', 'Ortiz'], 'Communications assistant'),
  account('approver@meridian.example', 'customer_approver', 'MERIDIAN', ['Wei', 'Chen'], 'Procurement lead', 'zh-CN', 'Asia/Shanghai'),
  account('admin@meridian.example', 'customer_admin', 'MERIDIAN', ['Grace', 'Holloway'], 'Office manager'),
  account('user@oakridge.example', 'customer_user', 'OAKRIDGE', ['Tom', 'Becker'], 'Events officer'),
  account('approver@oakridge.example', 'customer_approver', 'OAKRIDGE', ['Aisha', 'Rahman'], 'Head of marketing'),
  account('admin@oakridge.example', 'customer_admin', 'OAKRIDGE', ['Hannah', 'Lee'], 'Purchasing manager'),
];

export interface DemoIntegrator {
  name: string;
  /** Customer code when the client sees one customer only; null for the whole tenant. */
  company: string | null;
  /** The full API key, `<key_prefix>.<secret>`; the database stores only its SHA-256. */
  apiKey: string;
}

export const DEMO_INTEGRATORS: readonly DemoIntegrator[] = [
  { name: 'ShipStream shipping sync', company: null, apiKey: 'demo_shipstream.9f2c41d8a7e35b60c1d4e8f27a9b3c5d' },
  { name: 'Bluepeak ERP connector', company: 'BLUEPEAK', apiKey: 'demo_bluepeak_erp.4e7a0c93b15d28f6a9c0e31d7b42f85a' },
];

/** The account with this role (in this company, when given); throws when the list has none. */
export function demoAccount(role: UserRole, company?: string): DemoAccount {
  const found = DEMO_ACCOUNTS.find((a) => a.role === role && (company === undefined || a.company === company));
  if (!found) throw new Error(`no demo account with role ${role}${company ? ` in ${company}` : ''}`);
  return found;
}
