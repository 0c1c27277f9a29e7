/**
 * Fan-out benchmark: N active subscribers across K scope sets in the local D1, one digest cut,
 * delivered through the local Queue by the production consumer to a transport that counts.
 * Runs `wrangler dev` with scripts/bench/wrangler.toml (fresh state in .bench/), loopback only.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runWrangler } from './dev-setup';
import { root, sleep, startWranglerDev } from './wrangler-dev';

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

export async function benchFanout(subscribers = 10_000, sets = 50): Promise<FanoutFigures> {
  const state = path.join(root, '.bench/fanout-state');
  await rm(state, { recursive: true, force: true });
  await runWrangler(root, ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', state, '-c', config], { verbose: false });
  const server = await startWranglerDev({ config, persistTo: state, readyPath: '/bench/stats' });
  const base = server.origin;
  try {
    const post = async <T>(url: string): Promise<T> => {
      const res = await fetch(url, { method: 'POST' });
      if (!res.ok) throw new Error(`${url} answered ${res.status}:\n${server.output().slice(-3000)}`);
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
    await server.stop();
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
