/**
 * The pages of the subscriber flow: plain semantic HTML, readable without CSS or script.
 * Pages reached through a signed link are never cached or indexed (see `tokenPageHeaders`).
 */
import type { Child, FC } from 'hono/jsx';
import type { SiteModel } from '../content/model';
import { STATUS_LABELS, STATUS_RULES } from '../status';
import { Layout } from '../pages/layout';
import { DeliveryChoices, SubscribeForm } from './form';
import { anySelected, badgeCounts, followChoices, isFolded, type Badge, type Choice, type ChoiceGroup, type TeamChoices } from './choices';
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

const LEVEL_WORDS: Record<string, string> = { 'sub-milestone': 'sub-milestone', deliverable: 'deliverable', workstream: 'ongoing work' };

/** Badge text (the site's status labels) and the words that count them ("3 done"). */
const BADGE_LABELS: Record<Badge, string> = { ...STATUS_LABELS, silent: 'Silent' };
const BADGE_WORDS: Record<Badge, string> = { blocked: 'blocked', 'at-risk': 'at risk', done: 'done', quiet: 'quiet', silent: 'silent', active: 'active' };

/** The exceptions stand out (the site's badge colours; silent looks quiet); active stays plain. */
const ChoiceBadge: FC<{ badge: Badge; lastSeen: string; silentSince?: string }> = ({ badge, lastSeen, silentSince }) => {
  const why =
    badge === 'silent' ? `its team has published no report since ${silentSince ?? lastSeen}` : badge === 'active' ? STATUS_RULES.active : `${STATUS_RULES[badge]} (last reported ${lastSeen})`;
  return badge === 'active' ? (
    <span class="muted" title={why}>
      {' '}
      · active
    </span>
  ) : (
    <>
      {' '}
      <span class={`status status-${badge === 'silent' ? 'quiet' : badge}`} title={why}>
        {BADGE_LABELS[badge]}
      </span>
    </>
  );
};

const ChoiceItem: FC<{ choice: Choice; selected: ReadonlySet<string>; silentSince?: string; inFold: boolean }> = ({ choice, selected, silentSince, inFold }) => {
  const o = choice;
  const children = o.children;
  return (
    <li>
      <label>
        <input type="checkbox" name="scope" value={`milestone:${o.key}`} checked={selected.has(`milestone:${o.key}`)} /> {o.title}
        {LEVEL_WORDS[o.level] ? <span class="muted"> ({LEVEL_WORDS[o.level]})</span> : null}
        {o.area ? <span class="muted"> in “{o.area}”</span> : null}
        {o.parentTitle ? <span class="muted"> under “{o.parentTitle}”</span> : null}
        {o.trackerRef ? <span class="muted"> {o.trackerRef}</span> : null}
        {o.showKey ? <span class="muted"> ({o.key})</span> : null}
        <ChoiceBadge badge={o.badge} lastSeen={o.lastSeen} silentSince={silentSince} />
        {isFolded(o.badge) ? <span class="muted"> · last reported {o.lastSeen}</span> : null}
      </label>
      {inFold ? (
        // Already folded with its parent: its children are listed as they are.
        children.current.length + children.folded.length > 0 ? (
          <ul class="choices">
            {[...children.current, ...children.folded].map((c) => (
              <ChoiceItem choice={c} selected={selected} silentSince={silentSince} inFold />
            ))}
          </ul>
        ) : null
      ) : (
        <ChoiceList group={children} selected={selected} silentSince={silentSince} />
      )}
    </li>
  );
};

/**
 * Current milestones as a list, and those followed; the other done, quiet and silent ones
 * folded after them (nothing a reader follows is hidden).
 */
const ChoiceList: FC<{ group: ChoiceGroup; selected: ReadonlySet<string>; silentSince?: string }> = ({ group, selected, silentSince }) => {
  // What the reader follows stays in sight, done or quiet: only the rest is folded.
  const followed = group.folded.filter((c) => anySelected([c], selected));
  const shown = [...group.current, ...followed];
  const folded = group.folded.filter((c) => !followed.includes(c));
  const counts: Partial<Record<Badge, number>> = {};
  for (const c of folded) counts[c.badge] = (counts[c.badge] ?? 0) + 1;
  // The fold is the list's last item: it lines up with the milestones it holds.
  return shown.length + folded.length === 0 ? null : (
    <ul class="choices">
      {shown.map((c) => (
        <ChoiceItem choice={c} selected={selected} silentSince={silentSince} inFold={false} />
      ))}
      {folded.length > 0 ? (
        <li>
          <details class="folded">
            <summary>Show {badgeCounts(counts, BADGE_WORDS)}</summary>
            <ul class="choices">
              {folded.map((c) => (
                <ChoiceItem choice={c} selected={selected} silentSince={silentSince} inFold />
              ))}
            </ul>
          </details>
        </li>
      ) : null}
    </ul>
  );
};

