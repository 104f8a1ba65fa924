import { Client } from '@sendgrid/client';
import { MailService } from '@sendgrid/mail';
import type { ActionsConfig } from '../config/config.ts';
import type { Mailer, OutgoingEmail, SendResult } from './mailer.ts';

/** Provider answers a later try can fix: a bad key or missing permission (an operator fixes it), throttling, outages. */
const RETRYABLE_STATUS = new Set([401, 403, 408, 429]);

interface ProviderError {
  code?: number;
  message?: string;
  response?: { body?: { errors?: Array<{ message?: string; field?: string | null }> } };
}

/** The provider's own words for a refusal, without the request (which holds the message and the key). */
function reasonOf(error: ProviderError): string {
  const first = error.response?.body?.errors?.[0];
  const detail = first?.message ? `${first.message}${first.field ? ` (${first.field})` : ''}` : (error.message ?? 'unknown error');
  return error.code ? `HTTP ${error.code}: ${detail}` : detail;
}

function classify(error: unknown): SendResult {
  const failure = (error ?? {}) as ProviderError;
  const reason = reasonOf(failure).slice(0, 500);
  const status = failure.code;
  if (typeof status === 'number' && status >= 400 && status < 500 && !RETRYABLE_STATUS.has(status)) return { outcome: 'refused', reason };
  return { outcome: 'unavailable', reason };
}

/**
 * Sends through SendGrid's v3 mail API with the official client. `mail.apiUrl` points the same
 * client at another address (the development mailbox, a test receiver). Click and open tracking are
 * turned off: our links stay ours and no pixel is added.
 */
export function createSendGridMailer(mail: ActionsConfig['mail']): Mailer {
  // Our own client, not the shared default one, so two configurations can live in one process.
  const client = new Client();
  client.setApiKey(mail.apiKey);
  // After setApiKey, which resets the address to SendGrid's.
  if (mail.apiUrl) client.setDefaultRequest('baseUrl', mail.apiUrl);
  const service = new MailService();
  service.setClient(client);
  service.setTimeout(mail.timeoutMs);
  return {
    async send(email: OutgoingEmail): Promise<SendResult> {
      try {
        const [response] = await service.send({
          to: email.to,
          from: email.from,
          subject: email.subject,
          text: email.text,
          html: email.html,
          customArgs: { notification_id: email.notificationId },
          trackingSettings: { clickTracking: { enable: false, enableText: false }, openTracking: { enable: false } },
        });
        const messageId = response.headers['x-message-id'];
        return { outcome: 'accepted', messageId: typeof messageId === 'string' ? messageId : null };
      } catch (error) {
        return classify(error);
      }
    },
  };
}
