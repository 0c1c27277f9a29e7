/**
 * The admin API against guessing: failed attempts are throttled per client and logged
 * without the token; an unauthenticated caller learns nothing about the configuration;
 * tokens shorter than 32 characters are refused at start.
 */
import { describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/app';
import { startupProblems } from '../../src/http/secrets';
import { env, site } from './subscribers.helpers';
import type { Env } from '../../src/env';

const app = createApp(site);
const call = (ip: string, token: string | undefined, e: Partial<Env> = {}) =>
  app.request('/admin/subscribers', { headers: { 'CF-Connecting-IP': ip, ...(token ? { Authorization: `Bearer ${token}` } : {}) } }, { ...env, ...e });

describe('admin authentication', () => {
  it('throttles a client after 10 failed attempts in the window, even with the right token then; logs each failure without the token', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const ip = '198.51.100.23';
    const guess = 'wrong-token-guess-0123456789abcdef-xyz';
    for (let i = 1; i <= 10; i++) expect((await call(ip, `${guess}${i}`)).status).toBe(401);
    const throttled = await call(ip, env.ADMIN_TOKEN);
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('Retry-After'))).toBeGreaterThan(0);
    // Another client is not affected.
    expect((await call('198.51.100.24', env.ADMIN_TOKEN)).status).toBe(200);
    const lines = warn.mock.calls.map((c) => String(c[0]));
    expect(lines.filter((l) => l.includes('authentication failed') && l.includes('198.51.100.23'))).toHaveLength(10);
    expect(lines.some((l) => l.includes('10 of 10'))).toBe(true);
    for (const line of lines) expect(line).not.toContain(guess);
    warn.mockRestore();
  });

  it('answers the same to an unauthenticated caller whatever the configuration', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const bodies = new Set<string>();
    const cases: Array<[string | undefined, Partial<Env>]> = [
      [undefined, {}],
      ['nope', {}],
      ['nope', { ADMIN_TOKEN: undefined }],
      ['nope', { ADMIN_TOKEN: 'short-token' }],
      ['nope', { ADMIN_TOKEN: 'dev-0123456789abcdef0123456789abcdef', ENVIRONMENT: 'production' }],
    ];
    let n = 0;
    for (const [token, e] of cases) {
      const res = await call(`203.0.113.${++n}`, token, e);
      expect(res.status).toBe(401);
      bodies.add(await res.text());
    }
    expect(bodies.size).toBe(1);
    expect([...bodies][0]).not.toMatch(/ADMIN_TOKEN|short|characters|development|configured/i);
    vi.restoreAllMocks();
  });

  it('refuses a configured admin token shorter than 32 characters, also with the right bearer', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const short = 'only-31-characters-long-token!!';
    expect(short).toHaveLength(31);
    expect((await call('203.0.113.77', short, { ADMIN_TOKEN: short })).status).toBe(401);
    expect(startupProblems({ ADMIN_TOKEN: short, ENVIRONMENT: 'production' })[0]).toMatch(/ADMIN_TOKEN is too short \(31 characters, at least 32\)/);
    expect(startupProblems({ ADMIN_TOKEN: 'x'.repeat(32), ENVIRONMENT: 'production' })).toEqual([]);
    vi.restoreAllMocks();
  });
});

describe('admin lockout under parallel guessing', () => {
  it('200 parallel wrong tokens: exactly 10 are evaluated (401), every other one 429', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const ip = '198.51.100.99';
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => call(ip, `parallel-wrong-guess-0123456789abcdef-${i}`)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(190);
    expect((await call(ip, env.ADMIN_TOKEN)).status).toBe(429);
    warn.mockRestore();
  });
});
