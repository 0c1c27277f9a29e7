/**
 * End to end against `wrangler dev`, set up the way `npm start` sets it up (development
 * .dev.vars, local D1 migrated with `wrangler d1 migrations apply DB --local`): subscribe over
 * HTTP, read the confirmation email the simulated send_email binding wrote to disk, follow its
 * link, then unsubscribe with the RFC 8058 one-click POST.
 *
 * The local state lives in a temporary directory (--persist-to), so the test never touches
 * the developer's own local database.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDevVars, runWrangler } from '../../scripts/dev-setup';
import { type DevServer, emailFilesFor, root, startWranglerDev, migratedState } from './wrangler-dev';

describe('subscribe end to end against wrangler dev', () => {
  let persistTo: string;
  let server: DevServer | undefined;

  beforeAll(async () => {
    await ensureDevVars(root);
    persistTo = await mkdtemp(path.join(os.tmpdir(), 'tidings-e2e-'));
    await migratedState(persistTo);
    server = await startWranglerDev({ persistTo });
  });

  afterAll(async () => {
    await server?.stop();
    if (persistTo) await rm(persistTo, { recursive: true, force: true });
  });

  it('subscribes, confirms from the emailed link and unsubscribes with one click', async () => {
    const { origin } = server!;
    const email = `e2e-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;

    const subscribed = await fetch(`${origin}/subscribe`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, scopes: ['all'] }),
    });
    expect(subscribed.status).toBe(202);
    expect(await subscribed.json()).toMatchObject({ status: 'accepted' });

    // The simulated binding wrote the text and HTML parts to disk and logged their paths.
    const files = await emailFilesFor(server!, email);
    expect(files.subject).toMatch(/^Confirm your subscription/);
    const text = await readFile(files.text, 'utf8');
    const html = await readFile(files.html, 'utf8');
    const confirmLink = new RegExp(`${origin}/confirm\\?token=[A-Za-z0-9._-]+`).exec(text)?.[0];
    expect(confirmLink, `confirmation link in:\n${text}`).toBeDefined();
    expect(html).toContain(`href="${confirmLink}"`);
    const unsubscribeLink = new RegExp(`${origin}/unsubscribe\\?token=[A-Za-z0-9._-]+`).exec(text)?.[0];
    expect(unsubscribeLink).toBeDefined();

    const confirmed = await fetch(confirmLink!);
    expect(confirmed.status).toBe(200);
    const confirmedPage = await confirmed.text();
    expect(confirmedPage).toContain('Subscription confirmed');
    expect(confirmedPage).toContain(email);

    // A link scanner's GET changes nothing…
    const preview = await fetch(unsubscribeLink!);
    expect(preview.status).toBe(200);
    expect(await preview.text()).toContain('<button type="submit">Unsubscribe</button>');
    expect((await fetch(confirmLink!)).status).toBe(200); // still active: "Already confirmed"

    // …the one-click POST of a mail client unsubscribes.
    const unsubscribed = await fetch(unsubscribeLink!, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(unsubscribed.status).toBe(200);
    expect(await unsubscribed.text()).toContain('will receive no more emails');
    // The old confirmation link can no longer bring the subscription back.
    expect((await fetch(confirmLink!)).status).toBe(409);

    // What the local D1 holds, read with wrangler once the dev server is gone.
    await server!.stop();
    const out = await runWrangler(
      root,
      ['d1', 'execute', 'DB', '--local', '--persist-to', persistTo, '--json', '--command',
        `SELECT s.status, s.confirmed_at, s.unsubscribed_at, group_concat(sc.scope) AS scopes
         FROM subscribers s JOIN subscriber_scopes sc ON sc.subscriber_id = s.id WHERE s.email = '${email}' GROUP BY s.id`],
      { verbose: false },
    );
    const [answer] = JSON.parse(out.slice(out.indexOf('['))) as Array<{ results: Array<Record<string, string | null>> }>;
    const results = answer!.results;
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ status: 'unsubscribed', scopes: 'all' });
    expect(results[0]!.confirmed_at).not.toBeNull();
    expect(results[0]!.unsubscribed_at).not.toBeNull();
  });
});
