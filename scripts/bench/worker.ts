/**
 * Benchmark Worker: the production digest code (cutDigest, handleDigestQueue) with two
 * instruments around it — a D1 wrapper that counts round trips, and a mail transport that
 * counts messages instead of sending them. Never deployed.
 */
import { cutDigest, digestRenderCount, handleDigestQueue, type DigestBatch } from '../../src/digest';
import type { Env } from '../../src/env';
import { MailTransportError, type MailMessage, type MailTransport } from '../../src/mail';
import { site } from '../../src/site';

const stats = { d1Calls: 0, d1Statements: 0, sent: 0, calls: 0, permanent: 0, ambiguous: 0, firstSentAt: 0, lastSentAt: 0 };
/** Messages delivered per idempotency key (the Message-ID of a digest to one subscriber). */
const delivered = new Map<string, number>();
/** Failure mode of the run: none, or 1 % permanent + 1 % ambiguous failures. */
let failures = false;
let digestId = 0;

const originals = new WeakMap<object, D1PreparedStatement>();
function countStatement(statement: D1PreparedStatement): D1PreparedStatement {
  const proxy = new Proxy(statement, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (prop === 'bind') return (...args: unknown[]) => countStatement(target.bind(...args));
      if (prop === 'first' || prop === 'all' || prop === 'run' || prop === 'raw') {
        return (...args: unknown[]) => {
          stats.d1Calls++;
          stats.d1Statements++;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  originals.set(proxy, statement);
  return proxy;
}

function countingDb(db: D1Database): D1Database {
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'prepare') return (sql: string) => countStatement(target.prepare(sql));
      if (prop === 'batch') {
        return (statements: D1PreparedStatement[]) => {
          stats.d1Calls++;
          stats.d1Statements += statements.length;
          return target.batch(statements.map((s) => originals.get(s) ?? s));
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Deterministic per recipient: the subscriber id in the Message-ID decides. */
function subscriberOf(message: MailMessage): number {
  return Number(/subscriber-(\d+)@/.exec(message.idempotencyKey ?? '')?.[1] ?? 0);
}

/**
 * A transport that counts instead of sending and deduplicates by idempotency key like the HTTP
 * API does. With failures on: every 100th recipient is refused for good (permanent), and every
 * 100th (another residue) is accepted but answered with a timeout the first time (ambiguous).
 */
const counting: MailTransport = {
  name: 'counting',
  deduplicates: true,
  async send(message) {
    stats.calls++;
    const id = subscriberOf(message);
    if (failures && id % 100 === 7) {
      stats.permanent++;
      throw new MailTransportError('bench: recipient refused (422)', { kind: 'permanent', recipient: true, code: 'HTTP_422' });
    }
    const key = message.idempotencyKey ?? `${message.to}|${message.subject}`;
    const copies = delivered.get(key) ?? 0;
    if (copies === 0) {
      delivered.set(key, 1);
      const now = Date.now();
      if (stats.sent === 0) stats.firstSentAt = now;
      stats.sent++;
      stats.lastSentAt = now;
    }
    if (failures && id % 100 === 13 && copies === 0) {
      stats.ambiguous++;
      throw new MailTransportError('bench: accepted, then the answer timed out', { kind: 'ambiguous' });
    }
    return {};
  },
};

const instrumented = (env: Env): Env => ({ ...env, DB: countingDb(env.DB) });

/**
 * Distinct scope sets: everything, each team, single milestones and pairs of them — all with
 * news in the latest week, so that every subscriber gets a message.
 */
function scopeSets(count: number): string[][] {
  const sets: string[][] = [['all'], ...site.teams.map((t) => [`team:${t.slug}`])];
  const latest = site.updates[0]?.date;
  const keys = site.milestones.filter((m) => m.lastSeen === latest).map((m) => `milestone:${m.key}`);
  for (let i = 0; sets.length < count && i < keys.length; i++) sets.push([keys[i]!]);
  for (let gap = 1; sets.length < count && gap < keys.length; gap++) {
    for (let i = 0; sets.length < count && i + gap < keys.length; i++) sets.push([keys[i]!, keys[i + gap]!]);
  }
  return sets.slice(0, count);
}

async function seed(env: Env, subscribers: number, setCount: number): Promise<{ subscribers: number; scopeSets: number }> {
  const sets = scopeSets(setCount);
  const at = new Date().toISOString();
  for (let start = 0; start < subscribers; start += 1000) {
    const rows = Array.from({ length: Math.min(1000, subscribers - start) }, (_, i) => {
      const n = start + i;
      return { email: `reader-${n}@bench.example`, scopes: sets[n % sets.length]! };
    });
    const scopes = rows.flatMap((r) => r.scopes.map((scope) => ({ email: r.email, scope })));
    await env.DB.batch([
      env.DB.prepare(
        "INSERT INTO subscribers (email, status, created_at, updated_at, confirmed_at) SELECT json_extract(value, '$.email'), 'active', ?2, ?2, ?2 FROM json_each(?1)",
      ).bind(JSON.stringify(rows.map((r) => ({ email: r.email }))), at),
      env.DB.prepare(
        "INSERT INTO subscriber_scopes (subscriber_id, scope, created_at) SELECT s.id, json_extract(j.value, '$.scope'), ?2 FROM json_each(?1) j JOIN subscribers s ON s.email = json_extract(j.value, '$.email')",
      ).bind(JSON.stringify(scopes), at),
    ]);
  }
  return { subscribers, scopeSets: sets.length };
}

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (request.method === 'POST' && url.pathname === '/bench/seed') {
      return Response.json(await seed(env, Number(url.searchParams.get('subscribers') ?? 10000), Number(url.searchParams.get('sets') ?? 50)));
    }
    if (request.method === 'POST' && url.pathname === '/bench/run') {
      Object.assign(stats, { d1Calls: 0, d1Statements: 0, sent: 0, calls: 0, permanent: 0, ambiguous: 0, firstSentAt: 0, lastSentAt: 0 });
      delivered.clear();
      failures = url.searchParams.get('failures') === '1';
      const started = Date.now();
      const result = await cutDigest(instrumented(env), site, { period: `bench-${started}`, now: new Date(started) });
      digestId = result.digest.id;
      return Response.json({ started, cutMs: Date.now() - started, recipients: result.digest.recipients, batches: result.batches, cutD1Calls: stats.d1Calls });
    }
    if (url.pathname === '/bench/stats') {
      // Rows not final yet (read outside the instrumented binding: not counted).
      const open = digestId
        ? ((await env.DB.prepare("SELECT COUNT(*) AS n FROM digest_deliveries WHERE digest_id = ? AND status IN ('pending', 'sending')").bind(digestId).first<{ n: number }>())?.n ?? 0)
        : 0;
      let once = 0;
      let more = 0;
      for (const copies of delivered.values()) copies === 1 ? once++ : more++;
      return Response.json({ ...stats, open, deliveredOnce: once, deliveredMore: more, renders: digestRenderCount() });
    }
    if (url.pathname === '/bench/outcomes') {
      const { results } = await env.DB.prepare('SELECT status, COUNT(*) AS n, SUM(possible_duplicate) AS dup FROM digest_deliveries WHERE digest_id = ? GROUP BY status').bind(digestId).all();
      return Response.json(results);
    }
    return new Response('not found', { status: 404 });
  },

  async queue(batch, env) {
    await handleDigestQueue(batch, instrumented(env), site, counting);
  },
} satisfies ExportedHandler<Env, DigestBatch>;
