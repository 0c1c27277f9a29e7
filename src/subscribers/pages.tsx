/**
 * The pages of the subscriber flow: plain semantic HTML, readable without CSS or script.
 * Pages reached through a signed link are never cached or indexed (see `tokenPageHeaders`).
 */
import type { Child, FC } from 'hono/jsx';
import type { SiteModel } from '../content/model';
import { teamMilestones } from '../feeds/document';
import { Layout } from '../pages/layout';
import { DeliveryChoices, SubscribeForm } from './form';
import type { Subscriber } from './repository';
import { describeScope } from './scopes';

export interface PageProps {
  siteTitle: string;
  title: string;
  children?: Child;
}

/** The site's own page frame (src/pages), never indexed: these pages come from private links. */
export const SubscriberPage: FC<PageProps> = ({ siteTitle, title, children }) => (
  <Layout title={title} siteTitle={siteTitle} noindex>
    <h1>{title}</h1>
    {children}
  </Layout>
);

export const ErrorList: FC<{ errors: readonly string[] }> = ({ errors }) =>
  errors.length === 0 ? null : (
    <div class="errors" role="alert">
      <p>
        <strong>Please correct this:</strong>
      </p>
      <ul>
        {errors.map((e) => (
          <li>{e}</li>
        ))}
      </ul>
    </div>
  );

const ScopeList: FC<{ site: SiteModel; scopes: readonly string[] }> = ({ site, scopes }) => (
  <ul>
    {scopes.map((s) => (
      <li>{describeScope(site, s)}</li>
    ))}
  </ul>
);

export const SubscribePage: FC<{
  site: SiteModel;
  siteTitle: string;
  scope?: string;
  email?: string;
  checked?: readonly string[];
  errors?: readonly string[];
}> = ({ site, siteTitle, scope, email, checked, errors = [] }) => (
  <SubscriberPage siteTitle={siteTitle} title="Subscribe by email">
    <ErrorList errors={errors} />
    <SubscribeForm site={site} scope={scope ?? 'all'} email={email} checked={checked} idPrefix="subscribe" />
  </SubscriberPage>
);

export const CheckInboxPage: FC<{ siteTitle: string; email?: string }> = ({ siteTitle, email }) => (
  <SubscriberPage siteTitle={siteTitle} title="Check your inbox">
    <p>
      If {email ? <strong>{email}</strong> : 'the address'} can receive email, a message is on its way with a link to confirm your subscription (or, if
      you are subscribed already, a link to your preferences). The link works for 7 days.
    </p>
    {email ? (
      <p>
        Not your address? <a href="/subscribe">Type it again</a>.
      </p>
    ) : null}
    <p>
      Nothing arrived? Look in your spam folder. We send at most one such email per address per hour, so wait a
      little before asking again.
    </p>
  </SubscriberPage>
);

export const ConfirmedPage: FC<{
  site: SiteModel;
  siteTitle: string;
  subscriber: Subscriber;
  alreadyActive: boolean;
  preferencesUrl: string;
  unsubscribeUrl: string;
  now?: Date;
}> = ({ site, siteTitle, subscriber, alreadyActive, preferencesUrl, unsubscribeUrl, now = new Date() }) => (
  <SubscriberPage siteTitle={siteTitle} title={alreadyActive ? 'Already confirmed' : 'Subscription confirmed'}>
    <p class="notice" role="status">
      {alreadyActive ? 'This subscription was confirmed before; nothing changed.' : 'Thank you, your subscription is active.'}
    </p>
    <p>
      <strong>{subscriber.email}</strong> will receive {deliveryWords(subscriber)} about:
    </p>
    <ScopeList site={site} scopes={subscriber.scopes} />
    <p>{firstMailWords(subscriber, now)}</p>
    <p>
      <a href={preferencesUrl}>Change what you follow</a> · <a href={unsubscribeUrl}>Unsubscribe</a>
    </p>
  </SubscriberPage>
);

/** "the weekly digest of everything" / "an email as each update is published, only risks and blockers". */
export function deliveryWords(d: Pick<Subscriber, 'frequency' | 'content'>): string {
  const what = d.content === 'risks' ? 'only risks and blockers' : 'everything that changed';
  return d.frequency === 'instant' ? `an email as each update is published (${what})` : `a weekly digest (${what})`;
}

/**
 * When the weekly digest goes out: Mondays 07:00 UTC, the `crons` of wrangler.toml. Keep the
 * two in step.
 */
export const WEEKLY_DIGEST = { weekday: 1, hour: 7 } as const;

export function nextWeeklyDigest(now: Date): Date {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), WEEKLY_DIGEST.hour));
  const days = (WEEKLY_DIGEST.weekday - d.getUTCDay() + 7) % 7;
  d.setUTCDate(d.getUTCDate() + days);
  if (d <= now) d.setUTCDate(d.getUTCDate() + 7);
  return d;
}

