import { escapeHtml, type NotificationTemplate } from '@portal/common';
import { catalogueFor, SECURITY_TEMPLATES, type Facts, type MailCatalogue, type Message, type MessageInput } from './messages/index.ts';

export interface EmailContent {
  template: NotificationTemplate;
  language: string;
  facts: Facts;
  /** The opened one-time token for confirmation and reset links. */
  token: string | null;
}

export interface EmailSetting {
  /** PORTAL_PUBLIC_URL, without a trailing slash. */
  publicUrl: string;
  /** The tenant's name: the printer the customer deals with. */
  printerName: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

function compose(content: EmailContent, publicUrl: string): { message: Message; catalogue: MailCatalogue; input: MessageInput } {
  const catalogue = catalogueFor(content.language);
  const input: MessageInput = {
    facts: content.facts,
    language: content.language === 'zh-CN' ? 'zh-CN' : 'en-US',
    token: content.token,
    portal(path, query = {}) {
      const url = new URL(path, `${publicUrl}/`);
      for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
      return url.toString();
    },
  };
  return { message: catalogue.messages[content.template](input), catalogue, input };
}

/** The subject alone, for rows written before sending (the sender renders the same one). */
export function subjectOf(template: NotificationTemplate, language: string, facts: Facts): string {
  return compose({ template, language, facts, token: null }, 'http://portal.invalid').message.subject;
}

/**
 * The message as plain text and as simple HTML (inline styles, no images, no tracking), in the
 * recipient's language, with the printer's name and a note on why it was sent.
 */
export function renderEmail(content: EmailContent, setting: EmailSetting): RenderedEmail {
  const { message, catalogue } = compose(content, setting.publicUrl);
  const greeting = catalogue.greeting(typeof content.facts.first_name === 'string' ? content.facts.first_name : '');
  const note = SECURITY_TEMPLATES.has(content.template) ? catalogue.securityNote : catalogue.preferencesNote;
  const links = [message.action, message.link].filter((link) => link !== undefined);
  const text = [
    greeting,
    ...message.paragraphs,
    ...links.map((link) => `${link.label}\n${catalogue.linkLead} ${link.href}`),
    `— ${catalogue.signOff(setting.printerName)}`,
    note,
  ].join('\n\n');
  const paragraph = (body: string) => `<p style="margin:0 0 16px">${body}</p>`;
  const button = (link: { label: string; href: string }) =>
    paragraph(
      `<a href="${escapeHtml(link.href)}" style="display:inline-block;padding:10px 18px;background:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:6px">${escapeHtml(link.label)}</a>`,
    );
  const html = [
    `<!doctype html><html lang="${content.language === 'zh-CN' ? 'zh-CN' : 'en-US'}"><head><meta charset="utf-8"><title>${escapeHtml(message.subject)}</title></head>`,
    '<body style="margin:0;padding:24px;font-family:system-ui,sans-serif;font-size:16px;line-height:1.5;color:#111827;background:#ffffff">',
    '<div style="max-width:560px;margin:0 auto">',
    paragraph(escapeHtml(greeting)),
    ...message.paragraphs.map((body) => paragraph(escapeHtml(body))),
    ...(message.action ? [button(message.action)] : []),
    ...(message.link ? [paragraph(`<a href="${escapeHtml(message.link.href)}">${escapeHtml(message.link.label)}</a>`)] : []),
    paragraph(`— ${escapeHtml(catalogue.signOff(setting.printerName))}`),
    `<p style="margin:24px 0 0;font-size:13px;color:#4b5563">${escapeHtml(note)}</p>`,
    '</div></body></html>',
  ].join('\n');
  return { subject: message.subject, text, html };
}
