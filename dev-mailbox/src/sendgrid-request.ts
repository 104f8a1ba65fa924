import { z } from 'zod';

/** SendGrid's rule for an address is stricter than "something@something": the domain needs a dot. */
const ADDRESS = /^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$/;

const address = z.object({ email: z.string(), name: z.string().optional() });

/** The part of SendGrid's v3 `POST /v3/mail/send` body the portal sends (one personalization, text and HTML). */
const mailSendSchema = z.object({
  personalizations: z.array(z.object({ to: z.array(address).min(1) })).min(1),
  from: address,
  subject: z.string().min(1),
  content: z.array(z.object({ type: z.string(), value: z.string() })).min(1),
  custom_args: z.record(z.string(), z.string()).optional(),
  tracking_settings: z.unknown().optional(),
});

export interface ReceivedMail {
  id: string;
  receivedAt: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  customArgs: Record<string, string>;
  trackingSettings: unknown;
}

/** SendGrid's error body: `{errors: [{message, field, help}]}`. */
export interface ProviderErrors {
  errors: Array<{ message: string; field: string | null; help: null }>;
}

/** Reads a mail/send body as SendGrid would: the mail, or the errors SendGrid would answer with 400. */
export function readMailSend(body: unknown, id: string, now: Date): { mail: ReceivedMail } | { refused: ProviderErrors } {
  const parsed = mailSendSchema.safeParse(body);
  if (!parsed.success) {
    return { refused: { errors: parsed.error.issues.map((issue) => ({ message: issue.message, field: issue.path.join('.') || null, help: null })) } };
  }
  const mail = parsed.data;
  const recipients = mail.personalizations.flatMap((personalization) => personalization.to);
  const bad = recipients.findIndex((recipient) => !ADDRESS.test(recipient.email));
  if (bad >= 0) return { refused: { errors: [{ message: 'Does not contain a valid address.', field: `personalizations.0.to.${bad}.email`, help: null }] } };
  const part = (type: string) => mail.content.find((content) => content.type === type)?.value ?? '';
  return {
    mail: {
      id,
      receivedAt: now.toISOString(),
      from: mail.from.name ? `${mail.from.name} <${mail.from.email}>` : mail.from.email,
      to: recipients.map((recipient) => recipient.email),
      subject: mail.subject,
      text: part('text/plain'),
      html: part('text/html'),
      customArgs: mail.custom_args ?? {},
      trackingSettings: mail.tracking_settings ?? null,
    },
  };
}
