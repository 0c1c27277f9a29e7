/**
 * The digest email (and its web copy): "In this issue" with counts first, then per team the
 * blockers and risks — new and still open — before anything else, then milestones as headings
 * with their sub-milestones and deliverables nested, each with what was achieved and is next.
 *
 * Email mode: table layout, font and colour inline on every element (clients strip <body>
 * and <style>), every link coloured, a dark mode for clients that honour
 * `prefers-color-scheme` (classes in a <style> block) and colours that stay readable when a
 * client inverts them. Web mode: the same content with the site's classes, no inline colours,
 * inside the site layout (src/digest/routes.tsx).
 *
 * Rendered once per distinct scope set: the recipient's own links are placeholders that
 * `personaliseDigest` swaps in per recipient.
 */
import type { Child, FC } from 'hono/jsx';
import type { SiteModel, Team } from '../src/content/model';
import type { ChangedItem, Changes, MilestoneChange, OpenChangedItem, TeamState, UpdateRef } from '../src/digest/changes';
import { digestWeek, humanDate, listWithMore, reportWeeks, teamSections, type TeamSection } from '../src/digest/layout';
import { absolutizeHtml, escapeHtml, milestonePath, updatePath } from '../src/feeds';
import { STATUS_COLOURS, STATUS_LABELS, statusesOf, type MilestoneStatus } from '../src/status';
import { renderEmailHtml, textFooter, wrap, type EmailFooterLinks } from './layout';
export { wrap };
import type { RenderedEmail } from './types';

export interface DigestEmailProps {
  changes: Changes;
  subject: string;
  teams: readonly Team[];
  /** The site now: milestone statuses for the badges (optional: no badges without it). */
  site?: SiteModel;
  quietWeeks?: number;
  siteTitle: string;
  /** Absolute, without trailing slash. */
  siteUrl: string;
  /** "View in browser": the digest's web copy. */
  webUrl: string;
  /** What the reader follows, described ("everything", "team Atlas", …). */
  scopes: readonly string[];
  /** The reader wants only risks and blockers. */
  risksOnly?: boolean;
  /** Weekly digest (default) or one email per update. */
  frequency?: 'weekly' | 'instant';
  /**
   * The reader's first digest: where what they follow stands (open blockers and risks, what
   * was achieved lately, from `changes.state`) instead of a week's changes.
   */
  first?: boolean;
  unsubscribeUrl: string;
  preferencesUrl: string;
}

const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
const C = { fg: '#1f2328', muted: '#57606a', link: '#0969da', line: '#d0d7de', bg: '#f4f5f7', card: '#ffffff', red: '#b3161f', redBg: '#fff1f0', amber: '#7d4e00', amberBg: '#fff8db', green: '#1a7f37', blue: '#0969da' };

const DARK_CSS = `
:root{color-scheme:light dark;supported-color-schemes:light dark}
@media (prefers-color-scheme:dark){
.t-bg{background:#0d1117!important}.t-card{background:#161b22!important}
.t-fg{color:#e6edf3!important}.t-muted{color:#9198a1!important}.t-link{color:#58a6ff!important}
.t-line{border-color:#3d444d!important}
.t-blocker{background:#2a1215!important;border-color:#ff7b72!important}.t-risk{background:#272010!important;border-color:#e3b341!important}
.t-red{color:#ff7b72!important}.t-amber{color:#e3b341!important}.t-green{color:#3fb950!important}.t-blue{color:#58a6ff!important}
}
[data-ogsc] .t-fg{color:#e6edf3!important}[data-ogsc] .t-link{color:#58a6ff!important}[data-ogsc] .t-muted{color:#9198a1!important}
`;

type Mode = 'email' | 'web';

interface Ctx {
  mode: Mode;
  siteUrl: string;
  statuses?: Map<string, MilestoneStatus>;
}

/** Email: inline style plus a class for dark mode; web: the site's class only. */
function st(ctx: Ctx, cls: string, style: string): { class?: string; style?: string } {
  if (ctx.mode === 'email') return { class: cls.split(' ').filter((c) => c.startsWith('t-')).join(' '), style };
  const web = cls.split(' ').filter((c) => c.startsWith('w-'));
  return web.length > 0 ? { class: web.join(' ') } : {};
}

const A: FC<{ ctx: Ctx; href: string; children?: Child; muted?: boolean }> = ({ ctx, href, children, muted }) => (
  <a href={href} {...st(ctx, muted ? 't-muted' : 't-link', `color:${muted ? C.muted : C.link};text-decoration:underline;font-family:${FONT};`)}>
    {children}
  </a>
);

export interface IssueCounts {
  blockers: number;
  newBlockers: number;
  risks: number;
  newRisks: number;
  resolved: number;
  moved: number;
  achieved: number;
  newMilestones: number;
  quiet: number;
  /** Teams that fell silent. */
  silent: number;
  updates: number;
}

