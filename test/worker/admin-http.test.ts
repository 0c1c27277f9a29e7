/**
 * The admin API as a script sees it: every error is problem+json (RFC 9457), never an HTML
 * page or a bare "Internal Server Error"; every admin route bounds the body it accepts; bad
 * bodies are 4xx, never 500. Over both apps: createApp (the site) and createWorkerApp (deployed).
 */
import { describe, expect, it, vi } from 'vitest';
import { createApp, createWorkerApp } from '../../src/app';
import type { Env } from '../../src/env';
import { servedData } from '../assets';
import { env, harness, site } from './subscribers.helpers';

const admin = { Authorization: `Bearer ${env.ADMIN_TOKEN}`, 'CF-Connecting-IP': '192.0.2.201' };
const apps = { site: createApp(site), worker: createWorkerApp(servedData(site).catalog) };

/** A D1 binding whose statements on `table` fail, like a database that is down. */
function failingDb(table: string): D1Database {
  const real = env.DB;
  return new Proxy(real, {
    get(target, prop) {
      if (prop === 'prepare') {
        return (sql: string) => {
          if (sql.includes(table)) throw new Error(`D1_ERROR: no such table: ${table}`);
          return target.prepare(sql);
        };
      }
      const value = Reflect.get(target, prop);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const isProblem = async (res: Response, status: number) => {
  expect(res.status).toBe(status);
  expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
  const body = await res.json<{ status: number; title: string }>();
  expect(body.status).toBe(status);
  expect(body.title).toBeTruthy();
};

describe.each(Object.entries(apps))('admin errors as problem+json (%s app)', (_name, app) => {
  const request = (path: string, init: RequestInit = {}, e: Partial<Env> = {}) => app.request(path, init, { ...env, ...e });

  it('an unknown admin path is a 404 problem, not the HTML page', async () => {
    await isProblem(await request('/admin/nothing-here', { headers: admin }), 404);
    await isProblem(await request('/admin/subscribers/a@example.com/nothing', { method: 'POST', headers: admin }), 404);
  });

  it('a failure inside an admin route is a 500 problem, logged, not HTML or plain text', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    await isProblem(await request('/admin/subscribers', { headers: admin }, { DB: failingDb('subscribers') }), 500);
    await isProblem(await request('/admin/digests', { headers: admin }, { DB: failingDb('digests') }), 500);
    // Even when the client asked for HTML.
    await isProblem(await request('/admin/subscribers', { headers: { ...admin, Accept: 'text/html' } }, { DB: failingDb('subscribers') }), 500);
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });

  it('malformed JSON to an admin route is a 400 problem', async () => {
    await isProblem(await request('/admin/digests/preview/send', { method: 'POST', headers: { ...admin, 'Content-Type': 'application/json' }, body: '{"to": ' }), 400);
  });
});

describe('admin bodies', () => {
  const app = apps.site;
  const post = (path: string, body: BodyInit, contentType = 'application/json', method = 'POST') =>
    app.request(path, { method, headers: { ...admin, 'Content-Type': contentType }, body }, env);

  it('test send: a JSON null, an array, a string or a number is a 400, not a 500', async () => {
    for (const body of ['null', '[]', '"x"', '42', 'true']) {
      const res = await post('/admin/digests/preview/send', body);
      expect(res.status, body).toBe(400);
      expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    }
  });

  it('10 MB to any admin route is a 413 problem, read no further', async () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    const routes: Array<[string, string]> = [
      ['POST', '/admin/digests/preview/send'],
      ['POST', '/admin/subscribers/import'],
      ['POST', '/admin/digests'],
      ['DELETE', '/admin/subscribers/a@example.com'],
      ['POST', '/admin/subscribers/a@example.com/unsuppress'],
      ['POST', '/admin/digests/1/resume'],
    ];
    for (const [method, path] of routes) {
      const res = await post(path, JSON.stringify({ to: big }), 'application/json', method);
      expect(res.status, `${method} ${path}`).toBe(413);
      expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    }
    // Also without a Content-Length (a stream): counted as it is read.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 40; i++) controller.enqueue(new TextEncoder().encode('y'.repeat(256 * 1024)));
        controller.close();
      },
    });
    const res = await app.request('/admin/subscribers/import', { method: 'POST', headers: { ...admin, 'Content-Type': 'text/csv' }, body: stream, duplex: 'half' } as RequestInit, env);
    expect(res.status).toBe(413);
    // A CSV import of up to 2 MB is still accepted as before (here: refused for its rows, 400, not 413).
    expect((await post('/admin/subscribers/import', `email\n${'not-an-address\n'.repeat(100_000)}`, 'text/csv')).status).toBe(400);
  });

  it('unauthenticated big bodies get the 401, not a 413 that tells the route exists', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const res = await app.request('/admin/subscribers/import', { method: 'POST', headers: { 'CF-Connecting-IP': '192.0.2.202', 'Content-Type': 'text/csv' }, body: 'x'.repeat(3 * 1024 * 1024) }, env);
    expect(res.status).toBe(401);
    vi.restoreAllMocks();
  });
});

