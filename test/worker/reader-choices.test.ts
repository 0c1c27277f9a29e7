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
import { activeSubscriber, asMessages, env, recordingQueue, recordingTransport, resetDigests, site, siteAsOf, testEnv, unplayedQueueEnv } from './digest.helpers';
import { harness, linkIn, postForm, storedSubscriber, uniqueEmail } from './subscribers.helpers';
import { createApp } from '../../src/app';
import { indexMilestones } from '../../src/content/milestones';
import type { Milestone } from '../../src/content/model';
import { statusIndex } from '../../src/status';
import { teamChoiceTree, type Choice } from '../../src/subscribers/choices';

beforeEach(async () => {
  await resetDigests();
  await env.DB.batch([env.DB.prepare('DELETE FROM instant_deliveries'), env.DB.prepare('DELETE FROM instant_announcements')]);
});

async function setChoice(id: number, frequency: string, content: string) {
  await env.DB.prepare('UPDATE subscribers SET frequency = ?, content = ? WHERE id = ?').bind(frequency, content, id).run();
}

async function weeklyDigest() {
  await cutDigest(unplayedQueueEnv(), siteAsOf('2026-11-02'), { period: 'baseline', now: new Date('2026-11-02T07:00:00Z') });
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
    // The subject's numbers are the body's: its new blockers are those "In this issue" counts new.
    const blockers = /(\d+) new blockers?/.exec(mail!.subject)?.[1];
    expect(blockers).toBeDefined();
    expect(html).toMatch(new RegExp(`<li class="t-fg" style="font-family:-apple-system,BlinkMacSystemFont,&#39;Segoe UI&#39;,Roboto,Helvetica,Arial,sans-serif;color:#1f2328;">\\d+ blockers? \\((new|${blockers} new)\\)`));
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

describe('the preferences page', () => {
  const statuses = statusIndex(site, { quietWeeks: 3 });
  const of = (team: string, status: string) => site.milestones.filter((m) => m.team === team && statuses.get(m.key)?.status === status);
  /** A milestone's line (its label) on the page. */
  const line = (page: string, key: string) => {
    const at = page.indexOf(`value="milestone:${key}"`);
    expect(at, key).toBeGreaterThan(0);
    return page.slice(at, page.indexOf('</label>', at));
  };
  const folds = (page: string) => [...page.matchAll(/<details class="folded">([\s\S]*?)<\/details>/g)].map((m) => m[1]!);

  it('groups milestones by team and parent, each with its status; done and quiet folded unless followed; "active" stays plain', async () => {
    const h = harness();
    const [blocked] = of('beacon', 'blocked');
    const [followedQuiet, otherQuiet] = of('beacon', 'quiet');
    expect(blocked && followedQuiet && otherQuiet).toBeTruthy();
    const reader = await storedSubscriber([`milestone:${blocked!.key}`, `milestone:${followedQuiet!.key}`]);
    const page = await (await h.fetch(`${reader.preferences}&team=atlas`)).text();

    // By team, with what its milestones are.
    const counts = (team: string) =>
      (['blocked', 'at-risk', 'active', 'done', 'quiet'] as const)
        .map((s) => [s, site.milestones.filter((m) => m.team === team && statuses.get(m.key)?.status === s).length] as const)
        .filter(([, n]) => n > 0)
        .map(([s, n]) => `${n} ${s === 'at-risk' ? 'at risk' : s}`)
        .join(', ');
    const beacon = site.milestones.filter((m) => m.team === 'beacon').length;
    expect(page).toContain(`<details open="" id="team-beacon"><summary>Beacon <span class="muted">(${beacon} milestones: ${counts('beacon')} · 2 followed)</span>`);
    expect(page).toContain(`<details open="" id="team-atlas"><summary>Atlas <span class="muted">(11 milestones: ${counts('atlas')})</span>`);
    // Each with its badge; a deliverable nested under its parent (inside the parent's item).
    expect(line(page, blocked!.key)).toContain('<span class="status status-blocked"');
    expect(line(page, blocked!.key)).toContain('>Blocked</span>');
    const parent = page.indexOf(`value="milestone:${blocked!.parentKey}"`);
    expect(parent).toBeGreaterThan(0);
    expect(page.indexOf(`value="milestone:${blocked!.key}"`)).toBeLessThan(page.indexOf('</li>', parent));
    expect(line(page, blocked!.key)).toMatch(/roadmap#\d+/);
    // Active is said, quietly: no coloured badge.
    const active = of('beacon', 'active')[0]!;
    expect(line(page, active.key)).toContain('<span class="muted" title="reported recently, no risk or blocker listed"> · active</span>');
    expect(page).not.toContain('class="status status-active"');
    // The quiet one followed is in sight, ticked; the other quiet one is folded, with its date.
    expect(line(page, followedQuiet!.key)).toContain('checked=""');
    expect(line(page, followedQuiet!.key)).toContain('>Quiet</span>');
    expect(folds(page).some((f) => f.includes(`milestone:${followedQuiet!.key}"`))).toBe(false);
    expect(folds(page).some((f) => f.includes(`milestone:${otherQuiet!.key}"`) && f.includes(`last reported ${otherQuiet!.lastSeen}`))).toBe(true);
    // Atlas's done and quiet milestones folded behind one line that counts them.
    for (const m of [...of('atlas', 'done'), ...of('atlas', 'quiet')].filter((m) => !m.parentKey)) {
      expect(folds(page).some((f) => f.includes(`milestone:${m.key}"`)), m.key).toBe(true);
    }
    expect(page).toContain(`<summary>Show ${of('atlas', 'done').length} done, ${of('atlas', 'quiet').length} quiet</summary>`);
  });

  it('says which team is silent and marks its quiet milestones "Silent"', async () => {
    // Beacon stops reporting after 2026-10-12 while Atlas goes on to 2026-11-09.
    const updates = site.updates.filter((u) => u.team !== 'beacon' || u.date <= '2026-10-12');
    const stopped = { ...site, version: `${site.version}-beacon-stopped`, updates, milestones: indexMilestones(updates) };
    const h = harness({}, createApp(stopped));
    const quiet = stopped.milestones.find((m) => m.team === 'beacon' && statusIndex(stopped, { quietWeeks: 3 }).get(m.key)?.status === 'quiet')!;
    const reader = await storedSubscriber([`milestone:${quiet.key}`]);
    const page = await (await h.fetch(reader.preferences)).text();
    expect(page).toContain('<summary>Beacon <span class="muted">(silent since 2026-10-12 · ');
    expect(page).toContain('Beacon has published no report since 2026-10-12: its milestones are silent.');
    expect(line(page, quiet.key)).toContain('>Silent</span>');
    expect(page).not.toContain('<summary>Atlas <span class="muted">(silent');
  });

  it('tells apart milestones a team names alike: by area, by parent, by tracker, else by key', () => {
    const m = (key: string, title: string, extra: Partial<Milestone> = {}): Milestone => ({
      key, title, titles: [title], team: 'lab', level: 'workstream', weeks: [], firstSeen: '2026-01-05', lastSeen: '2026-01-05', ...extra,
    });
    const tree = teamChoiceTree(
      [
        m('lab-mixnet-research', 'Research'),
        m('lab-carnot-research', 'Research'),
        m('lab-p2p', 'P2P'),
        m('lab-p2p-research', 'Research', { parentKey: 'lab-p2p', level: 'sub-milestone' }),
        m('org-repo-12', 'Testing', { trackerUrl: 'https://github.com/org/repo/issues/12' }),
        m('org-repo-m3', 'Testing', { trackerUrl: 'https://github.com/org/repo/milestone/3' }),
        m('lab-misc', 'misc'),
        m('lab-dr-misc', 'misc'),
        m('lab-unique', 'Unique'),
      ],
      () => 'active',
      new Map([['lab-mixnet-research', 'Mixnet'], ['lab-carnot-research', 'Carnot']]),
    );
    const all = (g: ReturnType<typeof teamChoiceTree>): Choice[] => [...g.current, ...g.folded].flatMap((c) => [c, ...all(c.children)]);
    const by = new Map(all(tree).map((c) => [c.key, c]));
    expect(by.get('lab-mixnet-research')).toMatchObject({ area: 'Mixnet' });
    expect(by.get('lab-carnot-research')).toMatchObject({ area: 'Carnot' });
    expect(by.get('lab-p2p-research')).toMatchObject({ parentTitle: 'P2P' });
    expect(by.get('org-repo-12')).toMatchObject({ trackerRef: 'repo#12' });
    expect(by.get('org-repo-m3')).toMatchObject({ trackerRef: 'repo milestone 3' });
    for (const key of ['lab-misc', 'lab-dr-misc']) expect(by.get(key)!.showKey, key).toBe(true);
    for (const key of ['lab-mixnet-research', 'org-repo-12', 'lab-unique']) expect(by.get(key)!.showKey, key).toBeUndefined();
    expect(by.get('lab-unique')!.area ?? by.get('lab-unique')!.parentTitle).toBeUndefined();
  });
});

describe('"Everything" with something else ticked', () => {
  const [one, two] = site.milestones.filter((m) => m.team === 'beacon' && !m.parentKey) as [Milestone, Milestone];
  const save = (h: ReturnType<typeof harness>, token: string, scopes: string[], frequency = 'weekly') =>
    postForm(h, '/preferences', [['token', token], ...scopes.map((s): [string, string] => ['scope', s]), ['frequency', frequency], ['content', 'everything']]);
  const scopesOf = async (id: number) =>
    (await env.DB.prepare('SELECT scope FROM subscriber_scopes WHERE subscriber_id = ? ORDER BY scope').bind(id).all<{ scope: string }>()).results.map((r) => r.scope);

  it('a milestone ticked while "Everything" is ticked: nothing saved, the page says so and keeps the ticks', async () => {
    const h = harness();
    const reader = await storedSubscriber(['all']);
    const res = await save(h, reader.token, ['all', `milestone:${one.key}`], 'instant');
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('You already get everything: untick it to choose.');
    expect(page).toContain(`You also ticked milestone “${one.title}” (Beacon); nothing was saved.`);
    expect(page).not.toContain('Saved.');
    expect(page).toContain(`value="milestone:${one.key}" checked=""`);
    expect(page).toContain('value="all" checked=""');
    expect(page).toContain('value="instant" checked=""');
    expect(await scopesOf(reader.id)).toEqual(['all']);
    // Unticking "Everything" saves the milestone.
    const saved = await save(h, reader.token, [`milestone:${one.key}`]);
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain('Saved.');
    expect(await scopesOf(reader.id)).toEqual([`milestone:${one.key}`]);
  });

  it('"Everything" newly ticked over what was followed: saved, and the page says what it now covers', async () => {
    const h = harness();
    const reader = await storedSubscriber([`milestone:${one.key}`, 'team:atlas']);
    const res = await save(h, reader.token, ['all', `milestone:${one.key}`, 'team:atlas']);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(`Saved. ${reader.email} will receive a weekly digest (everything that changed) about what is ticked below. You now get everything, which covers what you followed before (milestone “${one.title}” (Beacon) and team Atlas).`);
    expect(await scopesOf(reader.id)).toEqual(['all']);
  });

  it('"Everything" and a new milestone ticked together: nothing saved, the page asks which', async () => {
    const h = harness();
    const reader = await storedSubscriber([`milestone:${one.key}`]);
    const res = await save(h, reader.token, ['all', `milestone:${one.key}`, `milestone:${two.key}`]);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(`“Everything” covers every team and milestone: untick it to follow only milestone “${one.title}” (Beacon) and milestone “${two.title}” (Beacon), or untick those to get everything. Nothing was saved.`);
    expect(await scopesOf(reader.id)).toEqual([`milestone:${one.key}`]);
  });
});