/** The counts "In this issue" shows, and the subject says: one function for both. */
export function issueCounts(changes: Changes): IssueCounts {
  const ms = changes.milestones;
  const open = (kind: 'risks' | 'blockers') => ms.reduce((n, m) => n + (m.open ?? []).filter((o) => o.kind === kind).length, 0);
  const newBlockers = ms.reduce((n, m) => n + m.blockers.length, 0);
  const newRisks = ms.reduce((n, m) => n + m.risks.length, 0);
  return {
    blockers: newBlockers + open('blockers'),
    newBlockers,
    risks: newRisks + open('risks'),
    newRisks,
    resolved: ms.reduce((n, m) => n + m.resolved.length, 0),
    moved: ms.filter((m) => m.achieved.length + m.progress.length > 0).length,
    achieved: ms.reduce((n, m) => n + m.achieved.length, 0),
    newMilestones: ms.filter((m) => m.isNew).length,
    quiet: ms.filter((m) => m.quiet).length,
    silent: changes.silent?.length ?? 0,
    updates: changes.newUpdates.length,
  };
}

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

/** Workstreams are named by their area too: "Other Work › Bugs", not a bare "Bugs". */
function displayTitle(m: MilestoneChange): string {
  return m.level === 'workstream' && m.area ? `${m.area} › ${m.title}` : m.title;
}

interface Attention {
  kind: 'blockers' | 'risks';
  item: ChangedItem;
  milestone: MilestoneChange;
  /** Undefined: new this time. */
  since?: string;
  /** Where things stand (a first digest): open, not "still" open. */
  state?: boolean;
}

function attentionOf(milestones: readonly MilestoneChange[]): Attention[] {
  const out: Attention[] = [];
  for (const kind of ['blockers', 'risks'] as const) {
    for (const m of milestones) {
      for (const item of m[kind]) out.push({ kind, item, milestone: m });
      for (const o of (m.open ?? []).filter((x: OpenChangedItem) => x.kind === kind)) out.push({ kind, item: o, milestone: m, since: o.since });
    }
  }
  return out;
}

/** Milestones with their nested changes: a parent's heading holds its deliverables. */
interface Node {
  change?: MilestoneChange;
  key: string;
  title: string;
  children: Node[];
}

function nest(milestones: readonly MilestoneChange[]): Node[] {
  const byKey = new Map<string, Node>();
  const roots: Node[] = [];
  for (const m of milestones) byKey.set(m.key, { change: m, key: m.key, title: displayTitle(m), children: [] });
  for (const m of milestones) {
    const node = byKey.get(m.key)!;
    if (m.parentKey && m.parentKey !== m.key) {
      let parent = byKey.get(m.parentKey);
      if (!parent) {
        // The parent has no news itself: still its heading, so the deliverable sits under it.
        parent = { key: m.parentKey, title: m.parentTitle ?? m.parentKey, children: [] };
        byKey.set(m.parentKey, parent);
        roots.push(parent);
      }
      parent.children.push(node);
    } else {
      roots.push(node);
    }
  }
  return roots;
}

function itemHtml(ctx: Ctx, item: ChangedItem): string {
  const pageUrl = `${ctx.siteUrl}${updatePath({ team: item.updateId.split('/')[0]!, date: item.date, id: item.updateId })}`;
  // The piece of work it is about leads it (`bug: flaky dial: found the race`).
  const html = `${item.workItem ? `${escapeHtml(item.workItem)}: ` : ''}${absolutizeHtml(item.html, ctx.siteUrl, pageUrl)}`;
  // Every link coloured, in email mode (clients otherwise pick their own or none).
  return ctx.mode === 'email' ? html.replace(/<a /g, `<a class="t-link" style="color:${C.link};text-decoration:underline;" `) : html;
}

/** The exceptions only (blocked, at risk, done, quiet): "active" is the usual case and stays unmarked. */
const Badge: FC<{ ctx: Ctx; status?: MilestoneStatus }> = ({ ctx, status }) => {
  if (!status || status === 'active') return null;
  if (ctx.mode === 'web') return <span class={`status status-${status}`}>{STATUS_LABELS[status]}</span>;
  const c = STATUS_COLOURS[status];
  return (
    <span style={`display:inline-block;font-family:${FONT};font-size:12px;font-weight:700;line-height:18px;padding:0 8px;border-radius:9px;border:1px solid ${c.fg};background:${c.bg};color:${c.fg};`}>
      {STATUS_LABELS[status]}
    </span>
  );
};

const KIND = {
  achieved: { label: 'Achieved', colour: C.green, cls: 't-green' },
  progress: { label: 'Progress', colour: C.green, cls: 't-green' },
  next: { label: 'Next', colour: C.blue, cls: 't-blue' },
  resolved: { label: 'Resolved or no longer listed', colour: C.muted, cls: 't-muted' },
} as const;

const List: FC<{ ctx: Ctx; kind: keyof typeof KIND; items: ChangedItem[] }> = ({ ctx, kind, items }) =>
  items.length === 0 ? null : (
    <div class={ctx.mode === 'web' ? `kind kind-${kind === 'resolved' ? 'notes' : kind}` : undefined}>
      <p {...st(ctx, `${KIND[kind].cls} w-kind-label`, `margin:10px 0 4px 0;font-family:${FONT};font-size:14px;font-weight:700;color:${KIND[kind].colour};`)}>{KIND[kind].label}</p>
      <ul {...st(ctx, 't-fg', `margin:0 0 4px 0;padding-left:20px;font-family:${FONT};font-size:15px;line-height:1.5;color:${C.fg};`)}>
        {items.map((item) => (
          <li
            {...st(ctx, 't-fg', `margin:0 0 6px 0;font-family:${FONT};color:${C.fg};`)}
            dangerouslySetInnerHTML={{ __html: kind === 'resolved' ? escapeHtml(item.text) : itemHtml(ctx, item) }}
          />
        ))}
      </ul>
    </div>
  );

