/** Small pieces the pages share: feed links, dates, lists of updates and milestones. */
import type { FC } from 'hono/jsx';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { Item, Milestone, SiteModel, Update } from '../content/model';
import { absoluteUrl, countsLine, FEED_FORMATS, FEED_TYPES, FORMAT_NAMES, feedPath, milestonePath, OPML_PATH, updatePath, type FeedTarget, type SiteConfig } from '../feeds';
import type { AlternateLink } from './layout';
import { STATUS_LABELS, STATUS_RULES, statusOf, type MilestoneStatus, type StatusInfo } from '../status';

/**
 * The status badge every list and page shows next to a milestone's name. The exceptions
 * (blocked, at risk, done, quiet, silent) stand out; "active", the usual case, is quiet text.
 * A milestone of a silent team says since when.
 */
export const StatusBadge: FC<{ status: MilestoneStatus; reason?: string; silentSince?: string }> = ({ status, reason, silentSince }) =>
  silentSince !== undefined ? (
    <span class="status status-silent" title={reason ?? STATUS_RULES[status]}>
      Silent since <DateTime date={silentSince} />
    </span>
  ) : (
    <span class={`status status-${status}`} title={reason ?? STATUS_RULES[status]}>
      {STATUS_LABELS[status]}
    </span>
  );

/** The badge of a derived status (silent included). */
export const InfoBadge: FC<{ info: StatusInfo }> = ({ info }) => <StatusBadge status={info.status} reason={info.reason} silentSince={info.silentSince} />;

/** The status as a reader names it: "silent" for a silent team's milestones. */
export function shownStatus(info: StatusInfo): MilestoneStatus | 'silent' {
  return info.silentSince !== undefined ? 'silent' : info.status;
}

/** Items with their nesting (`depth`) as nested lists: a summary or highlights at any depth. */
export const NestedItems: FC<{ items: readonly Item[]; html: (fragment: string) => string; limit?: number }> = ({ items, html, limit }) => {
  interface Node {
    item: Item;
    children: Node[];
  }
  const roots: Node[] = [];
  const stack: Node[] = [];
  const base = Math.min(...items.map((i) => i.depth));
  for (const item of items) {
    const node: Node = { item, children: [] };
    const depth = item.depth - base;
    stack.length = Math.min(stack.length, depth);
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
    else roots.push(node);
    stack.push(node);
  }
  const shown = limit === undefined ? roots : roots.slice(0, limit);
  const list = (nodes: Node[]): JSX.Element => (
    <ul>
      {nodes.map((n) => (
        <li>
          <span dangerouslySetInnerHTML={{ __html: html(n.item.html) }} />
          {n.children.length > 0 ? list(n.children) : null}
        </li>
      ))}
    </ul>
  );
  return items.length === 0 ? null : list(shown);
};

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

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "5 Oct 2026" for `2026-10-05` (a date-time keeps its date); anything else as it is. */
export function humanDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : date;
}

/** Text with its ISO dates ("last on 2026-10-05") shown as <time>s. */
export const DatedText: FC<{ text: string }> = ({ text }) => (
  <>
    {text.split(/(\d{4}-\d{2}-\d{2})/).map((part, i) => (i % 2 === 1 ? <DateTime date={part} /> : part))}
  </>
);

/** A date as people write it, machine-readable in `datetime`; never broken across lines (CSS). */
export const DateTime: FC<{ date: string }> = ({ date }) => <time datetime={date}>{humanDate(date)}</time>;

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

const SHOWN_LABELS: Record<MilestoneStatus | 'silent', string> = { ...STATUS_LABELS, silent: 'Silent' };
const SHOWN_ORDER: Array<MilestoneStatus | 'silent'> = ['blocked', 'at-risk', 'active', 'quiet', 'silent', 'done'];

/** "4 deliverables: 2 active, 1 blocked, 1 done" — what a parent's parts say, in one line. */
export function childrenLine(children: readonly Milestone[], infoOf: (key: string) => StatusInfo): string {
  const levels = new Map<string, number>();
  for (const c of children) levels.set(c.level, (levels.get(c.level) ?? 0) + 1);
  const noun = (level: string, n: number) => `${levelWord(level as Milestone['level']).toLowerCase()}${n === 1 ? '' : 's'}`;
  const what = [...levels].map(([level, n]) => `${n} ${noun(level, n)}`).join(', ');
  const counts = new Map<string, number>();
  for (const c of children) {
    const st = shownStatus(infoOf(c.key));
    counts.set(st, (counts.get(st) ?? 0) + 1);
  }
  const how = SHOWN_ORDER.filter((st) => counts.has(st)).map((st) => `${counts.get(st)} ${SHOWN_LABELS[st].toLowerCase()}`);
  return `${what}: ${how.join(', ')}`;
}

const MilestoneEntry: FC<{ node: MilestoneNode; site: SiteModel; config: Pick<SiteConfig, 'quietWeeks'>; show?: (m: Milestone) => boolean }> = ({ node, site, config, show }) => {
  const { milestone } = node;
  const weeks = milestone.weeks.length;
  const info = milestoneStatus(site, config, milestone.key);
  const children = show ? node.children.filter((c) => show(c.milestone) || hasShown(c, show)) : node.children;
  return (
    <li data-st={[...treeStatuses(node, site, config)].join(' ')}>
      <a href={milestonePath(milestone.key)}>{milestone.title}</a> <InfoBadge info={info} />
      <br />
      <span class="meta">
        {milestone.level !== 'milestone' ? <>{levelWord(milestone.level)} · </> : null}
        {node.children.length > 0 ? <>{childrenLine(node.children.map((c) => c.milestone), (k) => milestoneStatus(site, config, k))} · </> : null}
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
