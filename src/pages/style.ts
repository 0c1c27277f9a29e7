/**
 * The one stylesheet, one static file every page links (`STYLESHEET_PATH`, named by its
 * content's hash and cached for good): inlined, its 9 KB were written into each of hundreds of
 * pages. System fonts, one column, readable from 320 px up, dark mode.
 */
import { fnv1a32 } from '../content/keys';
import { STATUS_COLOURS, STATUSES, statusGroup } from '../status';

/** One rule per status: badge colours, light and dark. */
const STATUS_CSS = [
  ...STATUSES.map((st) => `.status-${st}{--st-bg:${STATUS_COLOURS[st].bg};--st-fg:${STATUS_COLOURS[st].fg}}`),
  `@media (prefers-color-scheme:dark){${STATUSES.map((st) => `.status-${st}{--st-bg:${STATUS_COLOURS[st].darkBg};--st-fg:${STATUS_COLOURS[st].darkFg}}`).join('')}}`,
].join('\n');

/**
 * The milestone index's filter by status (src/pages/milestones.tsx): its radios drive CSS
 * `:has()` rules. What depends on the site's teams is a stylesheet of its own (teamFilter).
 */
const FILTER_CSS = [
  ...STATUSES.flatMap((st) => [
    `#index:has(#f-status-${st}:checked) li[data-st]:not([data-st~="${st}"]){display:none}`,
    `#index:has(#f-status-${st}:checked) .team-block:not([data-sts~="${st}"]){display:none}`,
    `#index:has(#f-status-${st}:checked) .group:not(.group-${statusGroup(st)}){display:none}`,
    // A folded group opens when its status is picked (where the browser lets CSS open it).
    `#index:has(#f-status-${st}:checked) .group-${statusGroup(st)} details::details-content{content-visibility:visible}`,
  ]),
  // Headings count what they show: one count per status filter, the checked one shown.
  '#index .n{display:none}',
  '#index .n-all{display:inline}',
  ...STATUSES.flatMap((st) => [`#index:has(#f-status-${st}:checked) .n-all{display:none}`, `#index:has(#f-status-${st}:checked) .n-${st}{display:inline}`]),
  // With one team picked, its block's heading counts; a group's count would be every team's.
  '#index:has(input[name=team]:checked:not(#f-team-all)) .group-count{display:none}',
].join('\n');

