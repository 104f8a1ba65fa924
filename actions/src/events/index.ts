import type { EventHandler } from '../http/define-event-handler.ts';
import { artworkScan } from './artwork-scan.ts';
import { sendNotificationHandler } from './send-notification.ts';
import { webhookFanout } from './webhook-fanout.ts';

/** Every event trigger handler the server runs; the tables' event_triggers must call exactly these (a test checks). */
export const EVENT_HANDLERS: readonly EventHandler[] = [artworkScan, sendNotificationHandler, webhookFanout];
