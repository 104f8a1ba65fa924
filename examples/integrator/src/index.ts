export { JsonLinesSink, type EventSink, type OrderStatusEvent } from './event-sink.ts';
export { fetchIntegratorToken, KeyRefusedError, type IntegratorToken } from './integrator-token.ts';
export { SinkError, startOrderFeed, type OrderFeed, type OrderFeedOptions } from './order-feed.ts';
