/**
 * The HTML pages of the sample content through the deployed Worker: home, team, update and
 * milestone pages, their feed autodiscovery, anchors that feed items link to, the subscribe
 * form, HTML 404s, and the same HTTP caching as the feeds.
 */
import { describe, expect, it } from 'vitest';
import { site } from '../../src/site';
import { appFetcher, env, expectedMilestoneItems, fetchFeed, SITE_URL } from './feeds.helpers';
import { scanPage } from './pages.helpers';
import { STYLESHEET, STYLESHEET_PATH } from '../../src/pages';

// The routes the static build renders every feed and page through (src/publish): the same
// bytes wrangler dev and the edge serve as files (test/e2e/static.test.ts).
const fetchSelf = appFetcher(site);

async function page(path: string) {
  const response = await fetchSelf(path);
  const html = await response.text();
  expect(response.status, `${path}: ${html.slice(0, 300)}`).toBe(200);
  expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
  expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
  return { response, html, scan: await scanPage(html) };
}

/** The stylesheet a page links (one file for every page: src/pages/style.ts), as served. */
async function linkedStylesheet(html: string): Promise<string> {
  const href = /<link rel="stylesheet" href="([^"]+)"\/>/.exec(html)?.[1];
  expect(href).toBe(STYLESHEET_PATH);
  const response = await fetchSelf(href!);
  expect(response.status).toBe(200);
  return response.text();
}

const feedAlternates = (base: string) => [
  { type: 'application/rss+xml', href: `${SITE_URL}${base}/feed.xml` },
  { type: 'application/atom+xml', href: `${SITE_URL}${base}/atom.xml` },
  { type: 'application/feed+json', href: `${SITE_URL}${base}/feed.json` },
];

describe('/', () => {
  it('shows this week first, team by team (latest report, its highlights, open blockers and risks, reported progress); then teams, latest updates and the subscribe form', async () => {
    const { html, scan } = await page('/');
    expect(scan.lang).toBe('en');
    expect(scan.viewport).toBe('width=device-width, initial-scale=1');
    expect(scan.title).toBe(env.SITE_TITLE);
    expect(scan.alternates).toEqual(expect.arrayContaining(feedAlternates('').map((a) => expect.objectContaining(a))));
    expect(scan.alternates).toContainEqual(expect.objectContaining({ type: 'text/x-opml', href: `${SITE_URL}/opml.xml` }));
    for (const team of site.teams) {
      expect(scan.links).toContain(`/teams/${team.slug}`);
      expect(scan.links).toContain(`/teams/${team.slug}/feed.xml`);
    }
    for (const u of site.updates.slice(0, 8)) expect(scan.links).toContain(`/updates/${u.team}/${u.date}`);
    expect(scan.links).toContain('/milestones');
    // The order: this week (team by team), attention, teams, latest, subscribe.
    const at = (id: string) => html.indexOf(`id="${id}"`);
    expect(at('this-week')).toBeGreaterThan(0);
    expect(at('this-week')).toBeLessThan(at('attention'));
    expect(at('attention')).toBeLessThan(at('teams'));
    expect(at('teams')).toBeLessThan(at('latest'));
    expect(at('latest')).toBeLessThan(at('subscribe'));
    // Every blocker and risk open in a team's latest report is shown, with its text.
    const { overview } = await import('../../src/status');
    const view = overview(site, { quietWeeks: 3 });
    expect(view.attention.length).toBeGreaterThan(0);
    for (const a of view.attention) expect(html).toContain(a.item.html);
    // Each reporting team leads with its own latest report (not one site-wide week): a link to
    // it, its highlights at every depth, and what it reported progress on.
    expect(view.reporting.length).toBe(site.teams.length);
    for (const now of view.reporting) {
      const card = html.slice(at(`now-${now.team}`), html.indexOf('</article>', at(`now-${now.team}`)));
      expect(card).toContain(`href="/updates/${now.latest.id}"`);
      for (const item of now.latest.summary ?? []) expect(card).toContain(item.html);
      expect(card).toContain('Reported progress');
      for (const m of now.moved.slice(0, 5)) expect(card).toContain(`href="/milestones/${m.milestone.key}"`);
      for (const a of now.attention) expect(card).toContain(a.item.html);
    }
    // The "what is blocked now" answer is one click away at the top.
    expect(html.indexOf('href="#attention"')).toBeLessThan(at('this-week'));
    expect(html).toContain(`>All ${site.updates.length} updates →</a>`);
    expect(scan.subscribeSection).toBe(true);
    const form = scan.forms.find((f) => f.action === '/subscribe')!;
    expect(form.method).toBe('post');
    expect(form.emailInput).toBe(true);
    expect(form.checkedScopes).toEqual(['all']);
    expect(scan.scripts).toBe(0);
  });

  it('does not list the draft', async () => {
    const { scan } = await page('/');
    expect(scan.links).not.toContain('/updates/beacon/2026-11-16');
  });
});

