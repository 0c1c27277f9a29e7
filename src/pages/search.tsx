/**
 * `/search`: full-text search of every update and milestone, run in the browser over the
 * static index the build writes with Pagefind (src/publish/search.ts): no Worker, no server.
 * The header's search box on every page is a plain GET form to this page; this is the only
 * page with a script (its CSP allows this site's scripts and WebAssembly, nothing else).
 */
import type { FC } from 'hono/jsx';
import { absoluteUrl, type SiteConfig } from '../feeds';
import { Layout } from './layout';

export const SEARCH_SCRIPT_PATH = '/search.js';

/** The search page's headers: the pages' policy, plus this site's script and WebAssembly (Pagefind). */
export const SEARCH_PAGE_CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'; style-src 'self'; img-src * data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export const SearchPage: FC<{ config: SiteConfig }> = ({ config }) => (
  <Layout
    title="Search"
    siteTitle={config.title}
    description={`Search every update and milestone of ${config.title}.`}
    lang={config.language}
    canonical={absoluteUrl(config, '/search')}
    scripts={[SEARCH_SCRIPT_PATH]}
    searchBox={false}
  >
    <h1>Search</h1>
    <form class="search-form" role="search" aria-label="Search updates and milestones" action="/search" method="get" id="search-form">
      <label for="q">Words from a milestone’s name or an update</label>
      <div class="search-row">
        <input type="search" id="q" name="q" autocomplete="off" />
        <button type="submit">Search</button>
      </div>
    </form>
    <p id="search-status" role="status" class="muted">
      Search runs in your browser and needs JavaScript. Without it, <a href="/milestones">every milestone by status</a> and{' '}
      <a href="/updates">every update</a> are listed.
    </p>
    <div id="search-results"></div>
  </Layout>
);

/**
 * The page's script: reads `?q=`, asks Pagefind, lists milestones (with their status) before
 * updates. Pagefind's excerpts are kept to text and `<mark>`. Plain ES2020, no build step.
 */
export const SEARCH_SCRIPT = `// Tidings search: the static Pagefind index under /pagefind/, queried in the browser.
const form = document.getElementById('search-form');
const input = document.getElementById('q');
const status = document.getElementById('search-status');
const out = document.getElementById('search-results');
let pagefind;

async function engine() {
  if (!pagefind) {
    pagefind = await import('/pagefind/pagefind.js');
    await pagefind.options({ excerptLength: 24 });
    await pagefind.init();
  }
  return pagefind;
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  for (const c of children) if (c !== undefined && c !== null) node.append(c);
  return node;
}

/** Pagefind's excerpt as text and <mark> only. */
function excerpt(html) {
  const t = document.createElement('template');
  t.innerHTML = html;
  const p = el('p', { class: 'excerpt' });
  for (const n of t.content.childNodes) {
    if (n.nodeType === 3) p.append(n.textContent);
    else if (n.nodeName === 'MARK') p.append(el('mark', {}, n.textContent));
    else p.append(n.textContent || '');
  }
  return p;
}

function result(r) {
  const m = r.meta || {};
  const bits = [m.kind, m.team, m.date].filter(Boolean).join(' · ');
  const li = el('li', {}, el('a', { href: r.url }, m.title || r.url));
  if (m.status) li.append(' ', el('span', { class: 'status status-' + (m.statuskey || 'active') }, m.status));
  if (bits) li.append(el('br'), el('span', { class: 'meta' }, bits));
  if (m.reason) li.append(el('br'), el('span', { class: 'meta' }, m.reason));
  li.append(excerpt(r.excerpt || ''));
  return li;
}

function group(title, list) {
  if (list.length === 0) return null;
  const id = 'results-' + title.toLowerCase();
  return el('section', { 'aria-labelledby': id }, el('h2', { id }, title + ' (' + list.length + ')'), el('ol', { class: 'list results' }, ...list.map(result)));
}

async function run(q) {
  out.replaceChildren();
  if (!q.trim()) {
    status.textContent = 'Type a few words: a milestone, a team, anything written in an update.';
    return;
  }
  status.textContent = 'Searching…';
  let found;
  try {
    const pf = await engine();
    const search = await pf.search(q);
    found = await Promise.all(search.results.slice(0, 40).map((r) => r.data()));
  } catch (error) {
    status.textContent = 'The search index could not be loaded (' + (error && error.message ? error.message : error) + '). Every milestone is listed on /milestones.';
    return;
  }
  const milestones = found.filter((r) => r.meta && r.meta.kind && r.meta.kind !== 'Update');
  const updates = found.filter((r) => !milestones.includes(r));
  status.textContent = found.length === 0 ? 'Nothing found for “' + q + '”.' : found.length + (found.length === 40 ? '+' : '') + ' results for “' + q + '”: ' + milestones.length + ' milestones, ' + updates.length + ' updates.';
  out.replaceChildren(...[group('Milestones', milestones), group('Updates', updates)].filter(Boolean));
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const q = input.value;
  const url = new URL(location.href);
  url.searchParams.set('q', q);
  history.replaceState(null, '', url);
  run(q);
});

input.value = new URLSearchParams(location.search).get('q') || '';
run(input.value);
`;
