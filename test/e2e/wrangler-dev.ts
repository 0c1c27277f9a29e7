/**
 * Shared by the end-to-end tests: a `wrangler dev` of this project on a free loopback port,
 * with its local state in a directory of the test's own (--persist-to), and the emails its
 * simulated send_email binding logged (the binding writes the text and HTML parts to disk
 * and prints their paths).
 */
export { type DevServer, type DevServerOptions, freePort, root, sleep, startWranglerDev } from '../../scripts/wrangler-dev';
import { existsSync } from 'node:fs';
import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { inject } from 'vitest';
import { sleep } from '../../scripts/wrangler-dev';
import type { DevServer } from '../../scripts/wrangler-dev';

/**
 * Fills `persistTo` with a fresh local state whose D1 has every migration applied: a copy of
 * the one applyLocalMigrations (scripts/dev-setup.ts) made once for the run (global-setup.ts),
 * once it is done.
 */
export async function migratedState(persistTo: string): Promise<void> {
  const dir = inject('migratedState');
  for (const deadline = Date.now() + 180_000; !existsSync(path.join(dir, 'done')); await sleep(100)) {
    if (existsSync(path.join(dir, 'failed'))) throw new Error(`the e2e global setup could not migrate a local D1: ${await readFile(path.join(dir, 'failed'), 'utf8')}`);
    if (Date.now() > deadline) throw new Error('the e2e global setup did not migrate a local D1 in 180 s');
  }
  await cp(path.join(dir, 'state'), persistTo, { recursive: true });
}

/** One email the simulated send_email binding logged; `text` and `html` are file paths. */
export interface LoggedEmail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Every email wrangler's output shows so far, in the order they were sent. */
export function loggedEmails(output: string): LoggedEmail[] {
  const pattern =
    /send_email binding called with MessageBuilder:\s*\nFrom: ([^\n]*)\nTo: ([^\n]*?)\s*\nSubject: ([^\n]*)\n\s*\nText: (\S+)\s*\nHTML: (\S+)/g;
  return [...output.matchAll(pattern)].map((m) => ({ from: m[1]!, to: m[2]!, subject: m[3]!, text: m[4]!, html: m[5]! }));
}

/**
 * Waits for wrangler's log of a simulated email to `to` (the first one whose subject matches,
 * when `subject` is given), and returns the files it wrote.
 */
export async function emailFilesFor(
  server: DevServer,
  to: string,
  options: { subject?: RegExp; timeoutMs?: number } = {},
): Promise<{ subject: string; text: string; html: string }> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    const email = loggedEmails(server.output()).find((e) => e.to === to && (options.subject?.test(e.subject) ?? true));
    if (email) return { subject: email.subject, text: email.text, html: email.html };
    if (Date.now() > deadline) {
      throw new Error(`no email to ${to}${options.subject ? ` with a subject matching ${options.subject}` : ''} in wrangler's output:\n${server.output()}`);
    }
    await sleep(200);
  }
}
