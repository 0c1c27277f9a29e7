/**
 * Feed benchmark.
 *
 * 1. Cold render: every feed of the corpus (site, team, each milestone × RSS/Atom/JSON, and
 *    the OPML) rendered once through the app in this process, as the first request of an
 *    isolate would: model → document → format → bytes + ETag. Then the same requests again,
 *    served from the memo.
 * 2. Under load: `wrangler dev` on a free loopback port (sample content, as `npm start`
 *    serves it), and a load generator in a second process (Node's HTTP client by default,
 *    autocannon with --client autocannon). Requests/s of `/feed.xml` and of one
 *    milestone feed against the trivial `/healthz`, interleaved in rounds within one run so
 *    the ratios compare like with like. Target: cached feed ≥ 0.9 × trivial.
 *
 * Usage: tsx scripts/bench-feeds.ts [--seconds 3] [--rounds 5] [--connections 10] [--client node|autocannon] [--no-load]
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { pathToFileURL } from 'node:url';
import { createApp } from '../src/app';
import { buildContentDir } from '../src/content';
import type { SiteModel } from '../src/content/model';
import type { Env } from '../src/env';
import { root, sleep, startWranglerDev } from './wrangler-dev';

const execFileAsync = promisify(execFile);

export interface ColdRenderFigures {
  content: string;
  feeds: number;
  bytes: number;
  /** Sum of the first request of every feed (render + encode + ETag). */
  totalMs: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  slowest: string;
  /** Median of the same requests served from the memo. */
  cachedMedianMs: number;
}

export interface LoadFigures {
  path: string;
  /** `Accept-Encoding` sent: feed readers send gzip. */
  acceptEncoding: string;
  /** Body bytes on the wire. */
  bytes: number;
  /** Mean requests/s over the rounds. */
  requestsPerSecond: number;
  /** Per round. */
  rounds: number[];
  p99LatencyMs: number;
  errors: number;
  /** Median over the rounds of (this route's req/s ÷ the trivial route's req/s in the same round). */
  ratio: number;
}

export interface FeedBenchFigures {
  cold: ColdRenderFigures[];
  load?: { client: LoadClient; connections: number; seconds: number; rounds: number; routes: LoadFigures[] };
}

const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};

const VARS = {
  SITE_URL: 'https://updates.example.com',
  SITE_TITLE: 'Tidings',
  SITE_DESCRIPTION: 'Weekly status reports',
  SITE_LANGUAGE: 'en',
  FEED_ITEMS: '50',
  CACHE_MAX_AGE: '300',
} as unknown as Env;

function feedPaths(site: SiteModel): string[] {
  const files = ['feed.xml', 'atom.xml', 'feed.json'];
  return [
    ...files.map((f) => `/${f}`),
    ...site.teams.flatMap((t) => files.map((f) => `/teams/${t.slug}/${f}`)),
    ...site.milestones.flatMap((m) => files.map((f) => `/milestones/${m.key}/${f}`)),
    '/opml.xml',
  ];
}

/** Cold render of every feed of a content folder, in this process. */
export async function benchColdRender(name: string, contentDir: string): Promise<ColdRenderFigures> {
  const { site } = await buildContentDir(contentDir);
  const app = createApp(site);
  const paths = feedPaths(site);
  const cold: number[] = [];
  let bytes = 0;
  let slowest = '';
  for (const p of paths) {
    const started = performance.now();
    const response = await app.request(p, {}, VARS);
    const body = await response.arrayBuffer();
    const ms = performance.now() - started;
    if (response.status !== 200) throw new Error(`${p}: ${response.status}`);
    bytes += body.byteLength;
    if (ms > Math.max(0, ...cold)) slowest = p;
    cold.push(ms);
  }
  const cached: number[] = [];
  for (const p of paths) {
    const started = performance.now();
    await (await app.request(p, {}, VARS)).arrayBuffer();
    cached.push(performance.now() - started);
  }
  return {
    content: name,
    feeds: paths.length,
    bytes,
    totalMs: cold.reduce((a, b) => a + b, 0),
    medianMs: quantile(cold, 0.5),
    p95Ms: quantile(cold, 0.95),
    maxMs: Math.max(...cold),
    slowest,
    cachedMedianMs: quantile(cached, 0.5),
  };
}

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p99: number };
  errors: number;
  non2xx: number;
  timeouts: number;
}