export const STYLESHEET = `
:root{color-scheme:light dark;--fg:#1f2328;--muted:#59636e;--bg:#fff;--line:#d1d9e0;--link:#0969da;--soft:#f6f8fa;--red:#cf222e;--red-bg:#fff5f5;--amber:#9a6700;--amber-bg:#fffbe6;--green:#1a7f37;--blue:#0969da;--purple:#8250df;--grey:#6e7781}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--line:#3d444d;--link:#4493f8;--soft:#151b23;--red:#ff7b72;--red-bg:#2a1215;--amber:#e3b341;--amber-bg:#272010;--green:#3fb950;--blue:#58a6ff;--purple:#bc8cff;--grey:#9198a1}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font:1rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);overflow-wrap:anywhere}
.wrap{max-width:46rem;margin:0 auto;padding:0 1rem}
header.site{border-bottom:1px solid var(--line);padding:.75rem 0}
.skip{position:absolute;left:.5rem;top:-3rem;background:var(--bg);color:var(--link);padding:.4rem .75rem;border:2px solid var(--link);border-radius:6px;z-index:10}
.skip:focus{top:.5rem}
.offscreen{position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap}
.site-search{display:flex;gap:.35rem;flex:1 1 16rem;max-width:24rem;margin-left:auto}
.site-search input,.search-form input{font:inherit;flex:1;min-width:0;padding:.3rem .5rem;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg)}
.site-search button{padding:.3rem .75rem}
main:focus{outline:none}
time{white-space:nowrap}
header.site .wrap{display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:baseline}
header.site a.home{font-weight:600;color:var(--fg);text-decoration:none}
nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:0;padding:0}
main{padding:1rem 0 3rem}
footer.site{border-top:1px solid var(--line);color:var(--muted);font-size:.875rem;padding:1rem 0 2rem}
a{color:var(--link)}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.3rem;line-height:1.3;margin:2rem 0 .75rem}
h3{font-size:1.1rem;margin:1.25rem 0 .5rem}
h4{font-size:1rem;margin:1rem 0 .25rem}
ul{padding-left:1.25rem}
li{margin:.2rem 0}
code{font:.9em/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--soft);padding:.1em .3em;border-radius:4px}
pre{overflow-x:auto;background:var(--soft);padding:.75rem;border-radius:6px}
pre code{padding:0;background:none}
img{max-width:100%;height:auto}
table{display:block;overflow-x:auto;border-collapse:collapse}
td,th{border:1px solid var(--line);padding:.25rem .5rem}
blockquote{margin:1rem 0;padding-left:1rem;border-left:3px solid var(--line);color:var(--muted)}
.meta,.muted{color:var(--muted);font-size:.925rem}
.feeds{font-size:.875rem;color:var(--muted)}
.feeds a{white-space:nowrap}
.tag{display:inline-block;font-size:.75rem;border:1px solid var(--line);border-radius:999px;padding:0 .5rem;color:var(--muted);vertical-align:middle}
.list{list-style:none;padding:0}
.list>li{padding:.5rem 0;border-bottom:1px solid var(--line)}
.list ul{list-style:none;padding-left:1rem;border-left:2px solid var(--line)}
.list ul>li{padding:.35rem 0}
.week{border-top:1px solid var(--line);margin-top:1.5rem}
.week:target{background:var(--soft);outline:.5rem solid var(--soft)}
.update-body{margin-top:1.5rem}
.pager{display:flex;justify-content:space-between;gap:1rem;flex-wrap:wrap;border-top:1px solid var(--line);padding-top:1rem;margin-top:2rem}
#subscribe{border:1px solid var(--line);border-radius:8px;padding:0 1rem 1rem;margin-top:2rem}
input[type=email]{font:inherit;width:100%;max-width:24rem;padding:.4rem}
fieldset{border:1px solid var(--line);border-radius:6px;margin:1rem 0}
fieldset p{margin:.25rem 0}
.notice{background:var(--soft);border-left:4px solid #1a7f37;padding:.5rem 1rem;border-radius:6px}
.errors{background:var(--soft);border-left:4px solid #cf222e;padding:.5rem 1rem;border-radius:6px}
.status{display:inline-block;font-size:.8rem;font-weight:600;line-height:1.5;border-radius:999px;padding:0 .55rem;white-space:nowrap;vertical-align:.05em;background:var(--st-bg);color:var(--st-fg);border:1px solid var(--st-fg)}
button,.button{font:inherit;font-weight:600;padding:.5rem 1.1rem;border-radius:6px;border:1px solid var(--blue);background:var(--blue);color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
@media (prefers-color-scheme:dark){button,.button{background:#1f6feb;border-color:#1f6feb}}
button.secondary{background:transparent;color:var(--link)}
button:focus-visible,a:focus-visible,input:focus-visible,select:focus-visible,summary:focus-visible{outline:3px solid var(--link);outline-offset:2px}
.kind{border-left:4px solid var(--k,var(--line));padding:.1rem 0 .1rem .75rem;margin:.75rem 0}
.kind>ul{margin:.25rem 0}
.kind-label{font-size:1rem;margin:0;color:var(--k,var(--fg))}
.kind-blockers{--k:var(--red);background:var(--red-bg)}
.kind-risks{--k:var(--amber);background:var(--amber-bg)}
.kind-achieved{--k:var(--green)}
.kind-next{--k:var(--blue)}
.kind-progress{--k:var(--purple)}
.kind-notes{--k:var(--grey)}
.child{border-left:2px solid var(--line);padding-left:.75rem;margin:1rem 0 1rem .25rem}
.child-title{font-size:1rem;margin:.5rem 0}
.level{display:inline-block;font-size:.85rem;font-weight:600;color:var(--muted);border:1px solid var(--line);border-radius:4px;padding:0 .35rem;vertical-align:.05em}
.attention{list-style:none;padding:0}
.attention>li{border-left:4px solid var(--k);background:var(--kb,transparent);padding:.4rem .75rem;margin:.5rem 0;border-radius:0 6px 6px 0}
.attention>li.blocker{--k:var(--red);--kb:var(--red-bg)}
.attention>li.risk{--k:var(--amber);--kb:var(--amber-bg)}
.attention .what{font-weight:600}
.moved>li{padding:.4rem 0}
.state{border:1px solid var(--line);border-radius:8px;padding:.25rem 1rem .75rem;margin:1rem 0}
.state h2{font-size:1.1rem;margin:.75rem 0 .25rem}
.filters{border:1px solid var(--line);border-radius:8px;padding:.5rem 1rem;margin:1rem 0}
.filters fieldset{border:0;margin:.25rem 0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem .5rem;align-items:center}
.filters legend{font-weight:600;padding:0;margin-bottom:.25rem;float:left;width:100%}
.filters label{display:inline-flex;gap:.3rem;align-items:center;padding:.15rem .5rem;border:1px solid var(--line);border-radius:999px;cursor:pointer}
.filters input{margin:0}
.filters label:has(input:checked){border-color:var(--link);background:var(--soft)}
.as-written{margin-top:2rem;border:1px solid var(--line);border-radius:8px;padding:.5rem 1rem}
.as-written>summary{cursor:pointer;font-weight:600}
.summary{font-size:1.05rem;border-left:4px solid var(--blue);padding:.25rem .75rem;margin:1rem 0}
.cards{list-style:none;padding:0;display:grid;gap:.75rem;grid-template-columns:repeat(auto-fill,minmax(min(100%,14rem),1fr))}
.cards>li{border:1px solid var(--line);border-radius:8px;padding:.5rem .75rem}
.w-issue{border:1px solid var(--line);border-radius:8px;padding:.25rem 1rem .5rem;margin:1rem 0}
.w-child{border-left:2px solid var(--line);padding-left:.75rem;margin:.75rem 0 .75rem .25rem}
.w-kind-label{font-weight:700;margin:.5rem 0 .25rem}
.w-meta{color:var(--muted);font-size:.925rem;margin:0}
.attention-item{border-left:4px solid var(--k);background:var(--kb);padding:.4rem .75rem;margin:.5rem 0;border-radius:0 6px 6px 0}
.attention-item.blocker{--k:var(--red);--kb:var(--red-bg)}
.attention-item.risk{--k:var(--amber);--kb:var(--amber-bg)}
.choices{list-style:none;padding-left:1.25rem}
details>summary{cursor:pointer;font-weight:600;padding:.25rem 0}
summary>h2,summary>h3{display:inline}
.status-active{background:none;border-color:transparent;color:var(--muted);font-weight:400;padding:0 .2rem}
.status-silent{--st-bg:#f6f8fa;--st-fg:#59636e;border-style:dashed}
@media (prefers-color-scheme:dark){.status-silent{--st-bg:#151b23;--st-fg:#9198a1}}
.glance{font-size:.95rem}
.team-now{border:1px solid var(--line);border-radius:8px;padding:.25rem 1rem .75rem;margin:1rem 0}
.team-now h3{margin:.6rem 0 .25rem}
.team-now h4{margin:.75rem 0 .25rem;font-size:.95rem}
.team-now ul.moved{padding-left:1.25rem}
.not-reporting,.stale,.group-fold,.year,.maintainers,.follow{border:1px solid var(--line);border-radius:8px;padding:.25rem 1rem;margin:1rem 0}
.follow{margin:.75rem 0}
.search-row{display:flex;gap:.5rem;max-width:32rem;margin:.25rem 0 1rem}
.results .excerpt{margin:.25rem 0 0}
mark{background:#fff8c5;color:inherit}
@media (prefers-color-scheme:dark){mark{background:#4b3500}}
${STATUS_CSS}
${FILTER_CSS}
`.trim();

