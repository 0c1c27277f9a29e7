/**
 * The pages of the subscriber flow: plain semantic HTML, readable without CSS or script.
 * Pages reached through a signed link are never cached or indexed (see `tokenPageHeaders`).
 */
import type { Child, FC } from 'hono/jsx';
import type { SiteModel } from '../content/model';
import { Layout } from '../pages/layout';
import { SubscribeForm } from './form';
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

export const CheckInboxPage: FC<{ siteTitle: string }> = ({ siteTitle }) => (
  <SubscriberPage siteTitle={siteTitle} title="Check your inbox">
    <p>
      If the address can receive email, a message is on its way with a link to confirm your subscription (or, if
      you are subscribed already, a link to your preferences). The link works for 7 days.
    </p>
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
}> = ({ site, siteTitle, subscriber, alreadyActive, preferencesUrl, unsubscribeUrl }) => (
  <SubscriberPage siteTitle={siteTitle} title={alreadyActive ? 'Already confirmed' : 'Subscription confirmed'}>
    <p class="notice" role="status">
      {alreadyActive ? 'This subscription was confirmed before; nothing changed.' : 'Thank you, your subscription is active.'}
    </p>
    <p>
      <strong>{subscriber.email}</strong> will receive weekly email updates about:
    </p>
    <ScopeList site={site} scopes={subscriber.scopes} />
    <p>
      <a href={preferencesUrl}>Change what you follow</a> · <a href={unsubscribeUrl}>Unsubscribe</a>
    </p>
  </SubscriberPage>
);

interface ScopeGroup {
  legend: string;
  options: Array<{ scope: string; label: string }>;
}

function preferenceGroups(site: SiteModel, current: readonly string[]): ScopeGroup[] {
  const groups: ScopeGroup[] = [
    { legend: 'Everything', options: [{ scope: 'all', label: describeScope(site, 'all') }] },
  ];
  for (const team of site.teams) {
    groups.push({
      legend: `Team ${team.name}`,
      options: [
        { scope: `team:${team.slug}`, label: `everything of team ${team.name}` },
        ...site.milestones
          .filter((m) => m.team === team.slug)
          .map((m) => ({ scope: `milestone:${m.key}`, label: `milestone “${m.title}”` })),
      ],
    });
  }
  const known = new Set(groups.flatMap((g) => g.options.map((o) => o.scope)));
  const orphans = current.filter((s) => !known.has(s));
  if (orphans.length > 0) {
    groups.push({ legend: 'No longer published', options: orphans.map((s) => ({ scope: s, label: describeScope(site, s) })) });
  }
  return groups;
}

export const PreferencesPage: FC<{
  site: SiteModel;
  siteTitle: string;
  subscriber: Subscriber;
  manageToken: string;
  unsubscribeUrl: string;
  checked?: readonly string[];
  saved?: boolean;
  errors?: readonly string[];
}> = ({ site, siteTitle, subscriber, manageToken, unsubscribeUrl, checked, saved, errors = [] }) => {
  const selected = new Set(checked ?? subscriber.scopes);
  return (
    <SubscriberPage siteTitle={siteTitle} title="Your email preferences">
      {saved ? (
        <p class="notice" role="status">
          Saved. You will receive updates about what is checked below.
        </p>
      ) : null}
      <ErrorList errors={errors} />
      <p>
        Weekly email updates for <strong>{subscriber.email}</strong>
        {subscriber.status === 'pending' ? ' (not confirmed yet: use the link in the confirmation email)' : ''}.
      </p>
      <form method="post" action="/preferences">
        <input type="hidden" name="token" value={manageToken} />
        {preferenceGroups(site, subscriber.scopes).map((group, g) => (
          <fieldset>
            <legend>{group.legend}</legend>
            {group.options.map((option, i) => (
              <p>
                <label for={`pref-${g}-${i}`}>
                  <input
                    id={`pref-${g}-${i}`}
                    type="checkbox"
                    name="scope"
                    value={option.scope}
                    checked={selected.has(option.scope)}
                  />{' '}
                  {option.label}
                </label>
              </p>
            ))}
          </fieldset>
        ))}
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
