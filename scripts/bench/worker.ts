/**
 * Benchmark Worker: the production digest code (cutDigest, handleDigestQueue) with two
 * instruments around it — a D1 wrapper that counts round trips, and a mail transport that
 * counts messages instead of sending them. Never deployed.
 */
import { cutDigest, digestRenderCount, handleDigestQueue, type DigestBatch } from '../../src/digest';
import type { Env } from '../../src/env';
import type { MailTransport } from '../../src/mail';
import { site } from '../../src/site';

const stats = { d1Calls: 0, d1Statements: 0, sent: 0, firstSentAt: 0, lastSentAt: 0 };

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

const counting: MailTransport = {
  name: 'counting',
  async send() {
    const now = Date.now();
    if (stats.sent === 0) stats.firstSentAt = now;
    stats.sent++;
    stats.lastSentAt = now;
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
      Object.assign(stats, { d1Calls: 0, d1Statements: 0, sent: 0, firstSentAt: 0, lastSentAt: 0 });
      const started = Date.now();
      const result = await cutDigest(instrumented(env), site, { period: `bench-${started}`, now: new Date(started) });
      return Response.json({ started, cutMs: Date.now() - started, recipients: result.digest.recipients, batches: result.batches, cutD1Calls: stats.d1Calls });
    }
    if (url.pathname === '/bench/stats') return Response.json({ ...stats, renders: digestRenderCount() });
    return new Response('not found', { status: 404 });
  },

  async queue(batch, env) {
    await handleDigestQueue(batch, instrumented(env), site, counting);
  },
} satisfies ExportedHandler<Env, DigestBatch>;
