import { escapeHtml } from '@portal/common';
import type { ReceivedMail } from './sendgrid-request.ts';

/** Plain text with its web addresses made into links, so a developer can follow them. */
function linkify(text: string): string {
  return escapeHtml(text).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:0 auto;padding:16px;max-width:960px;color:#111827}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:6px 8px;border-bottom:1px solid #e5e7eb;vertical-align:top}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f9fafb;padding:12px;border:1px solid #e5e7eb}
iframe{width:100%;height:480px;border:1px solid #e5e7eb}.muted{color:#4b5563}
</style></head><body>${body}</body></html>`;
}

export function mailboxListPage(mails: readonly ReceivedMail[]): string {
  const rows = mails
    .map(
      (mail) =>
        `<tr><td><a href="/messages/${escapeHtml(mail.id)}">${escapeHtml(mail.subject)}</a></td><td>${escapeHtml(mail.to.join(', '))}</td><td class="muted">${escapeHtml(mail.receivedAt)}</td></tr>`,
    )
    .join('\n');
  const body = mails.length
    ? `<table><thead><tr><th>Subject</th><th>To</th><th>Received (UTC)</th></tr></thead><tbody>${rows}</tbody></table>`
    : '<p>No messages yet. Emails the portal sends under <code>npm start</code> arrive here.</p>';
  return page('Development mailbox', `<h1>Development mailbox</h1><p class="muted">Nothing here leaves this machine.</p>${body}`);
}

/**
 * One message: headers, the HTML part in a sandboxed frame (no scripts; links open in a new tab),
 * and the text part with its links clickable.
 */
export function mailboxMessagePage(mail: ReceivedMail): string {
  const html = mail.html.replace(/<head>/i, '<head><base target="_blank">');
  return page(
    mail.subject,
    `<p><a href="/">← All messages</a></p>
<h1>${escapeHtml(mail.subject)}</h1>
<table><tbody>
<tr><th>From</th><td>${escapeHtml(mail.from)}</td></tr>
<tr><th>To</th><td>${escapeHtml(mail.to.join(', '))}</td></tr>
<tr><th>Received</th><td>${escapeHtml(mail.receivedAt)}</td></tr>
</tbody></table>
<h2>HTML</h2>
<iframe title="HTML part" sandbox="allow-popups allow-popups-to-escape-sandbox" srcdoc="${escapeHtml(html)}"></iframe>
<h2>Text</h2>
<pre id="text-part">${linkify(mail.text)}</pre>`,
  );
}
