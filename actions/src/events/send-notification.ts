import { z } from 'zod';
import { ActionError } from '../errors/action-error.ts';
import type { EventHandler } from '../http/define-event-handler.ts';
import { deliverNotification } from '../notifications/deliver.ts';

const insertedRow = z.object({ id: z.string().uuid() });


/** Event trigger `send_notification` (inserts into notifications): renders and sends the email. */
export const sendNotificationHandler: EventHandler = {
  trigger: 'send_notification',
  path: 'send-notification',
  async handle(deps, event) {
    const row = insertedRow.safeParse(event.new);
    if (event.op !== 'INSERT' || !row.success) return { skipped: 'not an inserted notification' };
    const outcome = await deliverNotification(deps, row.data.id, event.currentRetry >= event.maxRetries);
    deps.logger.info({ event: event.id, notification: row.data.id, status: outcome.status, retry: event.currentRetry }, 'notification delivery');
    // A 5xx makes Hasura try again per the trigger's retry_conf; the row keeps the provider's reason.
    if (outcome.retry) throw new ActionError('MAIL_UNAVAILABLE');
    return { status: outcome.status };
  },
};