describe('/teams/:team', () => {
  it.each(site.teams.map((t) => t.slug))('%s: its updates, milestones, feeds and a subscribe form for the team', async (slug) => {
    const team = site.teams.find((t) => t.slug === slug)!;
    const { scan } = await page(`/teams/${slug}`);
    expect(scan.h1).toBe(team.name);
    expect(scan.alternates).toEqual(expect.arrayContaining(feedAlternates(`/teams/${slug}`).map((a) => expect.objectContaining(a))));
    for (const u of site.updates.filter((x) => x.team === slug)) expect(scan.links).toContain(`/updates/${slug}/${u.date}`);
    for (const m of site.milestones.filter((x) => x.team === slug)) expect(scan.links).toContain(`/milestones/${m.key}`);
    for (const m of site.milestones.filter((x) => x.team !== slug)) expect(scan.links).not.toContain(`/milestones/${m.key}`);
    const form = scan.forms.find((f) => f.action === '/subscribe')!;
    expect(form.checkedScopes).toEqual([`team:${slug}`]);
  });
});

describe('/updates/:team/:date', () => {
  it.each(site.updates.map((u) => u.id))('%s: the whole update, linked from its feed item', async (id) => {
    const update = site.updates.find((u) => u.id === id)!;
    const { html, scan } = await page(`/updates/${id}`);
    expect(scan.h1).toBe(update.title);
    expect(scan.alternates).toEqual(expect.arrayContaining(feedAlternates(`/teams/${update.team}`).map((a) => expect.objectContaining(a))));
    // Every entry of every section is on the page.
    for (const s of update.sections) {
      for (const item of [...s.items.achieved, ...s.items.next, ...s.items.risks, ...s.items.blockers]) expect(html).toContain(item.html);
      // Each top-level milestone links to its page at this week.
      if (!s.parentKey) expect(scan.links).toContain(`/milestones/${s.key}#week-${update.date}`);
    }
  });

  it('links to the previous and next week of the team', async () => {
    const { scan } = await page('/updates/atlas/2026-10-19');
    expect(scan.links).toContain('/updates/atlas/2026-10-12');
    expect(scan.links).toContain('/updates/atlas/2026-10-26');
  });

  it('shows when the update was edited', async () => {
    const { html } = await page('/updates/atlas/2026-10-19');
    expect(html).toContain('edited <time datetime="2026-10-22">22 Oct 2026</time>');
  });
});

describe('/milestones/:key', () => {
  it.each(site.milestones.map((m) => m.key))('%s: a section per week with the anchor its feed items link to', async (key) => {
    const milestone = site.milestones.find((m) => m.key === key)!;
    const { scan } = await page(`/milestones/${key}`);
    expect(scan.h1).toBe(milestone.title);
    expect(scan.alternates).toEqual(expect.arrayContaining(feedAlternates(`/milestones/${key}`).map((a) => expect.objectContaining(a))));
    const weekIds = scan.ids.filter((id) => /^week-\d{4}-\d{2}-\d{2}$/.test(id));
    expect(weekIds).toEqual(expectedMilestoneItems(site, milestone).map((i) => i.link.split('#')[1]));
    const form = scan.forms.find((f) => f.action === '/subscribe')!;
    expect(form.checkedScopes).toEqual([`milestone:${key}`]);
    if (milestone.parentKey) expect(scan.links).toContain(`/milestones/${milestone.parentKey}`);
    for (const child of site.milestones.filter((m) => m.parentKey === key)) expect(scan.links).toContain(`/milestones/${child.key}`);
  });

  it('every feed item link leads to a page with that anchor', async () => {
    for (const m of site.milestones) {
      const { feed } = await fetchFeed(fetchSelf, `/milestones/${m.key}/atom.xml`);
      const pagePath = `/milestones/${m.key}`;
      const { scan } = await page(pagePath);
      for (const item of feed.items) {
        const [url, anchor] = item.link.split('#');
        expect(url).toBe(`${SITE_URL}${pagePath}`);
        expect(scan.ids).toContain(anchor);
      }
    }
  });

  it("shows the week's entries of the milestone and its sub-milestones", async () => {
    const { html } = await page('/milestones/northwind-dev-roadmap-21');
    const update = site.updates.find((u) => u.id === 'atlas/2026-10-19')!;
    for (const s of update.sections.filter((x) => x.key === 'northwind-dev-roadmap-21' || x.parentKey === 'northwind-dev-roadmap-21')) {
      for (const item of s.items.achieved) expect(html).toContain(item.html);
    }
  });

  it('shows the description from the milestone definition file', async () => {
    const { html } = await page('/milestones/northwind-dev-roadmap-21');
    expect(html).toContain('<div class="description"><p>Replace the v1 full-document sync with a delta protocol');
  });
});