export function firstMailWords(d: Pick<Subscriber, 'frequency' | 'content'>, now: Date): string {
  if (d.frequency === 'instant') {
    return 'Your first email comes within the hour after a team you follow publishes its next update.';
  }
  const at = nextWeeklyDigest(now);
  const day = at.toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return `Your first email comes on ${day} at ${String(WEEKLY_DIGEST.hour).padStart(2, '0')}:00 UTC, if something you follow changed by then.`;
}

interface MilestoneOption {
  key: string;
  title: string;
  level: string;
  children: MilestoneOption[];
}

function milestoneOptions(site: SiteModel, team: string): MilestoneOption[] {
  const ms = teamMilestones(site, team);
  const keys = new Set(ms.map((m) => m.key));
  const byParent = new Map<string | undefined, typeof ms>();
  for (const m of ms) {
    const parent = m.parentKey && keys.has(m.parentKey) && m.parentKey !== m.key ? m.parentKey : undefined;
    byParent.set(parent, [...(byParent.get(parent) ?? []), m]);
  }
  const seen = new Set<string>();
  const build = (parent: string | undefined): MilestoneOption[] =>
    (byParent.get(parent) ?? [])
      .filter((m) => !seen.has(m.key) && (seen.add(m.key), true))
      .sort((a, b) => (a.lastSeen < b.lastSeen ? 1 : a.lastSeen > b.lastSeen ? -1 : a.title.localeCompare(b.title)))
      .map((m) => ({ key: m.key, title: m.title, level: m.level, children: build(m.key) }));
  const roots = build(undefined);
  // A parent cycle leaves some unvisited: list them at the top.
  for (const m of ms) if (!seen.has(m.key)) roots.push({ key: m.key, title: m.title, level: m.level, children: [] });
  return roots;
}

const LEVEL_WORDS: Record<string, string> = { 'sub-milestone': 'sub-milestone', deliverable: 'deliverable', workstream: 'ongoing work' };

const MilestoneChoices: FC<{ options: MilestoneOption[]; selected: Set<string> }> = ({ options, selected }) => (
  <ul class="choices">
    {options.map((o) => (
      <li>
        <label>
          <input type="checkbox" name="scope" value={`milestone:${o.key}`} checked={selected.has(`milestone:${o.key}`)} /> {o.title}
          {LEVEL_WORDS[o.level] ? <span class="muted"> ({LEVEL_WORDS[o.level]})</span> : null}
        </label>
        {o.children.length > 0 ? <MilestoneChoices options={o.children} selected={selected} /> : null}
      </li>
    ))}
  </ul>
);

/**
 * Teams whose milestones a view of the catalog holds in full (all it owns): a view read for
 * one page holds only the teams that page needs (src/catalog.ts); a whole model holds all.
 */
function loadedTeams(site: SiteModel, counts: Readonly<Record<string, number>> | undefined): Set<string> {
  const held = new Map<string, number>();
  for (const m of site.milestones) held.set(m.team, (held.get(m.team) ?? 0) + 1);
  return new Set(site.teams.filter((t) => (held.get(t.slug) ?? 0) >= (counts?.[t.slug] ?? 0)).map((t) => t.slug));
}

/**
 * What to follow: everything, or per team (collapsible, no script) the team or its
 * milestones. A team whose milestones the page was not given (`counts` says how many it has)
 * offers a link to `chooseHref(team)`, the same page with that team's milestones.
 */
