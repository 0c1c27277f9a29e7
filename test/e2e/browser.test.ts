/**
 * In a real browser: Debian's Chromium driven by playwright-core against `wrangler dev`.
 *
 * Every page kind (the preferences and unsubscribe pages too) and both emails (confirmation,
 * digest) at 390 and 1280 px, light and dark: nothing scrolls sideways, and axe-core reports no
 * violation. Then a reader subscribes, confirms, changes preferences and unsubscribes with the
 * keyboard alone.
 *
 * axe runs at 390 px light and 1280 px dark: every width and every colour scheme once. The other
 * two views would repeat those checks as long as no stylesheet of the page has a width query
 * (layout follows the width, colours the scheme, and neither the other): a page that has one
 * is checked by axe at all four (issue 19: an axe run is ~0.35 s of Chromium's CPU, the same
 * whichever rules run: the 38 runs this saves were ~13 s of CPU).
 *
 * With TIDINGS_SCREENSHOTS=1 (`npm run screenshots`) a full-page screenshot of each page (390 px
 * light, 1280 px dark) and of each step of the reader's way goes to SCREENSHOTS, for people to
 * look at; `npm test` takes none (38 full-page PNGs were ~16 s of Chromium's CPU and check nothing).
 *
 * Needs /usr/bin/chromium (`.ci/run` installs it with apt-get). Set TIDINGS_CHROMIUM to use
 * another binary.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKER_HEADER } from '../../src/app';
import { type DevServer, emailFilesFor, root, startWranglerDev, migratedState } from './wrangler-dev';

const CHROMIUM = process.env.TIDINGS_CHROMIUM ?? '/usr/bin/chromium';
/**
 * axe-core's own minified build (the same version and rules as its `axe.js`, the package's
 * main): the page compiles 0.65 MB instead of 1.5 MB at each load, about half the time.
 */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** Where the screenshots go: one PNG per page, width and colour scheme. */
export const SCREENSHOTS = path.join(root, 'test-results', 'browser-screenshots');
const PICTURES = process.env.TIDINGS_SCREENSHOTS === '1';
/** A full-page PNG in SCREENSHOTS, when pictures are asked for. */
async function picture(page: Page, file: string): Promise<void> {
  if (PICTURES) await page.screenshot({ path: path.join(SCREENSHOTS, file), fullPage: true });
}
/**
 * Whether the page's stylesheets ask for a size: a media query on width, height, aspect ratio or
 * orientation, a container query, or a stylesheet whose rules cannot be read (counted as one).
 */
export const SIZE_QUERY = `(() => {
  const sized = (rules) => Array.from(rules).some((r) =>
    (r instanceof CSSMediaRule && /width|height|aspect-ratio|orientation/.test(r.conditionText)) ||
    (typeof CSSContainerRule !== 'undefined' && r instanceof CSSContainerRule) ||
    (r.cssRules !== undefined && sized(r.cssRules)));
  return Array.from(document.styleSheets).some((s) => { try { return sized(s.cssRules); } catch { return true; } });
})()`;
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const WIDTHS = [390, 1280] as const;
const SCHEMES = ['light', 'dark'] as const;
const ADMIN_TOKEN = `dev-${randomBytes(24).toString('hex')}`;
const vars = { ENVIRONMENT: 'local', SIGNING_KEY: `dev-${randomBytes(32).toString('hex')}`, ADMIN_TOKEN };

interface Check {
  name: string;
  url: string;
  /** axe's findings, or null where axe did not run (a view whose checks another view made). */
  violations: string[] | null;
  overflow: number;
}

/**
 * The search page has answered: its results listed, or its status says why not (nothing found,
 * the index not loaded), which the failure then shows. Pagefind loads its index and WebAssembly
 * in the browser: slow on a busy machine, hence the long wait.
 */
async function searchAnswered(page: Page): Promise<void> {
  // Locators, not a script: the search page's policy allows no eval.
  await page.locator('#search-results li').or(page.locator('#search-status', { hasText: /Nothing found|could not be loaded/ })).first().waitFor({ timeout: 60_000 });
  expect(await page.locator('#search-results li').count(), (await page.textContent('#search-status')) ?? '').toBeGreaterThan(0);
}

const run = promisify(execFile);