const MilestoneBlock: FC<{ ctx: Ctx; node: Node; depth: number; risksOnly?: boolean }> = ({ ctx, node, depth, risksOnly }) => {
  const m = node.change;
  const page = `${ctx.siteUrl}${milestonePath(node.key)}${m ? `#${m.anchor}` : ''}`;
  const notes: string[] = [];
  if (m?.isNew) notes.push('new');
  if (m?.renamedFrom) notes.push(`renamed from “${m.renamedFrom}”`);
  if (m?.quiet) notes.push(`gone quiet: no entry in its team’s last ${m.quiet.weeks} reports (last on ${humanDate(m.lastSeen)})`);
  const size = depth === 0 ? 17 : 15;
  const Heading = depth === 0 ? 'h3' : 'h4';
  return (
    <div
      {...st(
        ctx,
        depth > 0 ? 't-line w-child' : 't-line w-milestone',
        depth > 0 ? `margin:10px 0 10px 4px;padding:0 0 0 12px;border-left:2px solid ${C.line};` : `margin:0 0 18px 0;`,
      )}
    >
      <Heading {...st(ctx, 't-fg', `margin:14px 0 4px 0;font-family:${FONT};font-size:${size}px;line-height:1.35;color:${C.fg};`)}>
        <A ctx={ctx} href={page}>
          {node.title}
        </A>{' '}
        <Badge ctx={ctx} status={ctx.statuses?.get(node.key)} />
      </Heading>
      {notes.length > 0 ? <p {...st(ctx, 't-muted w-meta', `margin:0 0 4px 0;font-family:${FONT};font-size:13px;color:${C.muted};`)}>{notes.join(' · ')}</p> : null}
      {m && !risksOnly ? (
        <>
          <List ctx={ctx} kind="achieved" items={m.achieved} />
          <List ctx={ctx} kind="progress" items={m.progress} />
          <List ctx={ctx} kind="next" items={m.next} />
        </>
      ) : null}
      {m ? <List ctx={ctx} kind="resolved" items={m.resolved} /> : null}
      {node.children.map((child) => (
        <MilestoneBlock ctx={ctx} node={child} depth={depth + 1} risksOnly={risksOnly} />
      ))}
    </div>
  );
};

const AttentionList: FC<{ ctx: Ctx; items: Attention[]; teams?: readonly Team[] }> = ({ ctx, items, teams }) => (
  <>
    {items.map((a) => {
      const blocker = a.kind === 'blockers';
      return (
        <div
          class={ctx.mode === 'email' ? (blocker ? 't-blocker' : 't-risk') : `attention-item ${blocker ? 'blocker' : 'risk'}`}
          style={ctx.mode === 'email' ? `margin:0 0 8px 0;padding:8px 12px;border-left:4px solid ${blocker ? C.red : C.amber};background:${blocker ? C.redBg : C.amberBg};font-family:${FONT};` : undefined}
        >
          <p {...st(ctx, 't-fg', `margin:0 0 2px 0;font-family:${FONT};font-size:13px;color:${C.fg};`)}>
            <strong {...st(ctx, blocker ? 't-red' : 't-amber', `color:${blocker ? C.red : C.amber};`)}>{blocker ? 'Blocker' : 'Risk'}</strong>
            {' · '}
            {a.since ? `${a.state ? 'open' : 'still open'}, listed since ${humanDate(a.since)}` : 'new'}
            {' · '}
            <A ctx={ctx} href={`${ctx.siteUrl}${milestonePath(a.milestone.key)}#${a.milestone.anchor}`}>
              {displayTitle(a.milestone)}
            </A>
            {teams ? ` (${teams.find((t) => t.slug === a.milestone.team)?.name ?? a.milestone.team})` : ''}
          </p>
          <div {...st(ctx, 't-fg', `font-family:${FONT};font-size:15px;line-height:1.5;color:${C.fg};`)} dangerouslySetInnerHTML={{ __html: itemHtml(ctx, a.item) }} />
        </div>
      );
    })}
  </>
);

/** "In this issue": the counts, in the order the body shows them. */
export function issueLines(counts: IssueCounts, risksOnly = false): string[] {
  const lines: string[] = [];
  if (counts.blockers > 0) lines.push(`${plural(counts.blockers, 'blocker')}${counts.newBlockers < counts.blockers ? ` (${counts.newBlockers} new)` : ' (new)'}`);
  if (counts.risks > 0) lines.push(`${plural(counts.risks, 'risk')}${counts.newRisks < counts.risks ? ` (${counts.newRisks} new)` : ' (new)'}`);
  if (counts.resolved > 0) lines.push(`${plural(counts.resolved, 'risk or blocker', 'risks or blockers')} resolved or no longer listed`);
  if (!risksOnly) {
    if (counts.moved > 0) lines.push(`progress reported on ${plural(counts.moved, 'milestone')}${counts.achieved > 0 ? ` (${counts.achieved} achieved)` : ''}`);
    if (counts.newMilestones > 0) lines.push(plural(counts.newMilestones, 'new milestone'));
    if (counts.quiet > 0) lines.push(`${plural(counts.quiet, 'milestone')} gone quiet`);
    if (counts.silent > 0) lines.push(`${plural(counts.silent, 'team')} silent`);
    if (counts.updates > 0) lines.push(plural(counts.updates, 'new report'));
  }
  if (lines.length === 0) lines.push('no change in what you follow');
  return lines;
}