export const FollowChoices: FC<{
  site: SiteModel;
  selected: Set<string>;
  current: readonly string[];
  counts?: Readonly<Record<string, number>>;
  chooseHref?: (team: string) => string;
  /** The team whose milestones were asked for: shown open. */
  expand?: string;
}> = ({ site, selected, current, counts, chooseHref, expand }) => {
  const known = new Set(['all', ...site.teams.map((t) => `team:${t.slug}`), ...site.milestones.map((m) => `milestone:${m.key}`)]);
  const orphans = current.filter((s) => !known.has(s));
  const loaded = loadedTeams(site, counts);
  return (
    <fieldset>
      <legend>What to follow</legend>
      <p>
        <label>
          <input type="checkbox" name="scope" value="all" checked={selected.has('all')} /> Everything, every team
        </label>
      </p>
      {site.teams.map((team) => {
        const ms = teamMilestones(site, team.slug);
        const total = counts?.[team.slug] ?? ms.length;
        const chosen = ms.filter((m) => selected.has(`milestone:${m.key}`)).length;
        const whole = selected.has(`team:${team.slug}`);
        const shown = loaded.has(team.slug);
        return (
          <details open={whole || chosen > 0 || team.slug === expand} id={`team-${team.slug}`}>
            <summary>
              {team.name}{' '}
              <span class="muted">
                ({whole ? 'whole team followed' : chosen > 0 ? `${chosen} of ${total} milestones followed` : `${total} milestones`})
              </span>
            </summary>
            <p>
              <label>
                <input type="checkbox" name="scope" value={`team:${team.slug}`} checked={whole} /> Everything from {team.name}
              </label>
            </p>
            {shown ? (
              <>
                <p class="muted">Or only some of its milestones:</p>
                <MilestoneChoices options={milestoneOptions(site, team.slug)} selected={selected} />
              </>
            ) : chooseHref && total > 0 ? (
              <p>
                <a href={chooseHref(team.slug)}>Choose among its {total} milestones</a> <span class="muted">(save first: the link reloads this page)</span>
              </p>
            ) : null}
          </details>
        );
      })}
      {orphans.length > 0 ? (
        <>
          <p>No longer published (kept until you untick them):</p>
          <ul class="choices">
            {orphans.map((s) => (
              <li>
                <label>
                  <input type="checkbox" name="scope" value={s} checked={selected.has(s)} /> {describeScope(site, s)}
                </label>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </fieldset>
  );
};

export const PreferencesPage: FC<{
  site: SiteModel;
  /** Team slug → how many milestones it owns, when `site` holds only some teams' milestones. */
  counts?: Readonly<Record<string, number>>;
  /** The team whose milestones were asked for (`?team=`). */
  expand?: string;
  siteTitle: string;
  subscriber: Subscriber;
  manageToken: string;
  unsubscribeUrl: string;
  checked?: readonly string[];
  saved?: boolean;
  errors?: readonly string[];
}> = ({ site, counts, expand, siteTitle, subscriber, manageToken, unsubscribeUrl, checked, saved, errors = [] }) => {
  const selected = new Set(checked ?? subscriber.scopes);
  return (
    <SubscriberPage siteTitle={siteTitle} title="Your email preferences">
      {saved ? (
        <p class="notice" role="status">
          Saved. {subscriber.email} will receive {deliveryWords(subscriber)} about what is ticked below.
        </p>
      ) : null}
      <ErrorList errors={errors} />
      <p>
        Email for <strong>{subscriber.email}</strong>
        {subscriber.status === 'pending' ? ' (not confirmed yet: use the link in the confirmation email)' : ''}: now{' '}
        {deliveryWords(subscriber)}.
      </p>
      <form method="post" action="/preferences">
        <input type="hidden" name="token" value={manageToken} />
        <DeliveryChoices prefix="pref" frequency={subscriber.frequency} content={subscriber.content} />
        <FollowChoices
          site={site}
          selected={selected}
          current={subscriber.scopes}
          counts={counts}
          expand={expand}
          chooseHref={(team) => `/preferences?token=${encodeURIComponent(manageToken)}&team=${encodeURIComponent(team)}#team-${team}`}
        />
        <p>
          <button type="submit">Save preferences</button>
        </p>
      </form>
      <h2>Stop all emails</h2>
      <form method="post" action={unsubscribeUrl}>
        <input type="hidden" name="List-Unsubscribe" value="One-Click" />
        <button type="submit">Unsubscribe {subscriber.email}</button>
      </form>
    </SubscriberPage>
  );
};

export const UnsubscribeConfirmPage: FC<{ siteTitle: string; subscriber: Subscriber; token: string }> = ({
  siteTitle,
  subscriber,
  token,
}) => (
  <SubscriberPage siteTitle={siteTitle} title="Unsubscribe">
    {subscriber.status === 'unsubscribed' ? (
      <p class="notice" role="status">
        <strong>{subscriber.email}</strong> is already unsubscribed: it receives no emails from us.
      </p>
    ) : (
      <>
        <p>
          Stop all weekly email updates to <strong>{subscriber.email}</strong>?
        </p>
        {/* A button, not the GET itself: link scanners follow links but do not submit forms. */}
        <form method="post" action={`/unsubscribe?token=${encodeURIComponent(token)}`}>
          <input type="hidden" name="List-Unsubscribe" value="One-Click" />
          <button type="submit">Unsubscribe</button>
        </form>
      </>
    )}
  </SubscriberPage>
);

export const UnsubscribedPage: FC<{ siteTitle: string; subscriber: Subscriber }> = ({ siteTitle, subscriber }) => (
  <SubscriberPage siteTitle={siteTitle} title="You are unsubscribed">
    <p class="notice" role="status">
      <strong>{subscriber.email}</strong> will receive no more emails from us.
    </p>
    <p>
      Changed your mind? <a href="/subscribe">Subscribe again</a> (we will ask you to confirm).
    </p>
  </SubscriberPage>
);

export const ErrorPage: FC<{ siteTitle: string; title: string; message: string; children?: Child }> = ({
  siteTitle,
  title,
  message,
  children,
}) => (
  <SubscriberPage siteTitle={siteTitle} title={title}>
    <p role="alert">{message}</p>
    {children}
  </SubscriberPage>
);
