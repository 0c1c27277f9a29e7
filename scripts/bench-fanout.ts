/**
 * Fan-out benchmark: N active subscribers across K scope sets in the local D1, one digest cut,
 * delivered through the local Queue by the production consumer to a transport that counts.
 * Runs `wrangler dev` with scripts/bench/wrangler.toml (fresh state in .bench/), loopback only.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyLocalMigrations } from './dev-setup';
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
  /** With failures: 1 % permanent, 1 % ambiguous (accepted, then a timeout). */
  failures: boolean;
  /** Recipients that received exactly one copy / more than one / none (the transport deduplicates by key). */
  exactlyOnce: number;
  duplicates: number;
  notDelivered: number;
  /** Rows marked failed (permanent) and sent, as recorded in D1. */
  recordedFailed: number;
  recordedSent: number;
  /** Transport calls per message (retries after ambiguous outcomes included). */
  callsPerMessage: number;
}

export async function benchFanout(subscribers = 10_000, sets = 50, options: { failures?: boolean } = {}): Promise<FanoutFigures> {
  const failures = options.failures ?? false;
  const state = path.join(root, '.bench/fanout-state');
  await rm(state, { recursive: true, force: true });
  await applyLocalMigrations(root, { persistTo: state, configPath: config, verbose: false });
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
    const run = await post<{ recipients: number; batches: number; cutMs: number }>(`${base}/bench/run${failures ? '?failures=1' : ''}`);
    const deadline = Date.now() + 900_000;
    type Stats = { sent: number; calls: number; open: number; deliveredOnce: number; deliveredMore: number; d1Calls: number; d1Statements: number; renders: number };
    let stats: Stats;
    for (;;) {
      try {
        stats = (await (await fetch(`${base}/bench/stats`, { signal: AbortSignal.timeout(30_000) })).json()) as Stats;
      } catch (error) {
        // A busy local runtime can leave one poll unanswered: ask again.
        if (Date.now() > deadline) throw error;
        continue;
      }
      // Done when every recipient is delivered (no failures), or every row is final (sent or failed).
      if (failures ? stats.open === 0 && stats.sent > 0 : stats.sent >= run.recipients) break;
      if (Date.now() > deadline) throw new Error(`only ${stats.sent} of ${run.recipients} messages after 900 s`);
      await sleep(failures ? 250 : 50);
    }
    const totalMs = performance.now() - started;
    const outcomes = (await (await fetch(`${base}/bench/outcomes`)).json()) as Array<{ status: string; n: number }>;
    const recorded = (status: string) => outcomes.find((o) => o.status === status)?.n ?? 0;
    return {
      subscribers,
      scopeSets: seeded.scopeSets,
      recipients: run.recipients,
      batches: run.batches,
      cutMs: run.cutMs,
      totalMs,
      messagesPerSecond: stats.sent / (totalMs / 1000),
      // Everything the cut and the consumers asked of D1, over the messages sent.
      d1CallsPerMessage: stats.d1Calls / run.recipients,
      d1StatementsPerMessage: stats.d1Statements / run.recipients,
      renders: stats.renders,
      failures,
      exactlyOnce: stats.deliveredOnce,
      duplicates: stats.deliveredMore,
      notDelivered: run.recipients - stats.deliveredOnce - stats.deliveredMore,
      recordedFailed: recorded('failed'),
      recordedSent: recorded('sent'),
      callsPerMessage: stats.calls / Math.max(1, stats.sent),
    };
  } finally {
    await server.stop();
  }
}

export function formatFanout(figures: FanoutFigures | FanoutFigures[]): string {
  const all = Array.isArray(figures) ? figures : [figures];
  return [
    '| subscribers | failures | messages | queue batches | cut ms | end-to-end ms | messages/s | D1 calls/message | D1 statements/message | renders | exactly once | duplicates | not delivered | recorded sent / failed | transport calls/message |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...all.map(
      (f) =>
        `| ${f.subscribers} | ${f.failures ? '1 % permanent + 1 % ambiguous' : 'none'} | ${f.recipients} | ${f.batches} | ${f.cutMs} | ${f.totalMs.toFixed(0)} | ${f.messagesPerSecond.toFixed(0)} | ${f.d1CallsPerMessage.toFixed(4)} | ${f.d1StatementsPerMessage.toFixed(4)} | ${f.renders} | ${f.exactlyOnce} | ${f.duplicates} | ${f.notDelivered} | ${f.recordedSent} / ${f.recordedFailed} | ${f.callsPerMessage.toFixed(3)} |`,
    ),
  ].join('\n');
}

/** The fan-out at 10,000, 50,000 and 100,000 subscribers in one run, then 100,000 with failures. */
export async function benchFanoutSeries(): Promise<FanoutFigures[]> {
  const out: FanoutFigures[] = [];
  for (const n of [10_000, 50_000, 100_000]) out.push(await benchFanout(n, 50));
  out.push(await benchFanout(100_000, 50, { failures: true }));
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sizes = process.argv[2]?.split(',').map(Number);
  if (sizes) {
    const out: FanoutFigures[] = [];
    for (const n of sizes) out.push(await benchFanout(n, 50, { failures: process.argv[3] === 'failures' }));
    console.log(formatFanout(out));
  } else console.log(formatFanout(await benchFanoutSeries()));
}