export interface DigestContentProps {
  changes: Changes;
  teams: readonly Team[];
  siteUrl: string;
  statuses?: Map<string, MilestoneStatus>;
  risksOnly?: boolean;
  mode: Mode;
}

const muted = (ctx: Ctx, margin = '0 0 8px 0') => st(ctx, 't-muted w-meta', `margin:${margin};font-family:${FONT};font-size:14px;line-height:1.5;color:${C.muted};`);
const h2 = (ctx: Ctx) => st(ctx, 't-fg t-line', `margin:24px 0 10px 0;padding:0 0 6px 0;border-bottom:1px solid ${C.line};font-family:${FONT};font-size:20px;line-height:1.3;color:${C.fg};`);

/** A report as a team section names it: its title, its own week, and "published late" when it is. */
const ReportLine: FC<{ ctx: Ctx; update: UpdateRef; edited?: boolean }> = ({ ctx, update, edited }) => (
  <p {...muted(ctx, '0 0 4px 0')}>
    <A ctx={ctx} href={`${ctx.siteUrl}${updatePath(update)}`}>
      {update.title}
    </A>
    {` · ${reportWeeks([update])}`}
    {update.late ? <strong {...st(ctx, 't-amber', `color:${C.amber};`)}> · published late</strong> : null}
    {edited ? ` · edited${update.lastmod ? ` ${update.lastmod}` : ''}` : ''}
  </p>
);

/** A report's highlights / summary, nested as written. */
const Highlights: FC<{ ctx: Ctx; updates: readonly UpdateRef[] }> = ({ ctx, updates }) => {
  const items = updates.flatMap((u) => (u.summary ?? []).map((i) => ({ ...i, date: u.date, updateId: u.id })));
  if (items.length === 0) return null;
  return (
    <div class={ctx.mode === 'web' ? 'summary' : undefined}>
      <p {...st(ctx, 't-fg w-kind-label', `margin:10px 0 4px 0;font-family:${FONT};font-size:14px;font-weight:700;color:${C.fg};`)}>Highlights</p>
      <ul {...st(ctx, 't-fg', `margin:0 0 8px 0;padding-left:20px;font-family:${FONT};font-size:15px;line-height:1.5;color:${C.fg};`)}>
        {items.map((item) => (
          <li
            {...st(ctx, 't-fg', `margin:0 0 4px ${20 * Math.min(item.depth, 3)}px;font-family:${FONT};color:${C.fg};`)}
            dangerouslySetInnerHTML={{ __html: itemHtml(ctx, item) }}
          />
        ))}
      </ul>
    </div>
  );
};

/** "New this week: A, B and 21 more": the new milestones with nothing written under them yet. */
function newLineText(section: TeamSection): string {
  return `New this week: ${listWithMore(section.newLine.map(displayTitle))}`;
}

function quietLineText(section: TeamSection): string {
  const reports = Math.min(...section.quietLine.map((m) => m.quiet!.weeks));
  return `Gone quiet, no entry in the team’s last ${reports} reports: ${listWithMore(section.quietLine.map(displayTitle), 4)}`;
}

function silentText(section: TeamSection): string {
  return `${section.team.name} silent since ${humanDate(section.silentSince!)}: no report since then.`;
}

const TeamBlock: FC<{ ctx: Ctx; section: TeamSection; risksOnly?: boolean }> = ({ ctx, section, risksOnly }) => (
  <div>
    <h2 {...h2(ctx)}>{section.team.name}</h2>
    {section.updates.map((u) => (
      <ReportLine ctx={ctx} update={u} />
    ))}
    {section.edited.map((u) => (
      <ReportLine ctx={ctx} update={u} edited />
    ))}
    {risksOnly ? null : <Highlights ctx={ctx} updates={section.updates} />}
    {section.silentSince ? <p {...muted(ctx, '8px 0')}>{silentText(section)}</p> : null}
    {nest(section.cards).map((node) => (
      <MilestoneBlock ctx={ctx} node={node} depth={0} risksOnly={risksOnly} />
    ))}
    {section.newLine.length > 0 ? (
      <p {...muted(ctx, '8px 0')}>
        {'New this week: '}
        {section.newLine.length <= 3
          ? section.newLine.map((m, i) => (
              <>
                {i === 0 ? '' : i === section.newLine.length - 1 ? ' and ' : ', '}
                <A ctx={ctx} href={`${ctx.siteUrl}${milestonePath(m.key)}#${m.anchor}`}>
                  {displayTitle(m)}
                </A>
              </>
            ))
          : (
            <>
              <A ctx={ctx} href={`${ctx.siteUrl}${milestonePath(section.newLine[0]!.key)}#${section.newLine[0]!.anchor}`}>
                {displayTitle(section.newLine[0]!)}
              </A>
              {', '}
              <A ctx={ctx} href={`${ctx.siteUrl}${milestonePath(section.newLine[1]!.key)}#${section.newLine[1]!.anchor}`}>
                {displayTitle(section.newLine[1]!)}
              </A>
              {` and ${section.newLine.length - 2} more`}
            </>
          )}
      </p>
    ) : null}
    {section.quietLine.length > 0 ? <p {...muted(ctx, '8px 0')}>{quietLineText(section)}</p> : null}
  </div>
);

