import { resolve } from 'node:path';
import { startThrowawayServer } from '@portal/dev-db';
import { folderLines, summaryLine, transportLines, TRANSPORT_NOTE } from './report.ts';
import { runConformance } from './runner.ts';

/**
 * `npm run conformance -w @portal/hasura -- <dir>`: runs Hasura's fixtures below <dir> against
 * the dev engine, on DATABASE_URL's server or a throwaway embedded PostgreSQL. Exits 1 when a
 * test failed.
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const httpOnly = args.includes('--http-only');
  const [dirArg, ...extra] = args.filter((arg) => arg !== '--verbose' && arg !== '--http-only');
  if (!dirArg || extra.length > 0) {
    process.stderr.write('usage: npm run conformance -w @portal/hasura -- <fixture dir> [--verbose] [--http-only]\n');
    return 2;
  }
  // npm runs workspace scripts in the workspace folder; a relative path means where npm was called.
  const root = resolve(process.env.INIT_CWD ?? process.cwd(), dirArg);
  const postgres = await startThrowawayServer(process.env.DATABASE_URL, 'conformance');
  try {
    const report = await runConformance(root, {
      adminUrl: postgres.adminUrl,
      transports: httpOnly ? ['http'] : ['http', 'websocket'],
      onFolder: (folder) => folderLines(folder, verbose).forEach((line) => process.stdout.write(`${line}\n`)),
    });
    process.stdout.write([TRANSPORT_NOTE, ...transportLines(report), summaryLine(report)].map((line) => `${line}\n`).join(''));
    return report.failed > 0 ? 1 : 0;
  } finally {
    await postgres.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`conformance: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