/** What the team's fold says of it when closed: its milestones, their statuses, what is followed. */
function teamSummary(t: TeamChoices, selected: ReadonlySet<string>, chosen: number): string {
  const what = t.badges ? `${t.total} milestones: ${badgeCounts(t.badges, BADGE_WORDS)}` : `${t.total} milestones`;
  const followed = selected.has(`team:${t.team.slug}`) ? 'whole team followed' : chosen > 0 ? `${chosen} followed` : '';
  return [t.silentSince ? `silent since ${t.silentSince}` : '', what, followed].filter(Boolean).join(' · ');
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
  quietWeeks?: number;
  chooseHref?: (team: string) => string;
  /** The team whose milestones were asked for: shown open. */
  expand?: string;
}> = ({ site, selected, current, counts, quietWeeks = 3, chooseHref, expand }) => {
  const known = new Set(['all', ...site.teams.map((t) => `team:${t.slug}`), ...site.milestones.map((m) => `milestone:${m.key}`)]);
  const orphans = current.filter((s) => !known.has(s));
  const teams = followChoices(site, { quietWeeks }, counts);
  return (
    <fieldset>
      <legend>What to follow</legend>
      <p>
        <label>
          <input type="checkbox" name="scope" value="all" checked={selected.has('all')} /> Everything, every team
        </label>
      </p>
      {selected.has('all') ? <p class="muted">You already get everything: untick it to choose teams or milestones.</p> : null}
      {teams.map((t) => {
        const { team } = t;
        const chosen = t.milestones ? [...selected].filter((s) => s.startsWith('milestone:') && teamHas(t.milestones!, s.slice(10))).length : 0;
        const whole = selected.has(`team:${team.slug}`);
        return (
          <details open={whole || chosen > 0 || team.slug === expand} id={`team-${team.slug}`}>
            <summary>
              {team.name} <span class="muted">({teamSummary(t, selected, chosen)})</span>
            </summary>
            {t.silentSince ? (
              <p class="muted">
                {team.name} has published no report since {t.silentSince}: its milestones are silent.
              </p>
            ) : null}
            <p>
              <label>
                <input type="checkbox" name="scope" value={`team:${team.slug}`} checked={whole} /> Everything from {team.name}
              </label>
            </p>
            {t.milestones ? (
              <>
                <p class="muted">Or only some of its milestones:</p>
                <ChoiceList group={t.milestones} selected={selected} silentSince={t.silentSince} />
              </>
            ) : chooseHref && t.total > 0 ? (
              <p>
                <a href={chooseHref(team.slug)}>Choose among its {t.total} milestones</a> <span class="muted">(save first: the link reloads this page)</span>
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

function teamHas(group: ChoiceGroup, key: string): boolean {
  return [...group.current, ...group.folded].some((c) => c.key === key || teamHas(c.children, key));
}

export const PreferencesPage: FC<{
  site: SiteModel;
  /** Team slug → how many milestones it owns, when `site` holds only some teams' milestones. */
  counts?: Readonly<Record<string, number>>;
  /** QUIET_WEEKS, for statuses derived from a whole model. */
  quietWeeks?: number;
  /** The team whose milestones were asked for (`?team=`). */
  expand?: string;
  siteTitle: string;
  subscriber: Subscriber;
  manageToken: string;
  unsubscribeUrl: string;
  checked?: readonly string[];
  /** How often and what as the form shows them (when shown again after an error), else the subscriber's. */
  delivery?: { frequency: string; content: string };
  saved?: boolean;
  /** Said after "Saved.": what the saving did besides (what "Everything" now covers). */
  savedNote?: string;
  errors?: readonly string[];
}> = ({ site, counts, quietWeeks, expand, siteTitle, subscriber, manageToken, unsubscribeUrl, checked, delivery, saved, savedNote, errors = [] }) => {
  const selected = new Set(checked ?? subscriber.scopes);
  return (
    <SubscriberPage siteTitle={siteTitle} title="Your email preferences">
      {saved ? (
        <p class="notice" role="status">
          Saved. {subscriber.email} will receive {deliveryWords(subscriber)} about what is ticked below.{savedNote ? ` ${savedNote}` : ''}
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
        <DeliveryChoices prefix="pref" frequency={delivery?.frequency ?? subscriber.frequency} content={delivery?.content ?? subscriber.content} />
        <FollowChoices
          site={site}
          selected={selected}
          current={subscriber.scopes}
          counts={counts}
          quietWeeks={quietWeeks}
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

/** A form that saves the reader's preferences with one change (the unsubscribe page's lighter options). */
const LighterForm: FC<{ manageToken: string; scopes: readonly string[]; frequency: string; content: string; children?: Child }> = ({
  manageToken,
  scopes,
  frequency,
  content,
  children,
}) => (
  <form method="post" action="/preferences" class="lighter">
    <input type="hidden" name="token" value={manageToken} />
    {scopes.map((s) => (
      <input type="hidden" name="scope" value={s} />
    ))}
    <input type="hidden" name="frequency" value={frequency} />
    <input type="hidden" name="content" value={content} />
    {children}
  </form>
);

/**
 * The unsubscribe page: the one-click button first (the reader came for it), then lighter
 * options, each one form that saves the preferences with one change: only risks and blockers,
 * the weekly digest instead of an email per update, fewer teams or milestones.
 */
export const UnsubscribeConfirmPage: FC<{
  siteTitle: string;
  subscriber: Subscriber;
  token: string;
  /** For the lighter options (names of what is followed, the teams). */
  site?: SiteModel;
  /** A preferences token, for the lighter options' forms; none: no lighter options. */
  manageToken?: string;
  preferencesUrl?: string;
}> = ({ siteTitle, subscriber, token, site, manageToken, preferencesUrl }) => {
  const { scopes, frequency, content } = subscriber;
  const lighter = site && manageToken && subscriber.status !== 'unsubscribed';
  const everything = scopes.includes('all');
  return (
    <SubscriberPage siteTitle={siteTitle} title="Unsubscribe">
      {subscriber.status === 'unsubscribed' ? (
        <p class="notice" role="status">
          <strong>{subscriber.email}</strong> is already unsubscribed: it receives no emails from us.
        </p>
      ) : (
        <>
          <p>
            Stop all emails to <strong>{subscriber.email}</strong>? It now gets {deliveryWords(subscriber)}
            {site ? ' about:' : '.'}
          </p>
          {site ? <ScopeList site={site} scopes={scopes} /> : null}
          {/* A button, not the GET itself: link scanners follow links but do not submit forms. */}
          <form method="post" action={`/unsubscribe?token=${encodeURIComponent(token)}`}>
            <input type="hidden" name="List-Unsubscribe" value="One-Click" />
            <button type="submit">Unsubscribe</button>
          </form>
        </>
      )}
      {lighter ? (
        <>
          <h2>Or get fewer emails</h2>
          {content !== 'risks' ? (
            <LighterForm manageToken={manageToken} scopes={scopes} frequency={frequency} content="risks">
              <p>
                <button type="submit" class="secondary">
                  Only risks and blockers
                </button>
                <br />
                <span class="muted">No achievements or plans: only what is blocked or at risk.</span>
              </p>
            </LighterForm>
          ) : null}
          {frequency === 'instant' ? (
            <LighterForm manageToken={manageToken} scopes={scopes} frequency="weekly" content={content}>
              <p>
                <button type="submit" class="secondary">
                  Weekly instead of as it happens
                </button>
                <br />
                <span class="muted">One digest on Monday mornings instead of an email per update.</span>
              </p>
            </LighterForm>
          ) : null}
          {everything && site.teams.length > 1 ? (
            <form method="post" action="/preferences" class="lighter">
              <input type="hidden" name="token" value={manageToken} />
              <input type="hidden" name="frequency" value={frequency} />
              <input type="hidden" name="content" value={content} />
              <fieldset>
                <legend>Fewer teams: only these</legend>
                {site.teams.map((t, i) => (
                  <p>
                    <label for={`fewer-team-${i}`}>
                      <input id={`fewer-team-${i}`} type="checkbox" name="scope" value={`team:${t.slug}`} /> {t.name}
                    </label>
                  </p>
                ))}
              </fieldset>
              <p>
                <button type="submit" class="secondary">
                  Follow only the ticked teams
                </button>
              </p>
            </form>
          ) : !everything && scopes.length > 1 ? (
            <form method="post" action="/preferences" class="lighter">
              <input type="hidden" name="token" value={manageToken} />
              <input type="hidden" name="frequency" value={frequency} />
              <input type="hidden" name="content" value={content} />
              <fieldset>
                <legend>Fewer teams or milestones: untick what you no longer want</legend>
                {scopes.map((s, i) => (
                  <p>
                    <label for={`fewer-scope-${i}`}>
                      <input id={`fewer-scope-${i}`} type="checkbox" name="scope" value={s} checked /> {describeScope(site, s)}
                    </label>
                  </p>
                ))}
              </fieldset>
              <p>
                <button type="submit" class="secondary">
                  Keep only the ticked ones
                </button>
              </p>
            </form>
          ) : null}
          {preferencesUrl ? (
            <p>
              <a href={preferencesUrl}>Choose milestones, teams and how often on your preferences page</a>
            </p>
          ) : null}
        </>
      ) : null}
    </SubscriberPage>
  );
};

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
