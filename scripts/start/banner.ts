import { DEMO_ACCOUNTS } from '@portal/seed';

export interface StackSummary {
  databaseUrl: string;
  embedded: boolean;
  applied: number;
  seeded: boolean;
  engineUrl: string;
  actionsUrl: string;
  webUrl: string;
  mailboxUrl: string;
  storage: string;
  scanner: string;
}

function withoutPassword(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** What `npm start` tells a person once everything is up. The last line is the readiness signal. */
export function startupBanner(summary: StackSummary): string {
  const accounts = DEMO_ACCOUNTS.map(
    (account) => `  ${account.email.padEnd(34)} ${account.password.padEnd(22)} ${account.role.padEnd(18)} ${account.companyName}`,
  );
  return [
    '',
    'Print customer portal: development stack',
    `  Web portal   ${summary.webUrl}`,
    `  PostgreSQL   ${withoutPassword(summary.databaseUrl)}${summary.embedded ? '  (embedded)' : ''}`,
    `  Schema       ${summary.applied} migration(s) applied now, all up to date`,
    `  Demo data    ${summary.seeded ? 'seeded now' : 'already present, reused'}`,
    `  GraphQL      ${summary.engineUrl}/v1/graphql  (Hasura-compatible dev engine)`,
    `  Actions      ${summary.actionsUrl}`,
    `  Mailbox      ${summary.mailboxUrl}  (development only: the portal's email arrives here)`,
    `  Storage      ${summary.storage}`,
    `  Virus scan   ${summary.scanner}`,
    '',
    'Demo sign-ins (email, password, role, company):',
    ...accounts,
    '',
    'Ready. Press Ctrl-C to stop.',
    '',
  ].join('\n');
}