describe('every feed item of the site links to a page that exists', () => {
  it('site feed items → update pages', async () => {
    const { feed } = await fetchFeed(fetchSelf, '/feed.json');
    for (const item of feed.items) expect((await fetchSelf(item.link.slice(SITE_URL.length))).status, item.link).toBe(200);
  });
});

describe('404 pages', () => {
  it.each(['/teams/nobody', '/updates/atlas/2099-01-01', '/updates/nobody/2026-10-19', '/updates/beacon/2026-11-16', '/milestones/no-such-key'])(
    '%s is an HTML 404',
    async (path) => {
      const response = await fetchSelf(path);
      expect(response.status).toBe(404);
      expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
      const html = await response.text();
      expect(html).toContain('<h1>Not found</h1>');
      expect(html).toContain('href="/"');
    },
  );

  it('escapes what it echoes', async () => {
    const html = await (await fetchSelf('/teams/%3Cscript%3Ealert(1)%3C%2Fscript%3E')).text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });
});

describe('HTTP caching of pages', () => {
  it.each(['/', '/teams/atlas', '/updates/atlas/2026-10-19', '/milestones/northwind-dev-roadmap-21'])('%s: ETag, Last-Modified, 304, HEAD', async (path) => {
    const first = await fetchSelf(path);
    const body = await first.text();
    const etag = first.headers.get('ETag')!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(first.headers.get('Cache-Control')).toBe(`public, max-age=${env.CACHE_MAX_AGE}`);
    expect(first.headers.get('Last-Modified')).toMatch(/GMT$/);
    const notModified = await fetchSelf(path, { headers: { 'If-None-Match': etag } });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe('');
    const since = await fetchSelf(path, { headers: { 'If-Modified-Since': first.headers.get('Last-Modified')! } });
    expect(since.status).toBe(304);
    await since.text();
    const head = await fetchSelf(path, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect(head.headers.get('ETag')).toBe(etag);
    expect(body.length).toBeGreaterThan(500);
  });
});

describe('security headers of pages', () => {
  it.each(['/', '/teams/atlas', '/updates/atlas/2026-10-19', '/milestones/northwind-dev-roadmap-21', '/teams/nobody'])('%s forbids scripts and framing', async (path) => {
    const response = await fetchSelf(path);
    await response.arrayBuffer();
    const csp = response.headers.get('Content-Security-Policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/script-src/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'self'");
    // Styles from this site's stylesheet only: no inline style element or attribute applies.
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('pages link one stylesheet, named by its content and cached for good; none has a style of its own', async () => {
    for (const path of ['/', '/teams/atlas', '/updates/atlas/2026-10-19', '/milestones/northwind-dev-roadmap-21', '/milestones', '/search']) {
      const { html } = await page(path);
      expect(await linkedStylesheet(html)).toBe(STYLESHEET);
      expect(html).not.toMatch(/<style|\sstyle="/);
    }
    expect(STYLESHEET_PATH).toMatch(/^\/style\.[0-9a-f]{16}\.css$/);
    const response = await fetchSelf(STYLESHEET_PATH);
    expect(response.headers.get('Content-Type')).toBe('text/css; charset=utf-8');
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(await response.text()).toContain('.offscreen{position:absolute;left:-10000px');
  });
});

describe('/healthz', () => {
  it('answers ok', async () => {
    const response = await fetchSelf('/healthz');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('ok');
  });
});

describe('/milestones', () => {
  it('lists every milestone once, grouped open / quiet / done, with a filter form of radios', async () => {
    const { statusIndex, statusGroup } = await import('../../src/status');
    const index = statusIndex(site, { quietWeeks: 3 });
    const { html, scan } = await page('/milestones');
    expect(scan.h1).toBe('Milestones');
    for (const m of site.milestones) expect(scan.links.filter((l) => l === `/milestones/${m.key}`).length).toBe(1);
    for (const group of ['open', 'quiet', 'done']) expect(html).toContain(`class="group group-${group}"`);
    // A top-level milestone sits in the group of its status.
    const root = site.milestones.find((m) => !m.parentKey)!;
    const group = statusGroup(index.get(root.key)!.status);
    const section = html.slice(html.indexOf(`class="group group-${group}"`));
    expect(section).toContain(`href="/milestones/${root.key}"`);
    expect(html).toContain('id="f-status-blocked"');
    expect(html).toContain(`id="f-team-${site.teams[0]!.slug}"`);
    expect(scan.scripts).toBe(0);
    // The filter by team: a stylesheet of the site's teams, linked after the site's.
    const { teamFilter } = await import('../../src/pages/style');
    const filter = teamFilter(site.teams.map((t) => t.slug));
    expect(html).toContain(`<link rel="stylesheet" href="${STYLESHEET_PATH}"/><link rel="stylesheet" href="${filter.path}"/>`);
    const sheet = await fetchSelf(filter.path);
    expect(sheet.headers.get('Content-Type')).toBe('text/css; charset=utf-8');
    expect(sheet.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    const css = await sheet.text();
    expect(css).toBe(filter.css);
    for (const t of site.teams) expect(css).toContain(`#index:has(#f-team-${t.slug}:checked) [data-team]:not([data-team="${t.slug}"]){display:none}`);
  });

  it('/teams/:team/milestones and /status/:status are the index with the filter preselected (static files of their own)', async () => {
    const team = site.teams[0]!.slug;
    // One team's index holds that team's milestones only (its size is the team's, not the site's).
    const byTeam = await page(`/teams/${team}/milestones`);
    expect(byTeam.html).toMatch(/id="f-status-all" checked=""/);
    const own = site.milestones.filter((m) => m.team === team);
    const other = site.milestones.find((m) => m.team !== team && !own.some((o) => o.key === m.parentKey))!;
    for (const m of own) expect(byTeam.html).toContain(`href="/milestones/${m.key}"`);
    expect(byTeam.html).not.toContain(`href="/milestones/${other.key}"`);
    expect(byTeam.html).toContain('href="/milestones">all teams</a>');
    // No filter by team there: no stylesheet of the teams.
    expect(byTeam.html.match(/<link rel="stylesheet"/g)).toHaveLength(1);
    const byStatus = await page('/status/at-risk');
    expect(byStatus.html).toMatch(/id="f-status-at-risk" checked=""/);
    expect(byStatus.html).toMatch(/id="f-team-all" checked=""/);
    // A query string changes nothing: the platform serves files by path.
    const plain = await page('/milestones?team=' + team + '&status=at-risk');
    expect(plain.html).toMatch(/id="f-team-all" checked=""/);
    expect((await fetchSelf('/status/nope')).status).toBe(404);
    expect((await fetchSelf('/teams/nope/milestones')).status).toBe(404);
    // The home page links each team's open milestones there.
    expect((await page('/')).html).toContain(`href="/teams/${team}/milestones"`);
  });
});

describe('milestone status', () => {
  it('a badge per milestone at /milestones/:key/badge.svg, an SVG naming its status', async () => {
    const { statusIndex, STATUS_LABELS } = await import('../../src/status');
    const index = statusIndex(site, { quietWeeks: 3 });
    for (const m of site.milestones.slice(0, 8)) {
      const response = await fetchSelf(`/milestones/${m.key}/badge.svg`);
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Type')).toBe('image/svg+xml; charset=utf-8');
      const svg = await response.text();
      const status = index.get(m.key)!.status;
      expect(svg).toContain(`>${STATUS_LABELS[status].toLowerCase()}</text>`);
    }
    const missing = await fetchSelf('/milestones/no-such-key/badge.svg');
    expect(missing.status).toBe(404);
  });

  it('shows each milestone’s status on the pages that list it', async () => {
    const { statusIndex, STATUS_LABELS } = await import('../../src/status');
    const index = statusIndex(site, { quietWeeks: 3 });
    const team = site.teams[0]!;
    const { html } = await page(`/teams/${team.slug}`);
    for (const m of site.milestones.filter((x) => x.team === team.slug)) {
      const { status } = index.get(m.key)!;
      expect(html).toMatch(new RegExp(`<a href="/milestones/${m.key}">[^<]*</a> <span class="status status-${status}"[^>]*>${STATUS_LABELS[status]}</span>`));
    }
  });

  it('feeds carry each milestone’s status as a category', async () => {
    const { statusIndex } = await import('../../src/status');
    const index = statusIndex(site, { quietWeeks: 3 });
    const m = site.milestones.find((x) => x.weeks.length > 0)!;
    const response = await fetchSelf(`/milestones/${m.key}/atom.xml`);
    const xml = await response.text();
    expect(xml).toContain(`term="${index.get(m.key)!.status}"`);
    expect(xml).toContain(`scheme="${SITE_URL}/status/"`);
  });
});

describe('finding one’s way (issue 17)', () => {
  const kinds = ['/', '/teams/atlas', '/updates/atlas/2026-10-19', '/milestones/northwind-dev-roadmap-21', '/milestones', '/status/quiet', '/updates', '/teams/atlas/updates'];

  it.each(kinds)('%s: a skip link first, a search box that works without script, human dates in <time>', async (path) => {
    const { html, scan } = await page(path);
    expect(scan.links[0]).toBe('#main');
    expect(scan.ids).toContain('main');
    const search = scan.forms.find((f) => f.action === '/search')!;
    expect(search.method).toBe('get');
    expect(html).toMatch(/<input type="search" id="site-search-q" name="q"/);
    expect(scan.scripts).toBe(0);
    // Dates read as people write them, machine-readable, never broken across lines.
    for (const m of html.matchAll(/<time datetime="([^"]+)">([^<]*)<\/time>/g)) expect(m[2]).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}$/);
    expect(await linkedStylesheet(html)).toContain('time{white-space:nowrap}');
  });

  it('update and milestone pages go into the search index (with their kind, team and status); lists do not', async () => {
    const update = await page('/updates/atlas/2026-10-19');
    expect(update.html).toContain('<main class="wrap" id="main" tabindex="-1" data-pagefind-body="">');
    expect(update.html).toContain('data-pagefind-meta="kind:Update"');
    const { statusOf, STATUS_LABELS } = await import('../../src/status');
    const info = statusOf(site, 'northwind-dev-roadmap-21', { quietWeeks: 3 });
    const milestone = await page('/milestones/northwind-dev-roadmap-21');
    expect(milestone.html).toContain('data-pagefind-body=""');
    expect(milestone.html).toContain(`<span data-pagefind-meta="status">${STATUS_LABELS[info.status]}</span>`);
    expect(milestone.html).toContain('<span data-pagefind-meta="team">Atlas</span>');
    // The weeks' text is indexed once, on the update pages.
    expect(milestone.html).toContain('id="timeline" aria-labelledby="timeline-heading" data-pagefind-ignore="index"');
    for (const path of ['/', '/teams/atlas', '/milestones']) expect((await page(path)).html).not.toContain('data-pagefind-body');
  });

  it('/search: the one page with a script, this site’s only, over the static index (no Worker route)', async () => {
    const { response, html, scan } = await page('/search');
    expect(scan.h1).toBe('Search');
    expect(html).toContain('<script type="module" src="/search.js"></script>');
    const csp = response.headers.get('Content-Security-Policy')!;
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    // Without script it says so and points at the lists.
    expect(html).toContain('needs JavaScript');
    expect(scan.links).toContain('/milestones');
    const script = await fetchSelf('/search.js');
    expect(script.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(await script.text()).toContain("import('/pagefind/pagefind.js')");
  });

  it('the milestone page: email follow and feeds in its first box, the README badge folded under “For maintainers”, a parent summarises its parts', async () => {
    const { html } = await page('/milestones/northwind-dev-roadmap-21');
    const box = html.slice(html.indexOf('id="now"'), html.indexOf('</section>', html.indexOf('id="now"')));
    expect(box).toContain('<summary>Get this milestone by email</summary>');
    expect(box).toContain('action="/subscribe"');
    expect(box).toMatch(/<details class="maintainers"><summary>For maintainers<\/summary>[\s\S]*badge\.svg/);
    const { statusOf } = await import('../../src/status');
    const { childrenLine } = await import('../../src/pages/components');
    const children = site.milestones.filter((m) => m.parentKey === 'northwind-dev-roadmap-21');
    expect(children.length).toBeGreaterThan(0);
    const line = childrenLine(children, (k) => statusOf(site, k, { quietWeeks: 3 }));
    expect(line).toMatch(/^\d+ sub-milestones?: \d+ [a-z ]+/);
    expect(box).toContain(line);
    // No empty heading: every heading of the box has something under it.
    expect(box).not.toMatch(/<\/h3><ul><\/ul>/);
  });

  it('team pages: the latest report first, the last 8 updates with “all updates →”, quiet and done milestones folded', async () => {
    const { statusIndex, statusGroup } = await import('../../src/status');
    const index = statusIndex(site, { quietWeeks: 3 });
    for (const team of site.teams) {
      const { html, scan } = await page(`/teams/${team.slug}`);
      const updates = site.updates.filter((u) => u.team === team.slug);
      expect(html.indexOf('id="latest-report"')).toBeLessThan(html.indexOf('id="updates"'));
      expect(scan.links).toContain(`/updates/${updates[0]!.id}`);
      const shown = scan.links.filter((l) => l.startsWith(`/updates/${team.slug}/`));
      expect(new Set(shown).size).toBe(Math.min(8, updates.length));
      if (updates.length > 8) expect(scan.links).toContain(`/teams/${team.slug}/updates`);
      for (const m of site.milestones.filter((x) => x.team === team.slug && !x.parentKey)) {
        const folded = statusGroup(index.get(m.key)!.status) !== 'open';
        const at = html.indexOf(`href="/milestones/${m.key}"`);
        const inDetails = html.lastIndexOf('<details class="group-fold">', at) > html.lastIndexOf('</details>', at);
        expect(inDetails, m.key).toBe(folded);
      }
    }
    const all = await page('/teams/atlas/updates');
    for (const u of site.updates.filter((x) => x.team === 'atlas')) expect(all.scan.links).toContain(`/updates/${u.id}`);
    const every = await page('/updates');
    for (const u of site.updates) expect(every.scan.links).toContain(`/updates/${u.id}`);
  });

  it('/milestones folds the quiet and done groups, and its headings count what each filter shows', async () => {
    const { html } = await page('/milestones');
    expect(html).toMatch(/class="group group-quiet"[^>]*><details><summary><h2 id="g-quiet">/);
    expect(html).toMatch(/class="group group-done"[^>]*><details><summary><h2 id="g-done">/);
    expect(html).toMatch(/class="group group-open"[^>]*><h2 id="g-open">/);
    // A count per filter; CSS shows the checked one.
    expect(await linkedStylesheet(html)).toContain('#index:has(#f-status-blocked:checked) .n-blocked{display:inline}');
    const { statusIndex } = await import('../../src/status');
    const index = statusIndex(site, { quietWeeks: 3 });
    const atRiskTrees = site.milestones.filter((m) => !m.parentKey && index.get(m.key)!.status === 'at-risk').length;
    expect(html).toMatch(new RegExp(`<h2 id="g-open">Open <span class="group-count">.*?<span class="meta n n-at-risk">\\((\\d+)\\)</span>`));
    const n = Number(new RegExp(`<h2 id="g-open">Open <span class="group-count">.*?<span class="meta n n-at-risk">\\((\\d+)\\)</span>`).exec(html)![1]);
    expect(n).toBeGreaterThanOrEqual(atRiskTrees);
    // The quiet filter's own page opens its group.
    expect((await page('/status/quiet')).html).toMatch(/class="group group-quiet"[^>]*><details open="">/);
  });

  it('badges: the exceptions stand out, a silent team’s milestones say since when', async () => {
    const { StatusBadge } = await import('../../src/pages/components');
    const silent = String(await StatusBadge({ status: 'quiet', reason: 'its team is silent since 2026-06-22', silentSince: '2026-06-22' }));
    expect(silent).toBe('<span class="status status-silent" title="its team is silent since 2026-06-22">Silent since <time datetime="2026-06-22">22 Jun 2026</time></span>');
    const { html } = await page('/');
    expect(await linkedStylesheet(html)).toContain('.status-active{background:none;border-color:transparent');
  });
});

describe('favicon', () => {
  it.each(['/favicon.svg', '/favicon.ico'])('%s is an SVG icon, linked from every page', async (path) => {
    const response = await fetchSelf(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('image/svg+xml');
    expect(await response.text()).toContain('<svg');
    const { html } = await page('/');
    expect(html).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml"/>');
  });
});