describe('multipart without a boundary', () => {
  it('POST /subscribe, /preferences, /unsubscribe and the test send: 400, never 500', async () => {
    const h = harness();
    for (const path of ['/subscribe', '/preferences', '/unsubscribe?token=x']) {
      const res = await h.fetch(path, { method: 'POST', headers: { 'Content-Type': 'multipart/form-data', 'CF-Connecting-IP': '192.0.2.203' }, body: 'email=a%40example.com' });
      expect(res.status, path).toBe(400);
    }
    const res = await apps.site.request('/admin/digests/preview/send', { method: 'POST', headers: { ...admin, 'Content-Type': 'multipart/form-data' }, body: 'to=a@example.com' }, env);
    expect(res.status).toBe(400);
  });
});

describe('bad requests to the admin API', () => {
  it('hundreds of malformed requests: never a 5xx, always problem+json, nothing written', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const counts = async () =>
      env.DB.prepare('SELECT (SELECT COUNT(*) FROM subscribers) AS s, (SELECT COUNT(*) FROM subscriber_scopes) AS sc, (SELECT COUNT(*) FROM digests) AS d, (SELECT COUNT(*) FROM digest_deliveries) AS r').first();
    const before = await counts();
    const weird = ['%25', '%2525', '%ZZ', 'a%00b@x.example', encodeURIComponent('ü@例え.jp'), 'x'.repeat(400), '..%2F..%2Fetc', '%E0%A4%A', '+', '@', 'a@b@c', '0', '-1', '1e3', 'null'];
    const paths = [
      '/admin/subscribers',
      '/admin/subscribers.csv',
      '/admin/subscribers/import',
      ...weird.flatMap((w) => [`/admin/subscribers/${w}`, `/admin/subscribers/${w}/unsuppress`, `/admin/digests/${w}`, `/admin/digests/${w}/resume`]),
      '/admin/digests/preview',
      '/admin/digests/preview/send',
      '/admin',
      '/admin/',
      '/admin/nothing',
    ];
    const queries = ['', '?q=' + 'y'.repeat(300), '?q=%25%5F%5C', '?limit=0', '?limit=abc', '?after=-1', '?status=%00', '?scope=team:', '?scope=milestone:%2F..', '?format=pdf', '?period=' + 'p'.repeat(80), '?scope=' + 'team:x&scope='.repeat(50)];
    const bodies: Array<[string, BodyInit | undefined]> = [
      ['application/json', 'null'],
      ['application/json', '{'],
      ['application/json', '[1,2]'],
      ['application/json', '"to"'],
      ['application/json', JSON.stringify({ to: ['a@x.example'], scope: { x: 1 } })],
      ['multipart/form-data', 'to=a@x.example'],
      ['application/x-www-form-urlencoded', '%%%&&&=='],
      ['text/csv', 'email\n"unterminated'],
      ['text/csv', '\uFEFF'],
      ['application/octet-stream', new Uint8Array([0xff, 0xfe, 0x00, 0x01])],
      ['application/json', 'x'.repeat(70 * 1024)],
    ];
    let requests = 0;
    const fivexx: string[] = [];
    const notProblem: string[] = [];
    for (const [name, app] of Object.entries(apps)) {
      const send = async (method: string, path: string, contentType?: string, body?: BodyInit) => {
        requests++;
        const headers: Record<string, string> = { ...admin, ...(contentType ? { 'Content-Type': contentType } : {}) };
        const res = await app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) }, env);
        const label = `${name} ${method} ${path.slice(0, 80)} ${contentType ?? ''}`;
        if (res.status >= 500) fivexx.push(`${label}: ${res.status} ${(await res.text()).slice(0, 200)}`);
        else if (res.status >= 400 && !res.headers.get('Content-Type')?.startsWith('application/problem+json')) notProblem.push(`${label}: ${res.status} ${res.headers.get('Content-Type')}`);
        else await res.body?.cancel();
      };
      for (const path of paths) {
        for (const method of ['GET', 'DELETE', 'PUT', 'PATCH']) await send(method, path);
        // POST /admin/digests and /resume do what they are for whatever the body: not sent here.
        if (path === '/admin/digests' || /\/resume$/.test(path)) continue;
        for (const [type, body] of bodies) await send('POST', path, type, body);
      }
      for (const q of queries) for (const path of ['/admin/subscribers', '/admin/digests/preview']) await send('GET', `${path}${q}`);
    }
    console.log(`admin bad requests: ${requests} sent, ${fivexx.length} answered 5xx, ${notProblem.length} errors not problem+json`);
    expect(fivexx).toEqual([]);
    expect(notProblem).toEqual([]);
    expect(requests).toBeGreaterThanOrEqual(450);
    expect(await counts()).toEqual(before);
    error.mockRestore();
  });
});
