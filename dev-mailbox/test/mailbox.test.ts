import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startMailbox, type Mailbox } from '../src/index.ts';

let mailbox: Mailbox;
beforeAll(async () => {
  mailbox = await startMailbox({ apiKey: 'SG.key' });
});
afterAll(() => mailbox.close());

const sendMail = (body: unknown, key = 'SG.key') =>
  fetch(`${mailbox.url}/v3/mail/send`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

const MAIL = {
  personalizations: [{ to: [{ email: 'ana@bluepeak.example' }] }],
  from: { email: 'portal@printer.example', name: 'Demo Printer' },
  subject: 'Order <SO-1> shipped',
  content: [
    { type: 'text/plain', value: 'Track it: https://www.ups.com/track?tracknum=1Z <b>now</b>' },
    { type: 'text/html', value: '<html><head></head><body><p>"Shipped"</p><script>alert(1)</script></body></html>' },
  ],
};

describe('the development mailbox', () => {
  test('accepts SendGrid mail/send with the key: 202 and an X-Message-Id it lists the message under', async () => {
    const response = await sendMail(MAIL);
    expect(response.status).toBe(202);
    const id = response.headers.get('x-message-id');
    expect(mailbox.messages().at(-1)).toMatchObject({ id, to: ['ana@bluepeak.example'], from: 'Demo Printer <portal@printer.example>', subject: 'Order <SO-1> shipped' });
  });

  test('refuses a wrong key (401) and a bad address (400 in SendGrid\'s error shape), keeping nothing', async () => {
    const before = mailbox.messages().length;
    expect((await sendMail(MAIL, 'SG.other')).status).toBe(401);
    const refused = await sendMail({ ...MAIL, personalizations: [{ to: [{ email: 'ana@localhost' }] }] });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ errors: [{ message: 'Does not contain a valid address.', field: 'personalizations.0.to.0.email', help: null }] });
    expect((await sendMail({ subject: 'x' })).status).toBe(400);
    expect(mailbox.messages()).toHaveLength(before);
  });

  test('shows messages escaped, the HTML part sandboxed without scripts and the text part with clickable links', async () => {
    const response = await sendMail(MAIL);
    const id = response.headers.get('x-message-id')!;
    const list = await (await fetch(mailbox.url)).text();
    expect(list).toContain(`<a href="/messages/${id}">Order &lt;SO-1&gt; shipped</a>`);
    const page = await fetch(`${mailbox.url}/messages/${id}`);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const html = await page.text();
    expect(html).toContain('sandbox="allow-popups allow-popups-to-escape-sandbox"');
    expect(html).toContain('&lt;base target=&quot;_blank&quot;&gt;');
    expect(html).toContain('<a href="https://www.ups.com/track?tracknum=1Z">https://www.ups.com/track?tracknum=1Z</a> &lt;b&gt;now&lt;/b&gt;');
    expect((await fetch(`${mailbox.url}/messages/nope`)).status).toBe(404);
  });

  test('can answer the next sends with an outage, for tests of retries', async () => {
    mailbox.failNext(503, 2);
    expect((await sendMail(MAIL)).status).toBe(503);
    expect((await sendMail(MAIL)).status).toBe(503);
    expect((await sendMail(MAIL)).status).toBe(202);
  });
});
