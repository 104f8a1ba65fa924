export { startMailbox, type Mailbox, type MailboxOptions } from './mailbox-server.ts';
export type { ReceivedMail } from './sendgrid-request.ts';
