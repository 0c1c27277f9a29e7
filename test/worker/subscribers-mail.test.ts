/**
 * The mail transports and the confirmation email as a reader receives it.
 */
import { exports } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import { renderConfirmationEmail } from '../../emails';
import {
  MailConfigError,
  MailTransportError,
  type MailMessage,
  composeMail,
  httpTransport,
  mailTransport,
  parseMailbox,
  sendEmailTransport,
} from '../../src/mail';
import { env, recordingMail, stored, uniqueEmail, uniqueIp } from './subscribers.helpers';

const message: MailMessage = {
  from: 'Tidings <updates@tidings.example>',
  to: 'reader@example.com',
  subject: 'Hello',
  html: '<p>Hi</p>',
  text: 'Hi',
  replyTo: 'team@tidings.example',
  headers: { 'List-Unsubscribe': '<https://tidings.example/unsubscribe?token=t>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
};

describe('parseMailbox', () => {
  it.each([
    ['Tidings <updates@tidings.example>', { name: 'Tidings', email: 'updates@tidings.example' }],
    ['"Tidings, weekly" <u@t.example>', { name: 'Tidings, weekly', email: 'u@t.example' }],
    ['<u@t.example>', { email: 'u@t.example' }],
    ['u@t.example', { email: 'u@t.example' }],
    ['Tidings', undefined],
    ['Evil <u@t.example>\r\nBcc: x@y.z', undefined],
  ])('%j', (input, expected) => {
    expect(parseMailbox(input)).toEqual(expected);
  });
});

describe('send_email transport', () => {
  it('hands the binding a structured message with sender name, reply-to and headers', async () => {
    const mail = recordingMail();
    const result = await sendEmailTransport(mail.binding).send(message);
    expect(result.id).toMatch(/^<.+@test>$/);
    expect(mail.sent).toEqual([
      {
        from: { name: 'Tidings', email: 'updates@tidings.example' },
        to: 'reader@example.com',
        subject: 'Hello',
        html: '<p>Hi</p>',
        text: 'Hi',
        replyTo: 'team@tidings.example',
        headers: message.headers,
      },
    ]);
  });

  it.each([
    ['a subject with a line break', { subject: 'Hi\r\nBcc: x@example.org' }],
    ['a header value with a line break', { headers: { 'X-Note': 'a\nb' } }],
    ['a header name that is not a token', { headers: { 'X Note:': 'a' } }],
    ['a recipient with a line break', { to: 'a@example.com\nBcc: b@example.com' }],
  ])('refuses %s without calling the binding', async (_, change) => {
    const mail = recordingMail();
    await expect(sendEmailTransport(mail.binding).send({ ...message, ...change })).rejects.toBeInstanceOf(MailTransportError);
    expect(mail.sent).toHaveLength(0);
  });

  it('reports binding failures as MailTransportError', async () => {
    const mail = recordingMail();
    mail.failWith(new Error('quota exceeded'));
    await expect(sendEmailTransport(mail.binding).send(message)).rejects.toThrow(/send_email binding failed: quota exceeded/);
  });

  it('works against the binding wrangler simulates (the real EMAIL binding of the test pool)', async () => {
    await expect(sendEmailTransport(env.EMAIL).send(message)).resolves.toMatchObject({ id: expect.stringMatching(/@tidings\.example>$/) });
  });
});

describe('HTTP (Resend-style) transport', () => {
  it('POSTs JSON with a bearer key and returns the id', async () => {
    const fetchMock = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => Response.json({ id: 'msg_123' }));
    const transport = httpTransport({ url: 'https://mail.example/emails', apiKey: 're_secret', fetch: fetchMock as typeof fetch });
    expect(await transport.send(message)).toEqual({ id: 'msg_123' });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('https://mail.example/emails');
    expect(init!.method).toBe('POST');
    expect(new Headers(init!.headers).get('Authorization')).toBe('Bearer re_secret');
    expect(JSON.parse(init!.body as string)).toEqual({
      from: 'Tidings <updates@tidings.example>',
      to: ['reader@example.com'],
      subject: 'Hello',
      html: '<p>Hi</p>',
      text: 'Hi',
      reply_to: 'team@tidings.example',
      headers: message.headers,
    });
  });

  it('turns an error answer into MailTransportError carrying the status and the API message', async () => {
    const transport = httpTransport({
      url: 'https://mail.example/emails',
      apiKey: 'k',
      fetch: (async () => new Response('{"message":"domain not verified"}', { status: 403 })) as typeof fetch,
    });
    await expect(transport.send(message)).rejects.toThrow(/answered 403: .*domain not verified/);
  });

  it('turns a network failure into an ambiguous MailTransportError (the request may have arrived)', async () => {
    const transport = httpTransport({
      url: 'https://mail.example/emails',
      apiKey: 'k',
      fetch: (async () => {
        throw new TypeError('connection refused');
      }) as typeof fetch,
    });
    await expect(transport.send(message)).rejects.toThrow(/gave no answer \(TypeError: connection refused\)/);
    await expect(transport.send(message)).rejects.toMatchObject({ kind: 'ambiguous' });
  });

  it('classifies answers: 429 + Retry-After, 422 about the recipient, 5xx, refused key', async () => {
    const answer = (status: number, body: string, headers: Record<string, string> = {}) =>
      httpTransport({ url: 'https://mail.example/emails', apiKey: 'k', fetch: (async () => new Response(body, { status, headers })) as typeof fetch }).send(message);
    await expect(answer(429, '{}', { 'Retry-After': '17' })).rejects.toMatchObject({ kind: 'rate-limit', retryAfterSeconds: 17 });
    await expect(answer(422, '{"message":"Invalid `to` field."}')).rejects.toMatchObject({ kind: 'permanent', recipient: true });
    await expect(answer(422, '{"message":"subject too long"}')).rejects.toMatchObject({ kind: 'permanent', recipient: false });
    await expect(answer(503, 'down')).rejects.toMatchObject({ kind: 'transient' });
    // Our key refused is a configuration problem, not the recipient's: nobody is marked for it.
    await expect(answer(401, 'bad key')).rejects.toMatchObject({ kind: 'transient', recipient: false });
  });

  it('sends the idempotency key as Idempotency-Key', async () => {
    let seen: string | null = null;
    const transport = httpTransport({
      url: 'https://mail.example/emails',
      apiKey: 'k',
      fetch: (async (_u: RequestInfo | URL, init?: RequestInit) => {
        seen = new Headers(init?.headers).get('Idempotency-Key');
        return Response.json({ id: 'x' });
      }) as typeof fetch,
    });
    await transport.send({ ...message, idempotencyKey: '<tidings.digest-1.subscriber-2@example.com>' });
    expect(seen).toBe('<tidings.digest-1.subscriber-2@example.com>');
  });
});

