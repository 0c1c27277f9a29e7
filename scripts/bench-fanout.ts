/**
 * Fan-out benchmark: N active subscribers across K scope sets in the local D1, one digest cut,
 * delivered through the local Queue by the production consumer to a transport that counts.
 * Runs `wrangler dev` with scripts/bench/wrangler.toml (fresh state in .bench/), loopback only.
 */
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runWrangler } from './dev-setup';

const root = path.resolve(import.meta.dirname, '..');
const config = path.join(root, 'scripts/bench/wrangler.toml');

export interface FanoutFigures {
  subscribers: number;
  scopeSets: number;
  recipients: number;
  batches: number;
  cutMs: number;
  totalMs: number;
  messagesPerSecond: number;
  d1CallsPerMessage: number;
  d1StatementsPerMessage: number;
  renders: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function benchFanout(subscribers = 10_000, sets = 50): Promise<FanoutFigures> {
  const state = path.join(root, '.bench/fanout-state');
  await rm(state, { recursive: true, force: true });
  await runWrangler(root, ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', state, '-c', config], { verbose: false });
  const port = await freePort();
  const dev = spawn(process.execPath, [path.join(root, 'node_modules/wrangler/bin/wrangler.js'), 'dev', '-c', config, '--port', String(port), '--ip', '127.0.0.1', '--persist-to', state], {
    cwd: root,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1', CI: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  dev.stdout.on('data', (d) => (output += d));
  dev.stderr.on('data', (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  try {
    const ready = Date.now() + 60_000;
    for (;;) {
      if (Date.now() > ready) throw new Error(`wrangler dev did not start:\n${output.slice(-2000)}`);
      try {
        if ((await fetch(`${base}/bench/stats`)).ok) break;
      } catch {
        /* not listening yet */
      }
      await sleep(200);
    }
    const post = async <T>(url: string): Promise<T> => {
      const res = await fetch(url, { method: 'POST' });
      if (!res.ok) throw new Error(`${url} answered ${res.status}:\n${output.slice(-3000)}`);
      return (await res.json()) as T;
    };
    const seeded = await post<{ scopeSets: number }>(`${base}/bench/seed?subscribers=${subscribers}&sets=${sets}`);
    const started = performance.now();
    const run = await post<{ recipients: number; batches: number; cutMs: number }>(`${base}/bench/run`);
    const deadline = Date.now() + 300_000;
    let stats: { sent: number; d1Calls: number; d1Statements: number; renders: number };
    for (;;) {
      stats = (await (await fetch(`${base}/bench/stats`)).json()) as typeof stats;
      if (stats.sent >= run.recipients) break;
      if (Date.now() > deadline) throw new Error(`only ${stats.sent} of ${run.recipients} messages after 300 s`);
      await sleep(50);
    }
    const totalMs = performance.now() - started;
    return {
      subscribers,
      scopeSets: seeded.scopeSets,
      recipients: run.recipients,
      batches: run.batches,
      cutMs: run.cutMs,
      totalMs,
      messagesPerSecond: run.recipients / (totalMs / 1000),
      // Everything the cut and the consumers asked of D1, over the messages sent.
      d1CallsPerMessage: stats.d1Calls / run.recipients,
      d1StatementsPerMessage: stats.d1Statements / run.recipients,
      renders: stats.renders,
    };
  } finally {
    dev.kill('SIGTERM');
    await sleep(300);
    if (dev.exitCode === null) dev.kill('SIGKILL');
  }
}

export function formatFanout(f: FanoutFigures): string {
  return [
    '| subscribers | scope sets | messages | queue batches | cut ms | end-to-end ms | messages/s | D1 calls/message | D1 statements/message | renders |',
    '|---|---|---|---|---|---|---|---|---|---|',
    `| ${f.subscribers} | ${f.scopeSets} | ${f.recipients} | ${f.batches} | ${f.cutMs} | ${f.totalMs.toFixed(0)} | ${f.messagesPerSecond.toFixed(0)} | ${f.d1CallsPerMessage.toFixed(4)} | ${f.d1StatementsPerMessage.toFixed(4)} | ${f.renders} |`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(formatFanout(await benchFanout()));
}
