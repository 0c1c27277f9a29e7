/**
 * Shared by the end-to-end tests: a `wrangler dev` of this project on a free loopback port,
 * with its local state in a directory of the test's own (--persist-to), and the emails its
 * simulated send_email binding logged (the binding writes the text and HTML parts to disk
 * and prints their paths).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface DevServer {
  origin: string;
  /** Everything wrangler printed so far (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
}

export interface DevServerOptions {
  /** Extra `wrangler dev` flags, e.g. `--test-scheduled`. */
  args?: string[];
  /** Variables passed with `--var NAME:value`; they win over wrangler.toml and .dev.vars. */
  vars?: Record<string, string>;
}

export async function startWranglerDev(persistTo: string, options: DevServerOptions = {}): Promise<DevServer> {
  const [port, inspectorPort] = [await freePort(), await freePort()];
  const origin = `http://127.0.0.1:${port}`;
  // Links in emails must point at this server, not at the default localhost:8787.
  const vars = { ...options.vars, SITE_URL: origin };
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
      ...(options.args ?? []),
      ...Object.entries(vars).flatMap(([name, value]) => ['--var', `${name}:${value}`]),
    ],
    {
      cwd: root,
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1', FORCE_COLOR: '0', CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so stopping it also stops workerd and the build it spawns.
      detached: true,
    },
  );
  // Decoded as a stream, so a multi-byte character split across chunks (the "—" of digest
  // subjects) is not garbled.
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => (output += chunk));
  child.stderr!.on('data', (chunk: string) => (output += chunk));
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
      const res = await fetch(`${origin}/subscribe`, { signal: AbortSignal.timeout(5_000) });
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
