/**
 * End to end against `wrangler dev`, set up the way `npm start` sets it up (development
 * .dev.vars, local D1 migrated with `wrangler d1 migrations apply DB --local`): subscribe over
 * HTTP, read the confirmation email the simulated send_email binding wrote to disk, follow its
 * link, then unsubscribe with the RFC 8058 one-click POST.
 *
 * The local state lives in a temporary directory (--persist-to), so the test never touches
 * the developer's own local database.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyLocalMigrations, ensureDevVars, runWrangler } from '../../scripts/dev-setup';

const root = path.resolve(import.meta.dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface DevServer {
  origin: string;
  output(): string;
  stop(): Promise<void>;
}

async function startWranglerDev(persistTo: string): Promise<DevServer> {
  const [port, inspectorPort] = [await freePort(), await freePort()];
  const origin = `http://127.0.0.1:${port}`;
  let output = '';
  const child: ChildProcess = spawn(
    process.execPath,
    [
      path.join(root, 'node_modules', 'wrangler', 'bin', 'wrangler.js'),
      'dev',
      '--ip', '127.0.0.1',
      '--port', String(port),
      '--inspector-port', String(inspectorPort),
      '--persist-to', persistTo,
      '--show-interactive-dev-session=false',
      // Links in emails must point at this server, not at the default localhost:8787.
      '--var', `SITE_URL:${origin}`,
    ],
    {
      cwd: root,
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1', FORCE_COLOR: '0', CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so stopping it also stops workerd and the build it spawns.
      detached: true,
    },
  );
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      return;
    }
    await Promise.race([exited, sleep(10_000)]);
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };

  const deadline = Date.now() + 150_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`${origin}/subscribe`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`wrangler dev did not answer on ${origin} in time:\n${output}`);
    }
    await sleep(500);
  }
  return { origin, output: () => output, stop };
}

/** Waits for wrangler's log of a simulated email to `to`, and returns the files it wrote. */
async function emailFilesFor(server: DevServer, to: string): Promise<{ subject: string; text: string; html: string }> {
  const pattern = new RegExp(
    `send_email binding called with MessageBuilder:\\s*\\nFrom: [^\\n]*\\nTo: ${to.replace(/[.+]/g, '\\$&')}\\s*\\nSubject: ([^\\n]*)\\n\\s*\\nText: (\\S+)\\s*\\nHTML: (\\S+)`,
  );
  const deadline = Date.now() + 20_000;
  for (;;) {
    const match = pattern.exec(server.output());
    if (match) return { subject: match[1]!, text: match[2]!, html: match[3]! };
    if (Date.now() > deadline) throw new Error(`no email to ${to} in wrangler's output:\n${server.output()}`);
    await sleep(200);
  }
}

describe('subscribe end to end against wrangler dev', () => {
  let persistTo: string;
  let server: DevServer | undefined;

  beforeAll(async () => {
    await ensureDevVars(root);
    persistTo = await mkdtemp(path.join(os.tmpdir(), 'tidings-e2e-'));
    await applyLocalMigrations(root, { persistTo, verbose: false });
    server = await startWranglerDev(persistTo);
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
