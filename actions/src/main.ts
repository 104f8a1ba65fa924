import { readActionsConfig } from './config/config.ts';
import { startActionServer } from './server.ts';

/** `npm run start -w @portal/actions`: the action server alone, configured from the environment. */
const server = await startActionServer(readActionsConfig(process.env));
process.stdout.write(`Action server ready at ${server.url}. Press Ctrl-C to stop.\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
