/** Small pieces the pages share: feed links, dates, lists of updates and milestones. */
import type { FC } from 'hono/jsx';
import type { Milestone, SiteModel, Update } from '../content/model';
import { absoluteUrl, countsLine, FEED_FORMATS, FEED_TYPES, FORMAT_NAMES, feedPath, milestonePath, OPML_PATH, updatePath, type FeedTarget, type SiteConfig } from '../feeds';
import type { AlternateLink } from './layout';
import { STATUS_LABELS, STATUS_RULES, statusOf, type MilestoneStatus, type StatusInfo } from '../status';

/** The status badge every list and page shows next to a milestone's name. */
export const StatusBadge: FC<{ status: MilestoneStatus; reason?: string }> = ({ status, reason }) => (
  <span class={`status status-${status}`} title={reason ?? STATUS_RULES[status]}>
    {STATUS_LABELS[status]}
  </span>
);

export function milestoneStatus(site: SiteModel, config: Pick<SiteConfig, 'quietWeeks'>, key: string): StatusInfo {
  return statusOf(site, key, config);
}

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
export const FeedLinks: FC<{ target: FeedTarget; label?: string; only?: (typeof FEED_FORMATS)[number] }> = ({ target, label = 'Feeds', only }) =>
  only ? (
    <a href={feedPath(target, only)} type={FEED_TYPES[only]}>
      {label}
    </a>
  ) : (
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

const LEVEL_WORDS: Record<Milestone['level'], string> = { milestone: 'Milestone', 'sub-milestone': 'Sub-milestone', deliverable: 'Deliverable', workstream: 'Workstream' };

export function levelWord(level: Milestone['level']): string {
  return LEVEL_WORDS[level] ?? level;
}

const MilestoneEntry: FC<{ node: MilestoneNode; site: SiteModel; config: Pick<SiteConfig, 'quietWeeks'>; show?: (m: Milestone) => boolean }> = ({ node, site, config, show }) => {
  const { milestone } = node;
  const weeks = milestone.weeks.length;
  const info = milestoneStatus(site, config, milestone.key);
  const children = show ? node.children.filter((c) => show(c.milestone) || hasShown(c, show)) : node.children;
  return (
    <li data-st={[...treeStatuses(node, site, config)].join(' ')}>
      <StatusBadge status={info.status} reason={info.reason} /> <a href={milestonePath(milestone.key)}>{milestone.title}</a>
      <br />
      <span class="meta">
        {milestone.level !== 'milestone' ? <>{levelWord(milestone.level)} · </> : null}
        last entry <DateTime date={milestone.lastSeen} /> · {weeks} {weeks === 1 ? 'week' : 'weeks'} ·{' '}
        <a href={feedPath({ kind: 'milestone', milestone }, 'rss')} type={FEED_TYPES.rss} aria-label={`Feed of ${milestone.title}`}>
          feed
        </a>
      </span>
      {children.length > 0 ? (
        <ul>
          {children.map((child) => (
            <MilestoneEntry node={child} site={site} config={config} show={show} />
          ))}
        </ul>
      ) : null}
    </li>
  );
};

/** The statuses of a milestone and everything under it: a filter shows the tree when one matches. */
function treeStatuses(node: MilestoneNode, site: SiteModel, config: Pick<SiteConfig, 'quietWeeks'>, into = new Set<string>()): Set<string> {
  into.add(milestoneStatus(site, config, node.milestone.key).status);
  for (const c of node.children) treeStatuses(c, site, config, into);
  return into;
}

function hasShown(node: MilestoneNode, show: (m: Milestone) => boolean): boolean {
  return node.children.some((c) => show(c.milestone) || hasShown(c, show));
}

/**
 * The given milestones as a tree (deliverables under their milestone), each with its status,
 * last entry and one feed link (the three formats are on the milestone's own page).
 */
export const MilestoneList: FC<{ site: SiteModel; config: Pick<SiteConfig, 'quietWeeks'>; milestones: readonly Milestone[]; empty?: string }> = ({ site, config, milestones, empty }) => {
  if (milestones.length === 0) return <p class="muted">{empty ?? 'No milestones yet.'}</p>;
  return (
    <ul class="list milestones">
      {milestoneTree(milestones).map((node) => (
        <MilestoneEntry node={node} site={site} config={config} />
      ))}
    </ul>
  );
};