/** The digest's content: shared by the email and the web copy. */
export const DigestContent: FC<DigestContentProps> = ({ changes, teams, siteUrl, statuses, risksOnly, mode }) => {
  const ctx: Ctx = { mode, siteUrl, statuses };
  const sections = teamSections(changes, teams, risksOnly);
  const counts = issueCounts(changes);
  // Blockers and risks of every team first, blockers before risks.
  const allAttention = attentionOf(changes.milestones);
  const teamCount = new Set([...sections.map((s) => s.team.slug), ...allAttention.map((a) => a.milestone.team)]).size;
  return (
    <>
      <div
        {...st(ctx, 't-line w-issue', `margin:0 0 20px 0;padding:10px 14px;border:1px solid ${C.line};border-radius:6px;`)}
      >
        <p {...st(ctx, 't-fg', `margin:0 0 4px 0;font-family:${FONT};font-size:15px;font-weight:700;color:${C.fg};`)}>In this issue</p>
        <ul {...st(ctx, 't-fg', `margin:0;padding-left:20px;font-family:${FONT};font-size:15px;line-height:1.5;color:${C.fg};`)}>
          {issueLines(counts, risksOnly).map((line) => (
            <li {...st(ctx, 't-fg', `font-family:${FONT};color:${C.fg};`)}>{line}</li>
          ))}
          {sections.length > 1 ? <li {...st(ctx, 't-fg', `font-family:${FONT};color:${C.fg};`)}>teams: {sections.map((g) => g.team.name).join(', ')}</li> : null}
        </ul>
      </div>
      {allAttention.length > 0 ? (
        <>
          <h2 {...h2(ctx)}>Blockers and risks</h2>
          <AttentionList ctx={ctx} items={allAttention} teams={teamCount > 1 ? teams : undefined} />
        </>
      ) : null}
      {sections.map((section) => (
        <TeamBlock ctx={ctx} section={section} risksOnly={risksOnly} />
      ))}
    </>
  );
};

/** A first digest's blockers and risks: those open now in what the reader follows. */
function stateAttention(state: readonly TeamState[]): Attention[] {
  const out: Attention[] = [];
  for (const kind of ['blockers', 'risks'] as const) {
    for (const t of state) {
      for (const o of t.open.filter((x) => x.kind === kind)) out.push({ kind, item: o, milestone: stateMilestone(o.milestone), since: o.since, state: true });
    }
  }
  return out;
}

function stateMilestone(m: TeamState['open'][number]['milestone']): MilestoneChange {
  return { ...m, lastSeen: '', isNew: false, achieved: [], progress: [], next: [], risks: [], blockers: [], resolved: [] };
}

/** A milestone in a first digest's list, named with its parent: "Push reliability › Rich previews". */
function stateTitle(m: TeamState['achieved'][number]['milestone']): string {
  const own = displayTitle(stateMilestone(m));
  return m.parentTitle && m.parentKey !== m.key ? `${m.parentTitle} › ${own}` : own;
}

/** Teams as they stand, newest report first; silent teams last. */
function stateTeams(state: readonly TeamState[]): TeamState[] {
  return [...state].sort((a, b) => (a.silentSince ? 1 : 0) - (b.silentSince ? 1 : 0) || (a.latest.date < b.latest.date ? 1 : a.latest.date > b.latest.date ? -1 : a.team.localeCompare(b.team)));
}

export interface StateContentProps {
  state: readonly TeamState[];
  teams: readonly Team[];
  siteUrl: string;
  statuses?: Map<string, MilestoneStatus>;
  risksOnly?: boolean;
  mode: Mode;
}