describe('mailTransport(env) and composeMail', () => {
  it('selects the transport MAIL_TRANSPORT names', () => {
    expect(mailTransport(env).name).toBe('send_email');
    expect(mailTransport({ ...env, MAIL_TRANSPORT: 'http', MAIL_API_KEY: 'k' }).name).toBe('http');
    expect(() => mailTransport({ ...env, MAIL_TRANSPORT: 'http', MAIL_API_KEY: undefined })).toThrow(MailConfigError);
    expect(() => mailTransport({ ...env, MAIL_TRANSPORT: 'smtp' })).toThrow(/MAIL_TRANSPORT must be/);
  });

  it('sends from MAIL_FROM with MAIL_REPLY_TO', () => {
    expect(composeMail(env, { to: 'a@example.com', subject: 's', html: 'h', text: 't' })).toEqual({
      to: 'a@example.com',
      subject: 's',
      html: 'h',
      text: 't',
      from: env.MAIL_FROM,
      replyTo: env.MAIL_REPLY_TO,
    });
  });
});

describe('confirmation email', () => {
  const props = {
    siteTitle: 'Tidings <Northwind>',
    siteUrl: 'https://tidings.example/',
    address: 'reader@example.com',
    scopes: ['team Atlas', 'milestone “Sync & merge”'],
    confirmUrl: 'https://tidings.example/confirm?token=abc.def',
    unsubscribeUrl: 'https://tidings.example/unsubscribe?token=ghi.jkl',
    validDays: 7,
  };

  it('has the link, the scopes and an unsubscribe link in both HTML and text', async () => {
    const email = await renderConfirmationEmail(props);
    expect(email.subject).toBe('Confirm your subscription to Tidings <Northwind>');
    expect(email.html.startsWith('<!doctype html>')).toBe(true);
    expect(email.html).toContain('href="https://tidings.example/confirm?token=abc.def"');
    expect(email.html).toContain('href="https://tidings.example/unsubscribe?token=ghi.jkl"');
    expect(email.html).toContain('works for 7 days');
    // Text from the site and subscribers is escaped in HTML…
    expect(email.html).toContain('Sync &amp; merge');
    expect(email.html).toContain('Tidings &lt;Northwind&gt;');
    // …and plain in the text part.
    expect(email.text).toContain('- milestone “Sync & merge”');
    expect(email.text).toContain('https://tidings.example/confirm?token=abc.def');
    expect(email.text).toContain('Unsubscribe:\nhttps://tidings.example/unsubscribe?token=ghi.jkl');
    expect(email.text).not.toMatch(/<[a-z]/);
  });
});

describe('the deployed worker entry with the simulated send_email binding', () => {
  it('subscribes through the real EMAIL binding (the structured message is accepted)', async () => {
    const email = uniqueEmail('binding');
    // The Worker's default export (src/index.ts) with the bindings wrangler.toml declares.
    const worker = (exports as unknown as { default: Fetcher }).default;
    const res = await worker.fetch(
      new Request(`${env.SITE_URL}/subscribe`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': uniqueIp() },
        body: JSON.stringify({ email, scopes: ['all'] }),
      }),
    );
    expect(res.status).toBe(202);
    // The email is queued before the answer; the Worker's own queue consumer sends it.
    expect((await stored(email))!.last_confirmation_sent_at).not.toBeNull();
    const sent = async () =>
      (await env.DB.prepare("SELECT o.status FROM mail_outbox o JOIN subscribers s ON s.id = o.subscriber_id WHERE s.email = ?").bind(email).first<{ status: string }>())?.status;
    const deadline = Date.now() + 10_000;
    while ((await sent()) !== 'sent' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await sent()).toBe('sent');
  });
});
