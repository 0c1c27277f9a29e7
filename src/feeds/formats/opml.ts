/**
 * Every feed of the site as OPML 2.0, grouped by team, for one-click import into a feed
 * reader. One outline per feed (its RSS URL): importing the Atom and JSON variants as well
 * would subscribe to everything three times.
 */
import type { Milestone, SiteModel } from '../../content/model';
import { absoluteUrl, type SiteConfig } from '../config';
import { newestUpdate, teamMilestones } from '../document';
import { feedPath, targetPagePath, type FeedTarget } from '../paths';
import { escapeAttribute, escapeText } from './xml';

interface Outline {
  text: string;
  target?: FeedTarget;
  description?: string;
  children?: Outline[];
}

function milestoneOrder(milestones: Milestone[]): { milestone: Milestone; path: string[] }[] {
  const keys = new Set(milestones.map((m) => m.key));
  const children = new Map<string, Milestone[]>();
  const roots: Milestone[] = [];
  for (const m of milestones) {
    if (m.parentKey !== undefined && keys.has(m.parentKey) && m.parentKey !== m.key) {
      const list = children.get(m.parentKey) ?? [];
      list.push(m);
      children.set(m.parentKey, list);
    } else {
      roots.push(m);
    }
  }
  const byTitle = (a: Milestone, b: Milestone) => a.title.localeCompare(b.title, 'en') || (a.key < b.key ? -1 : 1);
  const out: { milestone: Milestone; path: string[] }[] = [];
  const visited = new Set<string>();
  const walk = (m: Milestone, path: string[]) => {
    if (visited.has(m.key)) return; // a parent cycle in odd content must not loop forever
    visited.add(m.key);
    out.push({ milestone: m, path: [...path, m.title] });
    for (const child of (children.get(m.key) ?? []).sort(byTitle)) walk(child, [...path, m.title]);
  };
  for (const root of roots.sort(byTitle)) walk(root, []);
  // Whatever only a cycle reaches is still listed.
  for (const m of milestones) if (!visited.has(m.key)) walk(m, []);
  return out;
}

export function renderOpml(site: SiteModel, config: SiteConfig): string {
  const outlines: Outline[] = [{ text: `${config.title} (all teams)`, target: { kind: 'site' }, description: config.description }];
  for (const team of site.teams) {
    const owned = teamMilestones(site, team.slug);
    outlines.push({
      text: team.name,
      children: [
        { text: `${team.name}: all updates`, target: { kind: 'team', team }, description: team.description ?? '' },
        ...milestoneOrder(owned).map(({ milestone, path }) => ({
          text: `${team.name}: ${path.join(' › ')}`,
          target: { kind: 'milestone' as const, milestone },
        })),
      ],
    });
  }
  const lines: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${escapeText(config.title)}</title>`,
    `    <dateModified>${newestUpdate(site.updates).toUTCString()}</dateModified>`,
    '    <docs>http://opml.org/spec2.opml</docs>',
    '  </head>',
    '  <body>',
  ];
  const write = (outline: Outline, depth: number) => {
    const pad = '  '.repeat(depth);
    const attrs = [`text="${escapeAttribute(outline.text)}"`, `title="${escapeAttribute(outline.text)}"`];
    if (outline.target) {
      attrs.push(
        'type="rss"',
        'version="RSS2"',
        `xmlUrl="${escapeAttribute(absoluteUrl(config, feedPath(outline.target, 'rss')))}"`,
        `htmlUrl="${escapeAttribute(absoluteUrl(config, targetPagePath(outline.target)))}"`,
        `language="${escapeAttribute(config.language)}"`,
      );
      if (outline.description) attrs.push(`description="${escapeAttribute(outline.description)}"`);
    }
    if (!outline.children || outline.children.length === 0) {
      lines.push(`${pad}<outline ${attrs.join(' ')}/>`);
      return;
    }
    lines.push(`${pad}<outline ${attrs.join(' ')}>`);
    for (const child of outline.children) write(child, depth + 1);
    lines.push(`${pad}</outline>`);
  };
  for (const outline of outlines) write(outline, 2);
  lines.push('  </body>', '</opml>', '');
  return lines.join('\n');
}
