/**
 * A shields-style SVG badge ("milestone | at risk") for a team's README: two flat boxes, the
 * status in its colour, text sized with `textLength` so it fits whatever font renders it.
 */
import type { MilestoneStatus } from './index';

const BADGE_COLOURS: Record<MilestoneStatus, string> = {
  done: '#1a7f37',
  blocked: '#cf222e',
  'at-risk': '#9a6700',
  quiet: '#6e7781',
  active: '#0969da',
};

const BADGE_TEXT: Record<MilestoneStatus, string> = { done: 'done', blocked: 'blocked', 'at-risk': 'at risk', quiet: 'quiet', active: 'active' };

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Approximate width of Verdana 11px text: narrow letters count less. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    if ('iljtfI.,:;|!\' '.includes(ch)) w += 3.8;
    else if ('mwMW'.includes(ch)) w += 10;
    else if (/[A-Z0-9]/.test(ch)) w += 7.5;
    else w += 6.6;
  }
  return Math.ceil(w);
}

/** The badge as an SVG document. `label` is the left part ("milestone" or a short title). */
export function badgeSvg(status: MilestoneStatus, label = 'milestone', title?: string, text?: string): string {
  const left = label.length > 40 ? `${label.slice(0, 39)}…` : label;
  // `text`: another word for the status ("silent" for a milestone of a silent team).
  const right = text ?? BADGE_TEXT[status];
  const lw = textWidth(left) + 12;
  const rw = textWidth(right) + 12;
  const width = lw + rw;
  const colour = BADGE_COLOURS[status];
  const aria = escapeXml(title ?? `${left}: ${right}`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${aria}">
<title>${aria}</title>
<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>
<clipPath id="r"><rect width="${width}" height="20" rx="3" fill="#fff"/></clipPath>
<g clip-path="url(#r)"><rect width="${lw}" height="20" fill="#555"/><rect x="${lw}" width="${rw}" height="20" fill="${colour}"/><rect width="${width}" height="20" fill="url(#s)"/></g>
<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">
<text x="${lw / 2}" y="15" fill="#010101" fill-opacity=".3" textLength="${lw - 12}" lengthAdjust="spacingAndGlyphs">${escapeXml(left)}</text>
<text x="${lw / 2}" y="14" textLength="${lw - 12}" lengthAdjust="spacingAndGlyphs">${escapeXml(left)}</text>
<text x="${lw + rw / 2}" y="15" fill="#010101" fill-opacity=".3" textLength="${rw - 12}" lengthAdjust="spacingAndGlyphs">${escapeXml(right)}</text>
<text x="${lw + rw / 2}" y="14" textLength="${rw - 12}" lengthAdjust="spacingAndGlyphs">${escapeXml(right)}</text>
</g>
</svg>
`;
}