/**
 * The default load generator: keep-alive connections through Node's own HTTP client, whose
 * parser (llhttp) is native. autocannon parses responses in JavaScript; on a two-core machine
 * that client-side work grows with the body and competes with workerd for the CPU, so it
 * measures the client as much as the server. Runs as a second process, like autocannon.
 */
const NODE_LOADGEN = `
import http from 'node:http';
const [url, connections, seconds, headerJson] = process.argv.slice(1);
const headers = JSON.parse(headerJson);
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(connections) });
const u = new URL(url);
let count = 0, errors = 0;
const latencies = [];
const end = Date.now() + Number(seconds) * 1000;
const one = () => new Promise((resolve) => {
  const started = performance.now();
  const req = http.request({ host: u.hostname, port: u.port, path: u.pathname + u.search, agent, headers }, (res) => {
    if (res.statusCode !== 200) errors++;
    res.on('data', () => {});
    res.on('end', () => { count++; latencies.push(performance.now() - started); resolve(); });
  });
  req.on('error', () => { errors++; resolve(); });
  req.end();
});
const t0 = performance.now();
await Promise.all(Array.from({ length: Number(connections) }, async () => { while (Date.now() < end) await one(); }));
const elapsed = (performance.now() - t0) / 1000;
latencies.sort((a, b) => a - b);
const p99 = latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))] ?? 0;
console.log(JSON.stringify({ requests: { average: count / elapsed, total: count }, latency: { p99: Math.round(p99) }, errors, non2xx: 0, timeouts: 0 }));
`;

export type LoadClient = 'node' | 'autocannon';

/** One load run in a child process (the load generator must not share our event loop). */
async function loadRun(client: LoadClient, url: string, connections: number, seconds: number, headers: Record<string, string> = {}): Promise<AutocannonResult> {
  const args =
    client === 'autocannon'
      ? [
          path.join(root, 'node_modules', 'autocannon', 'autocannon.js'),
          '--json',
          '--connections', String(connections),
          '--duration', String(seconds),
          ...Object.entries(headers).flatMap(([k, v]) => ['--headers', `${k}=${v}`]),
          url,
        ]
      : ['--input-type=module', '-e', NODE_LOADGEN, url, String(connections), String(seconds), JSON.stringify(headers)];
  const { stdout } = await execFileAsync(process.execPath, args, { cwd: root, maxBuffer: 16 * 1024 * 1024, timeout: (seconds + 30) * 1000 });
  return JSON.parse(stdout) as AutocannonResult;
}

interface Route {
  path: string;
  acceptEncoding: string;
}

/**
 * Requests/s of feed routes against the trivial route. Rounds interleave every route (in a
 * rotating order), and each ratio is taken within its round, so load from elsewhere on the
 * machine hits both sides of a ratio alike; the median ratio over rounds is reported.
 */