/** A reader's first digest: where what they follow stands, short. */
export const StateContent: FC<StateContentProps> = ({ state, teams, siteUrl, statuses, risksOnly, mode }) => {
  const ctx: Ctx = { mode, siteUrl, statuses };
  const attention = stateAttention(state);
  const name = (slug: string) => teams.find((t) => t.slug === slug)?.name ?? slug;
  const ordered = stateTeams(state);
  return (
    <>
      <p {...st(ctx, 't-fg', `margin:0 0 16px 0;font-family:${FONT};font-size:15px;line-height:1.5;color:${C.fg};`)}>
        Your first digest: where what you follow stands now. From next week, each digest says what changed since the one before.
      </p>
      <h2 {...h2(ctx)}>Open blockers and risks</h2>
      {attention.length > 0 ? (
        <AttentionList ctx={ctx} items={attention} teams={state.length > 1 ? teams : undefined} />
      ) : (
        <p {...muted(ctx)}>None listed in the latest reports.</p>
      )}
      {risksOnly ? null : (
        <>
          <h2 {...h2(ctx)}>Recently achieved</h2>
          {ordered.map((t) => (
            <div>
              <h3 {...st(ctx, 't-fg', `margin:14px 0 4px 0;font-family:${FONT};font-size:17px;line-height:1.35;color:${C.fg};`)}>{name(t.team)}</h3>
              {t.silentSince ? (
                <p {...muted(ctx)}>
                  Silent since {humanDate(t.silentSince)}: its latest report is <A ctx={ctx} href={`${siteUrl}${updatePath(t.latest)}`}>{t.latest.title}</A>.
                </p>
              ) : (
                <>
                  <ReportLine ctx={ctx} update={t.latest} />
                  <Highlights ctx={ctx} updates={[t.latest]} />
                  {t.achieved.length > 0 ? (
                    <ul {...st(ctx, 't-fg', `margin:6px 0 8px 0;padding-left:20px;font-family:${FONT};font-size:15px;line-height:1.5;color:${C.fg};`)}>
                      {t.achieved.map((a) => (
                        <li {...st(ctx, 't-fg', `margin:0 0 6px 0;font-family:${FONT};color:${C.fg};`)}>
                          <A ctx={ctx} href={`${siteUrl}${milestonePath(a.milestone.key)}#${a.milestone.anchor}`}>
                            {stateTitle(a.milestone)}
                          </A>
                          {': '}
                          <span dangerouslySetInnerHTML={{ __html: a.items.map((i) => stripBlock(itemHtml(ctx, i))).join('; ') }} />
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p {...muted(ctx)}>Nothing marked achieved in this report.</p>
                  )}
                  {t.moreAchieved ? (
                    <p {...muted(ctx)}>
                      …and {plural(t.moreAchieved, 'more milestone')} in <A ctx={ctx} href={`${siteUrl}${updatePath(t.latest)}`}>the report</A>.
                    </p>
                  ) : null}
                </>
              )}
            </div>
          ))}
        </>
      )}
    </>
  );
};

/** An item's HTML inline (its paragraphs joined): for one line of several items. */
function stripBlock(html: string): string {
  return html.replace(/<\/?p>/g, ' ').trim();
}

/**
 * The preheader: adds to the subject (the first blocker, else what was achieved), padded so
 * body text does not leak into the preview.
 */
export function digestPreheader(changes: Changes, first = false): string {
  const attention = (first ? stateAttention(changes.state ?? []) : attentionOf(changes.milestones))[0];
  const achieved = first ? (changes.state ?? []).flatMap((t) => t.achieved.map((a) => stateMilestone(a.milestone))) : changes.milestones.filter((m) => m.achieved.length > 0);
  const parts: string[] = [];
  if (attention) parts.push(`${attention.kind === 'blockers' ? 'Blocker' : 'Risk'} in ${displayTitle(attention.milestone)}: ${attention.item.text}`);
  if (achieved.length > 0) parts.push(`Achieved: ${listWithMore(achieved.map(displayTitle), 3)}`);
  if (parts.length === 0) parts.push(first ? 'Where what you follow stands now' : `What changed in the week of ${humanDate(digestWeek(changes))}`);
  return cutAtWord(parts.join(' · '), 140);
}

function cutAtWord(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:·—-]+$/, '')}…`;
}

/** Zero-width joiners and non-breaking spaces after the preheader: the inbox preview stops there. */
const PREHEADER_PAD = '&#847;&zwnj;&nbsp;'.repeat(90);

export async function renderDigestEmail(props: DigestEmailProps): Promise<RenderedEmail> {
  const { changes, siteUrl } = props;
  const statuses = props.site ? statusesOf(props.site, { quietWeeks: props.quietWeeks ?? 3 }) : undefined;
  const week = humanDate(digestWeek(changes));
  const first = props.first === true && props.frequency !== 'instant' && changes.state !== undefined;
  const title = props.frequency === 'instant' ? `New report — ${humanDate(changes.until)}` : first ? `Where things stand — week of ${week}` : `What changed — week of ${week}`;
  const how = props.frequency === 'instant' ? 'an email as each update is published' : 'this weekly digest';
  const footer: EmailFooterLinks = {
    reason: `You get ${how} of ${props.siteTitle}${props.risksOnly ? ' (only risks and blockers)' : ''} because you follow ${props.scopes.join(', ')}.`,
    unsubscribeUrl: props.unsubscribeUrl,
    preferencesUrl: props.preferencesUrl,
  };
  const preheader = digestPreheader(changes, first);
  const ctx: Ctx = { mode: 'email', siteUrl, statuses };
  const html = await renderEmailHtml(
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <meta name="supported-color-schemes" content="light dark" />
        <title>{props.subject}</title>
        <style dangerouslySetInnerHTML={{ __html: DARK_CSS }} />
      </head>
      <body class="t-bg" style={`margin:0;padding:0;background:${C.bg};font-family:${FONT};color:${C.fg};`}>
        <div style="display:none;max-height:0;max-width:0;overflow:hidden;opacity:0;mso-hide:all;font-size:1px;line-height:1px;" aria-hidden="true">
          {preheader}
          <span dangerouslySetInnerHTML={{ __html: PREHEADER_PAD }} />
        </div>
        <div role="main">
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" class="t-bg" style={`background:${C.bg};`}>
          <tr>
            <td align="center" style="padding:16px 8px;">
              <table role="presentation" width="100%" cellpadding="0" cellspacing="0" class="t-card" style={`max-width:640px;background:${C.card};border-radius:8px;`}>
                <tr>
                  <td style={`padding:18px 20px 0 20px;font-family:${FONT};font-size:14px;color:${C.muted};`} class="t-muted">
                    <A ctx={ctx} href={siteUrl} muted>
                      {props.siteTitle}
                    </A>
                    {' · '}
                    <A ctx={ctx} href={props.webUrl} muted>
                      View this digest in your browser
                    </A>
                  </td>
                </tr>
                <tr>
                  <td style={`padding:4px 20px 20px 20px;font-family:${FONT};font-size:16px;line-height:1.5;color:${C.fg};`} class="t-fg">
                    <h1 class="t-fg" style={`margin:12px 0 16px 0;font-family:${FONT};font-size:22px;line-height:1.3;color:${C.fg};`}>
                      {title}
                    </h1>
                    {first ? (
                      <StateContent state={changes.state!} teams={props.teams} siteUrl={siteUrl} statuses={statuses} risksOnly={props.risksOnly} mode="email" />
                    ) : (
                      <DigestContent changes={changes} teams={props.teams} siteUrl={siteUrl} statuses={statuses} risksOnly={props.risksOnly} mode="email" />
                    )}
                  </td>
                </tr>
                <tr>
                  <td class="t-muted t-line" style={`padding:16px 20px 24px 20px;border-top:1px solid ${C.line};font-family:${FONT};font-size:13px;line-height:1.5;color:${C.muted};`}>
                    <p class="t-muted" style={`margin:0 0 8px 0;font-family:${FONT};color:${C.muted};`}>
                      {footer.reason}
                    </p>
                    <p class="t-muted" style={`margin:0;font-family:${FONT};color:${C.muted};`}>
                      <A ctx={ctx} href={props.preferencesUrl} muted>
                        Change what you receive
                      </A>
                      {' · '}
                      <A ctx={ctx} href={props.unsubscribeUrl} muted>
                        Unsubscribe
                      </A>
                    </p>
                  </td>
                </tr>
              </table>
            </td>
          </tr>
        </table>
        </div>
      </body>
    </html>,
  );
  return { subject: props.subject, html, text: first ? renderStateText(props, title, footer) : renderDigestText(props, title, footer) };
}

/** The absolute links of an item's HTML (kept in the plain text). */
function linksOf(siteUrl: string, item: ChangedItem): string[] {
  const pageUrl = `${siteUrl}${updatePath({ team: item.updateId.split('/')[0]!, date: item.date, id: item.updateId })}`;
  const html = absolutizeHtml(item.html, siteUrl, pageUrl);
  return [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

function textItem(siteUrl: string, item: ChangedItem, bullet = '- ', width = 72): string {
  const body = wrap(`${bullet}${item.workItem ? `${item.workItem}: ` : ''}${item.text}`, width, '');
  const indented = body
    .split('\n')
    .map((l, i) => (i === 0 ? l : `  ${l}`))
    .join('\n');
  const links = linksOf(siteUrl, item).map((u) => `  <${u}>`);
  return [rewrapIndented(indented, width), ...links].join('\n');
}

/** Re-wraps continuation lines so that, indented, they still fit in 72 columns. */
function rewrapIndented(text: string, width = 72): string {
  const [first, ...rest] = text.split('\n');
  if (rest.length === 0) return first!;
  const head = first!;
  return [head, wrap(rest.map((l) => l.trim()).join(' '), width, '  ')].join('\n');
}

function textAttention(siteUrl: string, attention: readonly Attention[], teamName: (slug: string) => string): string {
  return attention
    .map((a) =>
      [
        wrap(`${a.kind === 'blockers' ? 'BLOCKER' : 'RISK'} (${a.since ? `${a.state ? 'open' : 'still open'}, since ${humanDate(a.since)}` : 'new'}) in ${displayTitle(a.milestone)} (${teamName(a.milestone.team)}):`),
        textItem(siteUrl, a.item, '  '),
        `  <${siteUrl}${milestonePath(a.milestone.key)}#${a.milestone.anchor}>`,
      ].join('\n'),
    )
    .join('\n\n');
}