/**
 * A name that changes with the content, as 16 hex digits: two 32-bit FNV-1a (the content keys'
 * hash, src/content/keys.ts) from two offset bases. Computed where the module loads, in the
 * Worker too (without Node's crypto): in integers, a few hundredths of a millisecond for the
 * stylesheet (64-bit in BigInt took ~0.8 ms of every isolate's start).
 */
export function contentName(text: string): string {
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  return hex(fnv1a32(text)) + hex(fnv1a32(text, 0x050c5d1f));
}

/** Where the stylesheet is served: a new name for every new content, so it is cached for good. */
export const STYLESHEET_PATH = `/style.${contentName(STYLESHEET)}.css`;

/** Headers of the stylesheet: immutable (its name changes with its content). */
export const STYLESHEET_HEADERS = {
  'Content-Type': 'text/css; charset=utf-8',
  'Cache-Control': 'public, max-age=31536000, immutable',
  'X-Content-Type-Options': 'nosniff',
};

/**
 * The milestone index's filter by team: one rule per team and what it hides, so a stylesheet of
 * the site's teams (linked by the pages that offer the team filter), named by its content.
 */
export function teamFilter(teams: readonly string[]): { path: string; css: string } {
  const rules: string[] = [];
  for (const t of teams) rules.push(`#index:has(#f-team-${t}:checked) [data-team]:not([data-team="${t}"]){display:none}`);
  for (const t of teams) rules.push(`#index:has(#f-team-${t}:checked) .group:not([data-teams~="${t}"]){display:none}`);
  const css = rules.join('\n');
  return { path: `/teams.${contentName(css)}.css`, css };
}