describe.skipIf(!existsSync(CHROMIUM))('in Chromium: every page kind and both emails, then the subscriber flow by keyboard', () => {
  let persistTo: string;
  let server: DevServer;
  let browser: Browser;
  let context: BrowserContext;
  const results: Check[] = [];

  beforeAll(async () => {
    persistTo = await mkdtemp(path.join(os.tmpdir(), 'tidings-browser-'));
    await rm(SCREENSHOTS, { recursive: true, force: true });
    await mkdir(SCREENSHOTS, { recursive: true });
    // The site built into a folder of its own (the caches warm: a few seconds), not copied from
    // dist/public: another file's `npm start` builds that again meanwhile, and a copy taken half
    // way held a search index of two builds (three searches in ~20 runs never answered).
    const assets = path.join(persistTo, 'public');
    await run(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--out', assets, '--model', path.join(persistTo, 'site.json'), '--quiet'], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
    // wrangler dev and Chromium start side by side (each mostly waits on its own start-up).
    [server, browser] = await Promise.all([
      migratedState(persistTo).then(() => startWranglerDev({ persistTo, args: ['--test-scheduled', '--assets', assets], vars })),
      // One Chromium (a fresh profile of its own each run) for every context below.
      chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS }),
    ]);
    // bypassCSP lets axe's script into our script-free pages.
    context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (persistTo) await rm(persistTo, { recursive: true, force: true });
    if (results.length > 0) {
      const axed = results.filter((r) => r.violations !== null);
      console.log(`browser: ${results.length} page views checked (${axed.length} by axe), ${axed.reduce((n, r) => n + r.violations!.length, 0)} axe violations; report${PICTURES ? ' and screenshots' : ''} in ${SCREENSHOTS}`);
    }
  });

  /**
   * Loads a URL once, then at each width and scheme (the viewport and prefers-color-scheme
   * change in place, and the page's media queries follow): overflow, and axe (and a picture) at
   * 390 px light and 1280 px dark, or axe at all four where a stylesheet asks for a size.
   */
  async function checkEverywhere(page: Page, name: string, url: string): Promise<Check[]> {
    const checks: Check[] = [];
    await page.setViewportSize({ width: WIDTHS[0], height: 900 });
    await page.emulateMedia({ colorScheme: SCHEMES[0] });
    const response = await page.goto(url, { waitUntil: 'load' });
    if (!url.startsWith('file:')) expect(response?.status(), `${url}`).toBe(name === 'not-found' ? 404 : 200);
    // A feed is turned into a page by its XSL stylesheet after load: wait for the result.
    if (name.startsWith('feed-')) await page.waitForFunction('document.querySelector("h1") !== null', undefined, { timeout: 10_000 });
    // The search page fills in its results after load.
    if (name === 'search') await searchAnswered(page);
    await page.evaluate(AXE_SOURCE);
    const sized = (await page.evaluate(SIZE_QUERY)) as boolean;
    for (const width of WIDTHS) {
      for (const scheme of SCHEMES) {
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme: scheme });
        const applied = (await page.evaluate(`[window.innerWidth, matchMedia('(prefers-color-scheme: dark)').matches]`)) as [number, boolean];
        expect(applied, `${name} ${width}px ${scheme}`).toEqual([width, scheme === 'dark']);
        const diagonal = (width === WIDTHS[0]) === (scheme === SCHEMES[0]);
        // Evaluated in the page (strings: this file is compiled without the DOM's types).
        const violations = !diagonal && !sized ? null : ((await page.evaluate(`(async () => {
          // Chromium adds its own banner to pages made by XSLT (it is retiring XSLT): not ours to check.
          const banner = document.querySelector('xslt-warning-banner');
          const result = await axe.run(banner ? { exclude: [['xslt-warning-banner']] } : document, { resultTypes: ['violations'] });
          return result.violations.map((v) => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 160)).join(' | '));
        })()`)) as string[]);
        const overflow = (await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number;
        if (diagonal) await picture(page, `${name}-${width}-${scheme}.png`);
        checks.push({ name: `${name} ${width}px ${scheme}`, url, violations, overflow });
      }
    }
    return checks;
  }

  // The two tests run at the same time, each in pages of its own, against the same server:
  // their readers have addresses of their own, and neither counts the other's mails.
  it.concurrent('every page kind: no axe violation, no horizontal scroll, at 390 and 1280 px, light and dark', async () => {
    const { origin } = server;
    const site = JSON.parse(await readFile(path.join(root, 'src/generated/site.json'), 'utf8')) as {
      updates: Array<{ id: string; sections: unknown[] }>;
      teams: Array<{ slug: string }>;
      milestones: Array<{ key: string; title: string; parentKey?: string; weeks: string[] }>;
    };
    const parent = site.milestones.find((m) => site.milestones.some((c) => c.parentKey === m.key)) ?? site.milestones[0]!;
    const parentTitle = (parent as { title?: string }).title ?? parent.key;
    const update = [...site.updates].sort((a, b) => b.sections.length - a.sections.length)[0]!;

    // Subscribe someone to everything so the cron has a reader, then cut the first digest.
    const email = `browser-${Date.now()}@example.com`;
    await fetch(`${origin}/subscribe`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, scopes: ['all'] }) });
    const confirmation = await emailFilesFor(server, email);
    const confirmationText = await readFile(confirmation.text, 'utf8');
    const confirmLink = new RegExp(`${origin}/confirm\\?token=[A-Za-z0-9._-]+`).exec(confirmationText)![0];
    const unsubscribeLink = new RegExp(`${origin}/unsubscribe\\?token=[A-Za-z0-9._-]+`).exec(confirmationText)![0];
    const confirmedPage = await (await fetch(confirmLink)).text();
    // The preferences page with a team's milestones open (badges, nested deliverables, folds).
    const preferencesLink = `${/href="([^"]*\/preferences\?token=[^"]+)"/.exec(confirmedPage)![1]!.replace(/&amp;/g, '&')}&team=${site.teams.at(-1)!.slug}`;
    const cut = await fetch(`${origin}/admin/digests`, { method: 'POST', headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(cut.status).toBe(201);
    const { id: digestId } = (await cut.json()) as { id: number };
    const digest = await emailFilesFor(server, email, { subject: /^(?!Confirm)/, timeoutMs: 60_000 });

    const pages: Array<[string, string]> = [
      ['home', `${origin}/`],
      ['milestones', `${origin}/milestones`],
      ['milestones-filtered', `${origin}/status/at-risk`],
      ['milestones-team', `${origin}/teams/${site.teams[0]!.slug}/milestones`],
      ['feed-rss', `${origin}/feed.xml`],
      ['feed-atom', `${origin}/milestones/${parent.key}/atom.xml`],
      ['team', `${origin}/teams/${site.teams[0]!.slug}`],
      ['update', `${origin}/updates/${update.id}`],
      ['milestone', `${origin}/milestones/${parent.key}`],
      ['updates', `${origin}/teams/${site.teams[0]!.slug}/updates`],
      ['search', `${origin}/search?q=${encodeURIComponent(parentTitle)}`],
      ['digests', `${origin}/digests`],
      ['digest-web', `${origin}/digests/${digestId}`],
      ['subscribe', `${origin}/subscribe`],
      ['preferences', preferencesLink],
      ['unsubscribe', unsubscribeLink],
      ['not-found', `${origin}/no/such/page`],
      ['email-confirmation', pathToFileURL(confirmation.html).href],
      ['email-digest', pathToFileURL(digest.html).href],
    ];
    // Two tabs at once, each taking the next page of the list (a page is loaded, checked and
    // photographed in one tab; its viewport and colour scheme are its own). The results are
    // kept in the list's order.
    const checked: Check[][] = [];
    let next = 0;
    await Promise.all(
      [0, 1].map(async () => {
        const tab = await context.newPage();
        for (let i = next++; i < pages.length; i = next++) {
          checked[i] = await checkEverywhere(tab, pages[i]![0], pages[i]![1]);
          await writeFile(path.join(SCREENSHOTS, 'report.json'), `${JSON.stringify(checked.flat(), null, 2)}\n`);
        }
        await tab.close();
      }),
    );
    results.push(...checked.flat());
    const page = await context.newPage();
    // A feed link clicked in the browser shows the stylesheet's page (served as application/xml,
    // which Chromium renders with XSLT), not raw XML; readers get the same document.
    for (const [name, url] of pages.filter(([n]) => n.startsWith('feed-'))) {
      const response = await page.goto(url, { waitUntil: 'load' });
      expect(response?.headers()['content-type'], name).toBe('application/xml; charset=utf-8');
      await page.waitForFunction('document.querySelector("h1") !== null', undefined, { timeout: 10_000 });
      expect(await page.evaluate('document.body.innerText'), name).toContain('This is a web feed');
    }
    await page.close();

    // The three questions of a reader, from the home page, with the site's own policy (no CSP bypass).
    const strict = await browser.newContext({ viewport: { width: 390, height: 900 } });
    const reader = await strict.newPage();
    const scriptErrors: string[] = [];
    reader.on('pageerror', (e) => scriptErrors.push(String(e)));
    const workerAnswered: string[] = [];
    reader.on('response', (r) => {
      if (new URL(r.url()).pathname.startsWith('/pagefind/') || new URL(r.url()).pathname.startsWith('/search')) {
        if (r.headers()[WORKER_HEADER.toLowerCase()] !== undefined) workerAnswered.push(r.url());
      }
    });
    // What the policy refused (the browser says so on the console): nothing.
    const refused: string[] = [];
    reader.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
    });
    const home = await reader.goto(`${origin}/`);
    // The home page itself (a failure says what came instead: once, in one CI run of many, no team report was found).
    expect(home?.status(), `GET / in the reader's context: ${await reader.title()}`).toBe(200);
    // The linked stylesheet applies under the site's policy (style-src 'self'): the subscribe
    // form's honeypot is off-screen by its class.
    expect(await reader.evaluate('getComputedStyle(document.querySelector(".offscreen")).left')).toBe('-10000px');
    expect(await reader.evaluate('getComputedStyle(document.body).margin')).toBe('0px');
    // What changed this week: each team's latest report leads the page (no click).
    await reader.waitForSelector('#this-week article.team-now', { timeout: 10_000 });
    expect(await reader.locator('#this-week article.team-now').count()).toBeGreaterThan(0);
    // What is blocked now: one link at the top of the page.
    expect(await reader.locator('.glance a[href="#attention"]').count()).toBe(1);
    expect(await reader.locator('#attention h2').textContent()).toMatch(/Blocked or at risk now/);
    // Where milestone X stands: its name in the header's search box, Enter; the result names its status.
    await reader.fill('#site-search-q', parentTitle);
    await Promise.all([reader.waitForURL((u) => u.pathname === '/search'), reader.press('#site-search-q', 'Enter')]);
    await searchAnswered(reader);
    const first = reader.locator('section[aria-labelledby="results-milestones"] li').first();
    expect(await first.locator('a').first().getAttribute('href')).toBe(`/milestones/${parent.key}`);
    expect(await first.locator('.status').textContent()).toMatch(/^(Blocked|At risk|Active|Quiet|Done|Silent)$/);
    await picture(reader, 'search-from-home-390-light.png');
    expect(scriptErrors).toEqual([]);
    expect(refused).toEqual([]);
    expect(workerAnswered).toEqual([]);
    await strict.close();

    const bad = results.filter((r) => (r.violations?.length ?? 0) > 0 || r.overflow > 0);
    expect(bad.map((r) => `${r.name} (${r.url}): overflow ${r.overflow}px; ${r.violations?.join('; ')}`)).toEqual([]);
    expect(results.length).toBe(pages.length * WIDTHS.length * SCHEMES.length);
    // axe saw every page at both widths and in both schemes.
    for (const [name] of pages) {
      const axed = results.filter((r) => r.name.startsWith(`${name} `) && r.violations !== null).map((r) => r.name.slice(name.length + 1));
      expect(axed, name).toEqual(expect.arrayContaining([`${WIDTHS[0]}px ${SCHEMES[0]}`, `${WIDTHS[1]}px ${SCHEMES[1]}`]));
    }
  }, 600_000);

  it.concurrent('subscribe → confirm → preferences → unsubscribe with the keyboard alone', async () => {
    const { origin } = server;
    const page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 900 });
    const email = `keyboard-${Date.now()}@example.com`;

    /** Presses Tab until the focused element matches, as a keyboard user would. */
    const tabTo = async (selector: string, max = 400) => {
      for (let i = 0; i < max; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(`document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`)) return;
      }
      throw new Error(`Tab never reached ${selector} on ${page.url()}`);
    };

    await page.goto(`${origin}/`);
    await tabTo('input[type=email]');
    await page.keyboard.type(email);
    await tabTo('form[action="/subscribe"] button[type=submit]');
    await Promise.all([page.waitForURL((u) => u.pathname === '/subscribe'), page.keyboard.press('Enter')]);
    expect(await page.textContent('main')).toContain(email);
    await picture(page, 'flow-1-check-inbox.png');

    const files = await emailFilesFor(server, email);
    const confirmLink = new RegExp(`${origin}/confirm\\?token=[A-Za-z0-9._-]+`).exec(await readFile(files.text, 'utf8'))![0];
    await page.goto(confirmLink);
    const confirmed = (await page.textContent('main'))!;
    expect(confirmed).toContain('Subscription confirmed');
    expect(confirmed).toMatch(/first (email|mail)/i);
    await picture(page, 'flow-2-confirmed.png');

    await tabTo('a[href*="/preferences"]');
    await Promise.all([page.waitForURL((u) => u.pathname === '/preferences'), page.keyboard.press('Enter')]);
    // Choose "as it happens": focus the frequency radios and move with the arrow keys.
    await tabTo('input[name=frequency]');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(`document.querySelector('input[name=frequency]:checked').value`)).toBe('instant');
    await tabTo('form[action="/preferences"] button[type=submit]');
    // The form posts to /preferences (no query): the page it answers with, not the one with the
    // token already showing (a URL test that matches both passes before the post has answered).
    await Promise.all([page.waitForURL((u) => u.pathname === '/preferences' && u.search === ''), page.keyboard.press('Enter')]);
    expect(await page.textContent('main')).toContain('Saved');
    expect(await page.evaluate(`document.querySelector('input[name=frequency]:checked').value`)).toBe('instant');
    await picture(page, 'flow-3-preferences-saved.png');

    await tabTo('form[action*="/unsubscribe"] button[type=submit]');
    await Promise.all([page.waitForURL(/unsubscribe/), page.keyboard.press('Enter')]);
    expect(await page.textContent('main')).toContain('will receive no more emails');
    await picture(page, 'flow-4-unsubscribed.png');
    await page.close();
  }, 300_000);
});
