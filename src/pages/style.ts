/**
 * The one stylesheet, inlined in every page (small enough that a request of its own would
 * cost more than it saves). System fonts, one column, readable from 320 px up, dark mode.
 */
import { STATUS_COLOURS, STATUSES } from '../status';

/** One rule per status: badge colours, light and dark. */
const STATUS_CSS = [
  ...STATUSES.map((st) => `.status-${st}{--st-bg:${STATUS_COLOURS[st].bg};--st-fg:${STATUS_COLOURS[st].fg}}`),
  `@media (prefers-color-scheme:dark){${STATUSES.map((st) => `.status-${st}{--st-bg:${STATUS_COLOURS[st].darkBg};--st-fg:${STATUS_COLOURS[st].darkFg}}`).join('')}}`,
].join('\n');

export const STYLESHEET = `
:root{color-scheme:light dark;--fg:#1f2328;--muted:#59636e;--bg:#fff;--line:#d1d9e0;--link:#0969da;--soft:#f6f8fa}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--line:#3d444d;--link:#4493f8;--soft:#151b23}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font:1rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);overflow-wrap:anywhere}
.wrap{max-width:46rem;margin:0 auto;padding:0 1rem}
header.site{border-bottom:1px solid var(--line);padding:.75rem 0}
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
button{font:inherit;padding:.4rem 1rem;cursor:pointer}
fieldset{border:1px solid var(--line);border-radius:6px;margin:1rem 0}
fieldset p{margin:.25rem 0}
.notice{background:var(--soft);border-left:4px solid #1a7f37;padding:.5rem 1rem;border-radius:6px}
.errors{background:var(--soft);border-left:4px solid #cf222e;padding:.5rem 1rem;border-radius:6px}
.status{display:inline-block;font-size:.8rem;font-weight:600;line-height:1.5;border-radius:999px;padding:0 .55rem;white-space:nowrap;vertical-align:.05em;background:var(--st-bg);color:var(--st-fg);border:1px solid var(--st-fg)}
${STATUS_CSS}
`.trim();