function textReport(siteUrl: string, u: UpdateRef, edited = false): string {
  return `${wrap(`${edited ? 'Edited: ' : 'Report: '}${u.title} (${reportWeeks([u])}${u.late ? ', published late' : ''}${edited && u.lastmod ? `, edited ${u.lastmod}` : ''})`)}\n<${siteUrl}${updatePath(u)}>`;
}

function textHighlights(siteUrl: string, updates: readonly UpdateRef[]): string[] {
  const items = updates.flatMap((u) => (u.summary ?? []).map((i) => ({ ...i, date: u.date, updateId: u.id })));
  if (items.length === 0) return [];
  // Nested highlights indented under their parent (wrap() trims a leading indent).
  const indent = (text: string, depth: number) => text.split('\n').map((l) => `${'  '.repeat(depth)}${l}`).join('\n');
  return ['Highlights:', ...items.map((i) => indent(textItem(siteUrl, i, '- ', 72 - 2 * Math.min(i.depth, 3)), Math.min(i.depth, 3)))];
}

function heading(name: string): string {
  return [name.toUpperCase(), '='.repeat(Math.min(name.length, 72))].join('\n');
}

function renderDigestText(props: DigestEmailProps, title: string, footer: EmailFooterLinks): string {
  const { changes, siteUrl } = props;
  const counts = issueCounts(changes);
  const blocks: string[] = [title, `View this digest in your browser:\n<${props.webUrl}>`, ['IN THIS ISSUE', ...issueLines(counts, props.risksOnly).map((l) => wrap(`- ${l}`))].join('\n')];
  const attention = attentionOf(changes.milestones);
  const teamName = (slug: string) => props.teams.find((t) => t.slug === slug)?.name ?? slug;
  if (attention.length > 0) blocks.push(`${heading('Blockers and risks')}\n${textAttention(siteUrl, attention, teamName)}`);
  for (const section of teamSections(changes, props.teams, props.risksOnly)) {
    const lines: string[] = [heading(section.team.name)];
    for (const u of section.updates) lines.push(textReport(siteUrl, u));
    for (const u of section.edited) lines.push(textReport(siteUrl, u, true));
    if (!props.risksOnly) lines.push(...textHighlights(siteUrl, section.updates));
    if (section.silentSince) lines.push(wrap(silentText(section)));
    blocks.push(lines.join('\n'));
    const walk = (node: Node, depth: number) => {
      const m = node.change;
      const prefix = depth > 0 ? '> '.repeat(depth) : '';
      const out: string[] = [wrap(`${prefix}${node.title}`), `${prefix}${'-'.repeat(Math.min(node.title.length, 60))}`];
      if (m) {
        const notes: string[] = [];
        if (m.isNew) notes.push('new');
        if (m.renamedFrom) notes.push(`renamed from “${m.renamedFrom}”`);
        if (m.quiet) notes.push(`gone quiet: no entry in its team’s last ${m.quiet.weeks} reports (last on ${humanDate(m.lastSeen)})`);
        if (notes.length > 0) out.push(wrap(`(${notes.join('; ')})`));
        const kinds: Array<['achieved' | 'progress' | 'next' | 'resolved', string]> = props.risksOnly
          ? [['resolved', KIND.resolved.label]]
          : [['achieved', 'Achieved'], ['progress', 'Progress'], ['next', 'Next'], ['resolved', KIND.resolved.label]];
        for (const [kind, label] of kinds) {
          if (m[kind].length === 0) continue;
          out.push(`${label}:`);
          for (const item of m[kind]) out.push(textItem(siteUrl, item));
        }
      }
      out.push(`Page: <${siteUrl}${milestonePath(node.key)}${m ? `#${m.anchor}` : ''}>`);
      blocks.push(out.join('\n'));
      for (const child of node.children) walk(child, depth + 1);
    };
    for (const node of nest(section.cards)) walk(node, 0);
    if (section.newLine.length > 0) blocks.push(wrap(newLineText(section)));
    if (section.quietLine.length > 0) blocks.push(wrap(quietLineText(section)));
  }
  return `${[...blocks, textFooter(footer)].join('\n\n')}\n`;
}

function renderStateText(props: DigestEmailProps, title: string, footer: EmailFooterLinks): string {
  const { siteUrl } = props;
  const state = props.changes.state ?? [];
  const teamName = (slug: string) => props.teams.find((t) => t.slug === slug)?.name ?? slug;
  const attention = stateAttention(state);
  const blocks: string[] = [
    title,
    wrap('Your first digest: where what you follow stands now. From next week, each digest says what changed since the one before.'),
    `${heading('Open blockers and risks')}\n${attention.length > 0 ? textAttention(siteUrl, attention, teamName) : 'None listed in the latest reports.'}`,
  ];
  if (!props.risksOnly) {
    blocks.push(heading('Recently achieved'));
    for (const t of stateTeams(state)) {
      const lines: string[] = [teamName(t.team), '-'.repeat(Math.min(teamName(t.team).length, 60))];
      if (t.silentSince) lines.push(wrap(`Silent since ${humanDate(t.silentSince)}: its latest report is ${t.latest.title}`), `<${siteUrl}${updatePath(t.latest)}>`);
      else {
        lines.push(textReport(siteUrl, t.latest), ...textHighlights(siteUrl, [t.latest]));
        for (const a of t.achieved) {
          // Parent and milestone on lines of their own: a title is never broken by the wrap.
          const own = displayTitle(stateMilestone(a.milestone));
          if (a.milestone.parentTitle && a.milestone.parentKey !== a.milestone.key) lines.push(wrap(`${a.milestone.parentTitle} ›`));
          lines.push(wrap(`${own}:`));
          for (const item of a.items) lines.push(textItem(siteUrl, item));
        }
        if (t.achieved.length === 0) lines.push('Nothing marked achieved in this report.');
        if (t.moreAchieved) lines.push(`…and ${plural(t.moreAchieved, 'more milestone')} in the report.`);
      }
      blocks.push(lines.join('\n'));
    }
  }
  return `${[...blocks, textFooter(footer)].join('\n\n')}\n`;
}

/** Swaps the per-recipient links into an email rendered for the recipient's scope set. */
export function personaliseDigest(email: RenderedEmail, placeholders: { unsubscribe: string; preferences: string }, links: { unsubscribeUrl: string; preferencesUrl: string }): RenderedEmail {
  const swap = (s: string, escape: (x: string) => string) =>
    s.replaceAll(placeholders.unsubscribe, escape(links.unsubscribeUrl)).replaceAll(placeholders.preferences, escape(links.preferencesUrl));
  return { subject: email.subject, html: swap(email.html, escapeHtml), text: swap(email.text, (x) => x) };
}
