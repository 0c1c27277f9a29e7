/**
 * The weekly digest email: what changed in what the reader follows, grouped by team then
 * milestone (achieved, next, new risks, resolved risks), each milestone with links to its
 * page and its feed. Table layout and inline styles only; explicit colours on every block
 * with enough contrast to stay readable when a client inverts them for dark mode.
 *
 * Rendered once per distinct scope set: the recipient's own links are placeholders that
 * `personaliseDigest` swaps in per recipient.
 */
import type { FC } from 'hono/jsx';
import type { Team } from '../src/content/model';
import type { ChangedItem, Changes, MilestoneChange, UpdateRef } from '../src/digest/changes';
import { weekStart } from '../src/digest/changes';
import { absolutizeHtml, escapeHtml, milestonePath, updatePath } from '../src/feeds';
import { EmailLayout, renderEmailHtml, textEmail, type EmailFooterLinks } from './layout';
import type { RenderedEmail } from './types';

export interface DigestEmailProps {
  changes: Changes;
  subject: string;
  teams: readonly Team[];
  siteTitle: string;
  /** Absolute, without trailing slash. */
  siteUrl: string;
  /** "View in browser": the digest's web copy. */
  webUrl: string;
  /** What the reader follows, described ("everything", "team Atlas", …). */
  scopes: readonly string[];
  unsubscribeUrl: string;
  preferencesUrl: string;
}

const KIND_STYLE = {
  achieved: { label: 'Achieved', colour: '#1a7f37' },
  progress: { label: 'Progress', colour: '#1a7f37' },
  next: { label: 'Next', colour: '#0969da' },
  risks: { label: 'New risks', colour: '#9a6700' },
  blockers: { label: 'New blockers', colour: '#cf222e' },
  resolved: { label: 'No longer listed as a risk', colour: '#57606a' },
} as const;
type ListKind = keyof typeof KIND_STYLE;
const LIST_KINDS: ListKind[] = ['achieved', 'progress', 'next', 'risks', 'blockers', 'resolved'];

function byTeam(changes: Changes, teams: readonly Team[]): Array<{ team: Team; milestones: MilestoneChange[]; updates: UpdateRef[]; edited: UpdateRef[] }> {
  const slugs = [...new Set([...changes.milestones.map((m) => m.team), ...changes.newUpdates.map((u) => u.team), ...changes.editedUpdates.map((u) => u.team)])].sort();
  return slugs.map((slug) => ({
    team: teams.find((t) => t.slug === slug) ?? { slug, name: slug },
    milestones: changes.milestones.filter((m) => m.team === slug),
    updates: changes.newUpdates.filter((u) => u.team === slug),
    edited: changes.editedUpdates.filter((u) => u.team === slug),
  }));
}

function badges(m: MilestoneChange, all: readonly MilestoneChange[]): string[] {
  const out: string[] = [];
  if (m.isNew) out.push('new milestone');
  if (m.renamedFrom) out.push(`renamed from “${m.renamedFrom}”`);
  if (m.quiet) out.push(`no entry for ${m.quiet.weeks} weeks (last ${m.lastSeen})`);
  if (m.parentKey) out.push(`part of ${m.parentTitle ?? all.find((x) => x.key === m.parentKey)?.title ?? m.parentKey}`);
  return out;
}

/** Workstreams are named by their area too: "Other Work › Bugs", not a bare "Bugs". */
function displayTitle(m: MilestoneChange): string {
  return m.level === 'workstream' && m.area ? `${m.area} › ${m.title}` : m.title;
}

function itemsOf(m: MilestoneChange, kind: ListKind): ChangedItem[] {
  return m[kind];
}

const Item: FC<{ item: ChangedItem; kind: ListKind; siteUrl: string }> = ({ item, kind, siteUrl }) => {
  const pageUrl = `${siteUrl}${updatePath({ team: item.updateId.split('/')[0]!, date: item.date, id: item.updateId })}`;
  // Resolved risks are remembered as text; everything else carries its sanitized HTML.
  const html = kind === 'resolved' ? escapeHtml(item.text) : absolutizeHtml(item.html, siteUrl, pageUrl);
  return <li style="margin:0 0 6px 0;" dangerouslySetInnerHTML={{ __html: html }} />;
};

const Milestone: FC<{ m: MilestoneChange; all: readonly MilestoneChange[]; siteUrl: string }> = ({ m, all, siteUrl }) => {
  const page = `${siteUrl}${milestonePath(m.key)}#${m.anchor}`;
  const feed = `${siteUrl}${milestonePath(m.key)}/feed.xml`;
  const notes = badges(m, all);
  return (
    <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin:0 0 18px 0;border-left:3px solid #d0d7de;">
      <tr>
        <td style="padding:0 0 0 12px;">
          <h3 style="font-size:17px;line-height:1.35;margin:0 0 4px 0;">
            <a href={page} style="color:#1f2328;text-decoration:none;">
              {displayTitle(m)}
            </a>
          </h3>
          {notes.length > 0 ? <p style="margin:0 0 6px 0;font-size:13px;color:#57606a;">{notes.join(' · ')}</p> : null}
          {LIST_KINDS.filter((k) => itemsOf(m, k).length > 0).map((kind) => (
            <div>
              <p style={`margin:8px 0 4px 0;font-size:13px;font-weight:700;text-transform:uppercase;letter-spacing:0.04em;color:${KIND_STYLE[kind].colour};`}>
                {KIND_STYLE[kind].label}
              </p>
              <ul style="margin:0 0 4px 0;padding-left:20px;font-size:15px;line-height:1.45;color:#1f2328;">
                {itemsOf(m, kind).map((item) => (
                  <Item item={item} kind={kind} siteUrl={siteUrl} />
                ))}
              </ul>
            </div>
          ))}
          <p style="margin:6px 0 0 0;font-size:13px;">
            <a href={page} style="color:#0969da;">
              Milestone page
            </a>
            {' · '}
            <a href={feed} style="color:#0969da;">
              Follow its feed
            </a>
          </p>
        </td>
      </tr>
    </table>
  );
};

