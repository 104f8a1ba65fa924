import { JsonLinesSink } from './event-sink.ts';
import { startOrderFeed } from './order-feed.ts';

/**
 * `npm start -w @portal/example-integrator`: follows the order status events of the key's company
 * (or tenant) into a JSON-lines file until Ctrl-C. PORTAL_GRAPHQL_URL, PORTAL_API_KEY, EVENTS_FILE.
 */
const graphqlUrl = process.env.PORTAL_GRAPHQL_URL ?? 'http://127.0.0.1:8080/v1/graphql';
const apiKey = process.env.PORTAL_API_KEY;
const file = process.env.EVENTS_FILE ?? 'order-status-events.jsonl';
if (!apiKey) {
  console.error('Set PORTAL_API_KEY to the API key your printer gave you (with npm start: demo_bluepeak_erp.4e7a0c93b15d28f6a9c0e31d7b42f85a).');
  process.exit(2);
}

const sink = new JsonLinesSink(file);
const feed = startOrderFeed({
  graphqlUrl,
  apiKey,
  sink: {
    lastEventNumber: () => sink.lastEventNumber(),
    write: async (event) => {
      await sink.write(event);
      console.log(`#${event.event_number} order ${event.order_id}: ${event.from_status ?? '—'} → ${event.to_status}`);
    },
  },
  log: (message, details) => console.error(JSON.stringify({ time: new Date().toISOString(), message, ...details })),
});
process.once('SIGINT', () => void feed.stop());
feed.finished.then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