export async function benchUnderLoad(
  options: { seconds?: number; rounds?: number; connections?: number; client?: LoadClient; args?: string[]; milestoneFeed?: string } = {},
): Promise<NonNullable<FeedBenchFigures['load']>> {
  const client = options.client ?? 'node';
  const seconds = options.seconds ?? 3;
  const rounds = options.rounds ?? 5;
  const connections = options.connections ?? 10;
  const server = await startWranglerDev(options.args ? { args: options.args } : {});
  try {
    // The heaviest milestone feed of the sample: several weeks, two sub-milestones.
    const milestoneFeed = options.milestoneFeed ?? '/milestones/northwind-dev-roadmap-21/feed.xml';
    const routes: Route[] = [
      { path: '/healthz', acceptEncoding: 'identity' },
      { path: '/feed.xml', acceptEncoding: 'gzip' },
      { path: milestoneFeed, acceptEncoding: 'gzip' },
      { path: '/feed.xml', acceptEncoding: 'identity' },
      { path: milestoneFeed, acceptEncoding: 'identity' },
    ];
    const sizes: number[] = [];
    for (const route of routes) {
      // The first request renders and memoises; what is measured is serving from the memo.
      const res = await fetch(`${server.origin}${route.path}`, { headers: { 'Accept-Encoding': route.acceptEncoding } });
      if (!res.ok) throw new Error(`${route.path}: ${res.status}`);
      const decoded = (await res.arrayBuffer()).byteLength;
      // fetch decodes gzip: the wire size is the Content-Length, when the server sent one.
      sizes.push(Number(res.headers.get('Content-Length')) || decoded);
    }
    await loadRun(client, `${server.origin}/healthz`, connections, 2); // let the JIT and the proxy settle
    const results: AutocannonResult[][] = routes.map(() => []);
    for (let round = 0; round < rounds; round++) {
      // Rotate the order each round so no route always runs first or last.
      for (let k = 0; k < routes.length; k++) {
        const i = (k + round) % routes.length;
        const route = routes[i]!;
        results[i]!.push(await loadRun(client, `${server.origin}${route.path}`, connections, seconds, { 'Accept-Encoding': route.acceptEncoding }));
      }
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const trivial = results[0]!.map((r) => r.requests.average);
    return {
      client,
      connections,
      seconds,
      rounds,
      routes: routes.map((route, i) => {
        const runs = results[i]!;
        const rps = runs.map((r) => r.requests.average);
        return {
          path: route.path,
          acceptEncoding: route.acceptEncoding,
          bytes: sizes[i]!,
          requestsPerSecond: mean(rps),
          rounds: rps,
          p99LatencyMs: Math.max(...runs.map((r) => r.latency.p99)),
          errors: runs.reduce((n, r) => n + r.errors + r.non2xx + r.timeouts, 0),
          ratio: quantile(
            rps.map((x, round) => x / trivial[round]!),
            0.5,
          ),
        };
      }),
    };
  } finally {
    await server.stop();
  }
}

export async function benchFeeds(
  options: { seconds?: number; rounds?: number; connections?: number; client?: LoadClient; load?: boolean } = {},
): Promise<FeedBenchFigures> {
  const cold = [
    await benchColdRender('sample (content/)', path.join(root, 'content')),
    await benchColdRender('corpus (../shared/corpus)', path.resolve(root, '../shared/corpus')),
  ];
  if (options.load === false) return { cold };
  return { cold, load: await benchUnderLoad(options) };
}

export function formatFeedFigures(figures: FeedBenchFigures): string {
  const lines = [
    '### Cold render of every feed (first request of an isolate, in process)\n',
    '| content | feeds | MB out | total ms | median ms | p95 ms | max ms (slowest) | cached median ms |',
    '|---|---|---|---|---|---|---|---|',
    ...figures.cold.map(
      (c) =>
        `| ${c.content} | ${c.feeds} | ${(c.bytes / 1e6).toFixed(2)} | ${c.totalMs.toFixed(0)} | ${c.medianMs.toFixed(2)} | ${c.p95Ms.toFixed(2)} | ${c.maxMs.toFixed(1)} (${c.slowest}) | ${c.cachedMedianMs.toFixed(3)} |`,
    ),
  ];
  if (figures.load) {
    const l = figures.load;
    lines.push(
      '',
      `### Under load: wrangler dev, ${l.client === 'node' ? 'Node http client (native parser)' : 'autocannon'} in a second process (${l.connections} connections, ${l.rounds} rounds × ${l.seconds} s per route, interleaved)\n`,
      '| route | Accept-Encoding | body bytes | req/s (mean) | per round | p99 ms | errors | × trivial (median of rounds) |',
      '|---|---|---|---|---|---|---|---|',
      ...l.routes.map(
        (r) =>
          `| \`${r.path}\` | ${r.acceptEncoding} | ${r.bytes} | ${r.requestsPerSecond.toFixed(0)} | ${r.rounds.map((x) => x.toFixed(0)).join(' / ')} | ${r.p99LatencyMs} | ${r.errors} | ${r.ratio.toFixed(2)} |`,
      ),
    );
  }
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '3' },
      rounds: { type: 'string', default: '5' },
      connections: { type: 'string', default: '10' },
      client: { type: 'string', default: 'node' },
      'no-load': { type: 'boolean', default: false },
    },
  });
  const figures = await benchFeeds({
    seconds: Number(values.seconds),
    rounds: Number(values.rounds),
    connections: Number(values.connections),
    client: values.client === 'autocannon' ? 'autocannon' : 'node',
    load: !values['no-load'],
  });
  console.log(formatFeedFigures(figures));
}