export function digestPreheader(changes: Changes): string {
  const parts = changes.milestones
    .filter((m) => m.achieved.length > 0)
    .slice(0, 3)
    .map((m) => `${m.title}: ${m.achieved[0]!.text}`);
  return parts.length > 0 ? parts.join(' — ').slice(0, 160) : `What changed in the week of ${weekStart(changes.until)}.`;
}

export async function renderDigestEmail(props: DigestEmailProps): Promise<RenderedEmail> {
  const { changes, siteUrl } = props;
  const groups = byTeam(changes, props.teams);
  const week = weekStart(changes.until);
  const footer: EmailFooterLinks = {
    reason: `You get this weekly digest of ${props.siteTitle} because you follow ${props.scopes.join(', ')}.`,
    unsubscribeUrl: props.unsubscribeUrl,
    preferencesUrl: props.preferencesUrl,
  };
  const html = await renderEmailHtml(
    <EmailLayout title={`What changed — week of ${week}`} preheader={digestPreheader(changes)} siteTitle={props.siteTitle} siteUrl={siteUrl} footer={footer}>
      <p style="margin:0 0 16px 0;font-size:13px;">
        <a href={props.webUrl} style="color:#57606a;">
          View this digest in your browser
        </a>
      </p>
      {groups.map((g) => (
        <div>
          <h2 style="font-size:19px;line-height:1.3;margin:22px 0 10px 0;padding:0 0 6px 0;border-bottom:1px solid #d0d7de;color:#1f2328;">{g.team.name}</h2>
          {g.updates.length + g.edited.length > 0 ? (
            <p style="margin:0 0 12px 0;font-size:14px;color:#57606a;">
              {g.updates.map((u, i) => (
                <>
                  {i > 0 ? ' · ' : ''}
                  <a href={`${siteUrl}${updatePath(u)}`} style="color:#0969da;">
                    {u.title}
                  </a>
                </>
              ))}
              {g.edited.map((u) => (
                <>
                  {' · '}
                  <a href={`${siteUrl}${updatePath(u)}`} style="color:#0969da;">
                    {u.title}
                  </a>{' '}
                  (edited{u.lastmod ? ` ${u.lastmod}` : ''})
                </>
              ))}
            </p>
          ) : null}
          {g.milestones.map((m) => (
            <Milestone m={m} all={changes.milestones} siteUrl={siteUrl} />
          ))}
        </div>
      ))}
    </EmailLayout>,
  );
  return { subject: props.subject, html, text: renderDigestText(props, groups, footer) };
}

function renderDigestText(props: DigestEmailProps, groups: ReturnType<typeof byTeam>, footer: EmailFooterLinks): string {
  const { changes, siteUrl } = props;
  const blocks: string[] = [`What changed — week of ${weekStart(changes.until)}`, `View in your browser: ${props.webUrl}`];
  for (const g of groups) {
    const lines: string[] = [g.team.name.toUpperCase(), '='.repeat(g.team.name.length)];
    for (const u of g.updates) lines.push(`New update: ${u.title} — ${siteUrl}${updatePath(u)}`);
    for (const u of g.edited) lines.push(`Edited: ${u.title}${u.lastmod ? ` (${u.lastmod})` : ''} — ${siteUrl}${updatePath(u)}`);
    blocks.push(lines.join('\n'));
    for (const m of g.milestones) {
      const title = displayTitle(m);
      const out: string[] = [title, '-'.repeat(Math.min(title.length, 72))];
      const notes = badges(m, changes.milestones);
      if (notes.length > 0) out.push(`(${notes.join('; ')})`);
      for (const kind of LIST_KINDS) {
        const items = itemsOf(m, kind);
        if (items.length === 0) continue;
        out.push(`${KIND_STYLE[kind].label}:`);
        for (const item of items) out.push(`  - ${item.text}`);
      }
      out.push(`Milestone: ${siteUrl}${milestonePath(m.key)}#${m.anchor}`);
      out.push(`Feed: ${siteUrl}${milestonePath(m.key)}/feed.xml`);
      blocks.push(out.join('\n'));
    }
  }
  return textEmail(blocks, footer);
}

/** Swaps the per-recipient links into an email rendered for the recipient's scope set. */
export function personaliseDigest(email: RenderedEmail, placeholders: { unsubscribe: string; preferences: string }, links: { unsubscribeUrl: string; preferencesUrl: string }): RenderedEmail {
  const swap = (s: string, escape: (x: string) => string) =>
    s.replaceAll(placeholders.unsubscribe, escape(links.unsubscribeUrl)).replaceAll(placeholders.preferences, escape(links.preferencesUrl));
  return { subject: email.subject, html: swap(email.html, escapeHtml), text: swap(email.text, (x) => x) };
}
