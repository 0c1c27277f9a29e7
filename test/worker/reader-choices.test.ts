/**
 * What a reader chooses (how often, what) and how the digest email reads: in workerd with the
 * real local D1 (migration 0004).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { cutDigest, handleDigestQueue } from '../../src/digest';
import { announceNewUpdates } from '../../src/digest/instant';
import { memoryCatalog, type CatalogSource } from '../../src/catalog';
import type { SiteModel } from '../../src/content/model';
import { MAX_SUBJECT } from '../../src/digest/subject';
import { createMessageBatch } from 'cloudflare:test';
import { activeSubscriber, asMessages, env, recordingQueue, recordingTransport, resetDigests, site, siteAsOf, testEnv } from './digest.helpers';
import { harness, linkIn, postForm, uniqueEmail } from './subscribers.helpers';

beforeEach(async () => {
  await resetDigests();
  await env.DB.batch([env.DB.prepare('DELETE FROM instant_deliveries'), env.DB.prepare('DELETE FROM instant_announcements')]);
});

async function setChoice(id: number, frequency: string, content: string) {
  await env.DB.prepare('UPDATE subscribers SET frequency = ?, content = ? WHERE id = ?').bind(frequency, content, id).run();
}

async function weeklyDigest() {
  await cutDigest(env, siteAsOf('2026-11-02'), { period: 'baseline', now: new Date('2026-11-02T07:00:00Z') });
  const { queue, batches } = recordingQueue();
  const e = testEnv({ DIGEST_QUEUE: queue as unknown as Queue });
  await cutDigest(e, site, { period: '2026-W46', now: new Date('2026-11-09T07:00:00Z') });
  const transport = recordingTransport();
  await handleDigestQueue(createMessageBatch('tidings-digest', asMessages(batches)), e, site, transport);
  return transport;
}

describe('the weekly digest email', () => {
  it('has "In this issue" first, blockers and risks (new and still open) before achievements, a subject of at most 60 characters that counts what the body shows', async () => {
    const reader = await activeSubscriber(['all']);
    const transport = await weeklyDigest();
    const [mail] = transport.to(reader.email);
    expect(mail).toBeDefined();
    expect(mail!.subject.length).toBeLessThanOrEqual(MAX_SUBJECT);
    const html = mail!.html!;
    const at = (s: string) => html.indexOf(s);
    expect(at('In this issue')).toBeGreaterThan(0);
    expect(at('In this issue')).toBeLessThan(at('>Blockers and risks<'));
    expect(at('>Blockers and risks<')).toBeLessThan(at('>Blocker<'));
    expect(at('>Blocker<')).toBeLessThan(at('>Risk<'));
    expect(at('>Risk<')).toBeLessThan(at('>Achieved<'));
    expect(html).toContain('still open, listed since');
    // The subject's numbers are the body's.
    const blockers = /(\d+) blockers?/.exec(mail!.subject)?.[1];
    expect(html).toContain(`<li class="t-fg" style="font-family:-apple-system,BlinkMacSystemFont,&#39;Segoe UI&#39;,Roboto,Helvetica,Arial,sans-serif;color:#1f2328;">${blockers} blocker`);
    // Every link coloured; dark mode declared.
    for (const a of html.match(/<a [^>]*>/g)!) expect(a).toMatch(/style="[^"]*color:/);
    expect(html).toContain('<meta name="color-scheme" content="light dark"/>');
    expect(html).toContain('prefers-color-scheme:dark');
    // The preheader is not the first achievement cut mid-word, and is padded.
    expect(html).toMatch(/aria-hidden="true">(Blocker|Risk) in /);
    expect(html).toContain('&zwnj;&nbsp;');
  });

  it('has a plain-text part wrapped at 72 columns that keeps every link of the HTML', async () => {
    const reader = await activeSubscriber(['all']);
    const transport = await weeklyDigest();
    const [mail] = transport.to(reader.email);
    const text = mail!.text!;
    for (const line of text.split('\n')) {
      if (!/^\s*<?https?:\/\//.test(line) && !/^\S+: https?:\/\//.test(line) && !line.includes('<http')) expect(line.length, line).toBeLessThanOrEqual(72);
    }
    const links = [...new Set([...mail!.html!.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&')))];
    for (const link of links) expect(text, link).toContain(link);
  });

  it('only risks and blockers, for a reader who chose that', async () => {
    const reader = await activeSubscriber(['all']);
    await setChoice(reader.id, 'weekly', 'risks');
    const transport = await weeklyDigest();
    const [mail] = transport.to(reader.email);
    expect(mail!.html).toContain('>Blocker<');
    expect(mail!.html).not.toContain('>Achieved<');
    expect(mail!.text!.replace(/\s+/g, ' ')).toContain('only risks and blockers');
  });

  it('no weekly digest for a reader who chose "as it happens"', async () => {
    const reader = await activeSubscriber(['all']);
    await setChoice(reader.id, 'instant', 'everything');
    const transport = await weeklyDigest();
    expect(transport.to(reader.email)).toEqual([]);
  });
});

describe('as it happens (hourly cron)', () => {
  it('records what is published on its first run, then mails one email per new update in scope, once', async () => {
    const atlasReader = await activeSubscriber(['team:atlas']);
    const weekly = await activeSubscriber(['all']);
    await setChoice(atlasReader.id, 'instant', 'everything');
    const first = await announceNewUpdates(testEnv(), siteAsOf('2026-11-02'), new Date());
    expect(first.baseline).toBe(true);
    // Through the queue, like every mail: the cron enqueues, the consumer sends.
    const q = recordingQueue();
    const e = testEnv({ DIGEST_QUEUE: q.queue as unknown as Queue });
    const second = await announceNewUpdates(e, site, new Date());
    expect(second.announced.sort()).toEqual(['atlas/2026-11-09', 'beacon/2026-11-09']);
    const transport = recordingTransport();
    await handleDigestQueue(createMessageBatch('tidings-digest', asMessages(q.take())), e, site, transport);
    const mails = transport.to(atlasReader.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject.startsWith('Atlas: ')).toBe(true);
    expect(mails[0]!.subject.length).toBeLessThanOrEqual(MAX_SUBJECT);
    expect(mails[0]!.text).toMatch(/\/unsubscribe\?token=/);
    expect(transport.to(weekly.email)).toEqual([]);
    // Run again: nothing new, nothing queued twice.
    expect((await announceNewUpdates(e, site, new Date())).announced).toEqual([]);
    expect(q.take()).toEqual([]);
  });

  it('reads no content at all when the content version is the one it last went through', async () => {
    const reads: string[] = [];
    const counting = (model: SiteModel): CatalogSource => {
      const inner = memoryCatalog(model);
      return {
        ...inner,
        view: async (need) => (reads.push('view'), inner.view(need)),
        teamUpdates: async (slug) => (reads.push(slug), inner.teamUpdates(slug)),
      };
    };
    const q = recordingQueue();
    const e = testEnv({ DIGEST_QUEUE: q.queue as unknown as Queue });
    await announceNewUpdates(e, counting(site), new Date());
    expect(reads.length).toBeGreaterThan(0);
    reads.length = 0;
    // The next hour, the same deployed content: not one team's index is read.
    const idle = await announceNewUpdates(e, counting(site), new Date());
    expect(idle).toMatchObject({ announced: [], queued: 0, unchanged: true });
    expect(reads).toEqual([]);
    // A deploy (another content version): every team is looked at again.
    const next = await announceNewUpdates(e, counting({ ...site, version: `${site.version}-next` }), new Date());
    expect(next.unchanged).toBeUndefined();
    expect(new Set(reads)).toEqual(new Set(site.teams.map((t) => t.slug)));
  });
});

describe('choices on subscribe and preferences', () => {
  it('the subscribe form stores how often and what; the confirmation says when the first mail comes; preferences change them', async () => {
    const h = harness();
    const email = uniqueEmail('choices');
    const res = await postForm(h, '/subscribe', [['email', email], ['scope', 'team:atlas'], ['frequency', 'instant'], ['content', 'risks']]);
    expect(res.status).toBe(202);
    expect(await res.text()).toContain(`<strong>${email}</strong>`);
    const row = await env.DB.prepare('SELECT frequency, content FROM subscribers WHERE email = ?').bind(email).first();
    expect(row).toEqual({ frequency: 'instant', content: 'risks' });
    const confirm = linkIn(h.mail.to(email)[0]!.text, 'confirm');
    const confirmed = await h.fetch(confirm);
    const page = await confirmed.text();
    expect(page).toContain('an email as each update is published (only risks and blockers)');
    expect(page).toContain('Your first email comes within the hour');

    const prefs = /href="([^"]*\/preferences\?token=[^"]+)"/.exec(page)![1]!.replace(/&amp;/g, '&');
    const prefsPage = await (await h.fetch(prefs)).text();
    // Grouped by team, collapsible without script, milestones in words (no "team:" syntax shown).
    expect(prefsPage).toContain('<details open="" id="team-atlas"><summary>Atlas');
    expect(prefsPage).toContain('Everything from Atlas');
    expect(prefsPage).not.toMatch(/>\s*(team|milestone):/);
    const token = new URL(prefs).searchParams.get('token')!;
    const saved = await postForm(h, '/preferences', [['token', token], ['scope', 'team:beacon'], ['frequency', 'weekly'], ['content', 'everything']]);
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain('a weekly digest (everything that changed)');
  });

  it('a weekly confirmation names the Monday of the first digest', async () => {
    const { firstMailWords } = await import('../../src/subscribers/pages');
    expect(firstMailWords({ frequency: 'weekly', content: 'everything' }, new Date('2026-11-25T12:00:00Z'))).toContain('Monday, 30 November 2026 at 07:00 UTC');
    expect(firstMailWords({ frequency: 'weekly', content: 'everything' }, new Date('2026-11-30T06:59:00Z'))).toContain('Monday, 30 November 2026');
    expect(firstMailWords({ frequency: 'weekly', content: 'everything' }, new Date('2026-11-30T07:00:00Z'))).toContain('Monday, 7 December 2026');
  });
});
