/** Small pieces the pages share: feed links, dates, lists of updates and milestones. */
import type { FC } from 'hono/jsx';
import type { Milestone, SiteModel, Update } from '../content/model';
import { absoluteUrl, countsLine, FEED_FORMATS, FEED_TYPES, FORMAT_NAMES, feedPath, milestonePath, OPML_PATH, updatePath, type FeedTarget, type SiteConfig } from '../feeds';
import type { AlternateLink } from './layout';

/** `<link rel="alternate">` entries for a target's feeds, in every format. */
export function alternatesFor(config: SiteConfig, target: FeedTarget, name: string): AlternateLink[] {
  return FEED_FORMATS.map((format) => ({
    title: `${name} (${FORMAT_NAMES[format]})`,
    type: FEED_TYPES[format],
    href: absoluteUrl(config, feedPath(target, format)),
  }));
}

export function opmlAlternate(config: SiteConfig): AlternateLink {
  return { title: 'Every feed (OPML)', type: 'text/x-opml', href: absoluteUrl(config, OPML_PATH) };
}

/** "Feeds: RSS · Atom · JSON Feed" for one target. */
export const FeedLinks: FC<{ target: FeedTarget; label?: string }> = ({ target, label = 'Feeds' }) => (
  <span class="feeds">
    {label}:{' '}
    {FEED_FORMATS.map((format, i) => (
      <>
        {i > 0 ? ' · ' : ''}
        <a href={feedPath(target, format)} type={FEED_TYPES[format]}>
          {FORMAT_NAMES[format]}
        </a>
      </>
    ))}
  </span>
);

export const DateTime: FC<{ date: string }> = ({ date }) => <time datetime={date}>{date}</time>;

export function teamName(site: SiteModel, slug: string): string {
  return site.teams.find((t) => t.slug === slug)?.name ?? slug;
}

/** Updates, newest first, one line each. */
export const UpdateList: FC<{ site: SiteModel; updates: readonly Update[]; showTeam?: boolean }> = ({ site, updates, showTeam = true }) =>
  updates.length === 0 ? (
    <p class="muted">No updates published yet.</p>
  ) : (
    <ul class="list">
      {updates.map((u) => (
        <li>
          <a href={updatePath(u)}>{u.title}</a>
          <br />
          <span class="meta">
            <DateTime date={u.date} />
            {showTeam ? (
              <>
                {' · '}
                <a href={`/teams/${encodeURIComponent(u.team)}`}>{teamName(site, u.team)}</a>
              </>
            ) : null}
            {u.lastmod ? ` · edited ${u.lastmod}` : ''}
            {' · '}
            {countsLine(u.sections)}
          </span>
        </li>
      ))}
    </ul>
  );

export interface MilestoneNode {
  milestone: Milestone;
  children: MilestoneNode[];
}

/**
 * Milestones as a tree (sub-milestones and deliverables under their parent), most recently
 * active first. Every milestone appears exactly once, even under a parent cycle.
 */
export function milestoneTree(milestones: readonly Milestone[]): MilestoneNode[] {
  const keys = new Set(milestones.map((m) => m.key));
  const childrenOf = new Map<string, Milestone[]>();
  const roots: Milestone[] = [];
  for (const m of milestones) {
    if (m.parentKey !== undefined && m.parentKey !== m.key && keys.has(m.parentKey)) {
      const list = childrenOf.get(m.parentKey) ?? [];
      list.push(m);
      childrenOf.set(m.parentKey, list);
    } else {
      roots.push(m);
    }
  }
  const order = (a: Milestone, b: Milestone) => (a.lastSeen !== b.lastSeen ? (a.lastSeen < b.lastSeen ? 1 : -1) : a.title.localeCompare(b.title, 'en'));
  const visited = new Set<string>();
  const build = (m: Milestone): MilestoneNode => {
    visited.add(m.key);
    const kids = (childrenOf.get(m.key) ?? []).filter((k) => !visited.has(k.key)).sort(order);
    return { milestone: m, children: kids.map((k) => (visited.has(k.key) ? undefined : build(k))).filter((n): n is MilestoneNode => n !== undefined) };
  };
  const tree = roots.sort(order).map(build);
  // Only a parent cycle leaves milestones unvisited: list them at the top level.
  for (const m of [...milestones].sort(order)) if (!visited.has(m.key)) tree.push(build(m));
  return tree;
}

const MilestoneEntry: FC<{ node: MilestoneNode }> = ({ node }) => {
  const { milestone } = node;
  const weeks = milestone.weeks.length;
  return (
    <li>
      <a href={milestonePath(milestone.key)}>{milestone.title}</a> <span class="tag">{milestone.level}</span>
      <br />
      <span class="meta">
        last activity <DateTime date={milestone.lastSeen} /> · {weeks} {weeks === 1 ? 'week' : 'weeks'}
      </span>
      <br />
      <FeedLinks target={{ kind: 'milestone', milestone }} />
      {node.children.length > 0 ? (
        <ul>
          {node.children.map((child) => (
            <MilestoneEntry node={child} />
          ))}
        </ul>
      ) : null}
    </li>
  );
};

/** Every given milestone with its feed links and last activity. */
export const MilestoneList: FC<{ milestones: readonly Milestone[] }> = ({ milestones }) => {
  if (milestones.length === 0) return <p class="muted">No milestones yet.</p>;
  return (
    <ul class="list">
      {milestoneTree(milestones).map((node) => (
        <MilestoneEntry node={node} />
      ))}
    </ul>
  );
};
