/**
 * HTTP surface of subscriptions:
 *   GET  /subscribe               form (optionally `?scope=` preselected)
 *   POST /subscribe               form or JSON → 202, the same answer for every address
 *   GET  /confirm?token=          pending → active
 *   GET  /preferences?token=      scopes page;  POST /preferences saves
 *   GET  /unsubscribe?token=      a page with a button (changes nothing: link scanners GET)
 *   POST /unsubscribe?token=      RFC 8058 one-click unsubscribe
 * Middleware is attached per route, never with `use('*')`: this sub-app is mounted at '/'
 * next to the feeds and pages, which must not inherit any of it.
 */
import { zValidator } from '@hono/zod-validator';
import { type Context, type Env as HonoEnv, Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { catalogFrom, scopeKeys, type CatalogSource } from '../catalog';
import type { SiteModel } from '../content/model';
import type { Env } from '../env';
import { problemResponse } from '../http/problem';
import { MailConfigError, MailTransportError, mailSender, mailTransport } from '../mail';
import { subscriberAdminRoutes } from './admin';
import { mailWebhookRoutes } from './webhook';
import { clientKey } from './client-key';
import { requestSubscription } from './flow';
import { HONEYPOT_FIELD } from './form';
import { SigningKeyError, signedLink } from './links';
import {
  CheckInboxPage,
  ConfirmedPage,
  ErrorPage,
  PreferencesPage,
  SubscribePage,
  UnsubscribeConfirmPage,
  UnsubscribedPage,
} from './pages';
import {
  CONTENT_CHOICES,
  type ContentChoice,
  FREQUENCIES,
  type Frequency,
  confirmSubscriber,
  findSubscriberById,
  replaceScopes,
  setDelivery,
  type Subscriber,
  unsubscribeSubscriber,
} from './repository';
import {
  type SubscribeRequest,
  describeIssues,
  preferencesFormSchema,
  subscribeFormSchema,
  subscribeJsonSchema,
  subscribePageQuerySchema,
  tokenQuerySchema,
  unsubscribeFormSchema,
  unsubscribeQuerySchema,
} from './schemas';
import { MAX_SCOPES, type Scope, checkScope, describeScope, isScopeShape, normaliseScopes } from './scopes';
import { signingKey } from '../http/secrets';
import { PAGE_HEADERS } from '../pages/headers';
import { quietWeeksOf } from '../status';
import { type TokenClaims, type TokenFailure, type TokenPurpose, verifyToken } from './tokens';

export type SubscriberEnv = {
  Bindings: Env;
  Variables: { signingKey: string; subscribeRequest: SubscribeRequest };
};
type Ctx = Context<SubscriberEnv>;
type Format = 'json' | 'html';

/** Matches `simple = { limit = 5, period = 60 }` of SUBSCRIBE_LIMITER in wrangler.toml. */
export const RATE_LIMIT_PERIOD_SECONDS = 60;

const ACCEPTED_MESSAGE =
  'If the address can receive email, a message with a confirmation link is on its way (at most one per address per hour).';

/** Pages reached through signed links: never cached, indexed, or leaked through Referer. */
const PRIVATE_PAGE_HEADERS = {
  // The site's page policy (no script, forms only to this site), then: never cache, never index.
  ...PAGE_HEADERS,
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Robots-Tag': 'noindex',
};

const isJsonMediaType = (contentType: string | undefined) =>
  /^application\/([\w.-]+\+)?json$/i.test((contentType ?? '').split(';')[0]!.trim());
const isFormMediaType = (contentType: string | undefined) =>
  /^(application\/x-www-form-urlencoded|multipart\/form-data)$/i.test((contentType ?? '').split(';')[0]!.trim());

function formatOf(c: Ctx): Format {
  return isJsonMediaType(c.req.header('Content-Type')) ? 'json' : 'html';
}

async function page(c: Ctx, status: ContentfulStatusCode, element: JSX.Element, headers: Record<string, string> = {}): Promise<Response> {
  return c.html(`<!doctype html>${await element.toString()}`, status, { ...PRIVATE_PAGE_HEADERS, ...headers });
}

interface Failure {
  status: ContentfulStatusCode;
  title: string;
  detail: string;
  errors?: Array<{ field: string; message: string }>;
  headers?: Record<string, string>;
}

/** An error as problem+json for scripts, or as an HTML page for browsers. */
async function fail(c: Ctx, format: Format, failure: Failure, html?: JSX.Element): Promise<Response> {
  if (format === 'json') {
    return problemResponse(
      { status: failure.status, title: failure.title, detail: failure.detail, ...(failure.errors ? { errors: failure.errors } : {}) },
      { ...PRIVATE_PAGE_HEADERS, ...failure.headers },
    );
  }
  return page(
    c,
    failure.status,
    html ?? (
      <ErrorPage siteTitle={c.env.SITE_TITLE} title={failure.title} message={failure.detail}>
        {failure.errors && failure.errors.length > 0 ? (
          <ul>
            {failure.errors.map((e) => (
              <li>{e.message}</li>
            ))}
          </ul>
        ) : null}
        <p>
          <a href="/">Back to the updates</a>
        </p>
      </ErrorPage>
    ),
    failure.headers,
  );
}

function misconfigured(c: Ctx, format: Format, what: string, logLine: string): Promise<Response> {
  console.error(`[subscribers] ${c.req.method} ${c.req.path} refused: ${logLine}`);
  return fail(c, format, {
    status: 500,
    title: 'Subscriptions are not configured',
    detail: `This server cannot handle subscriptions: ${what}. The operator has to fix the configuration (see the server log).`,
  });
}

/** Refuses the route (500 + log line) unless a usable SIGNING_KEY is configured. Never a default key. */
function requireSigningKey(): MiddlewareHandler<SubscriberEnv> {
  return async (c, next) => {
    const key = signingKey(c.env);
    if (!key.ok) return misconfigured(c, formatOf(c), 'its SIGNING_KEY secret is missing or unusable', key.problem);
    c.set('signingKey', key.value);
    await next();
  };
}

/** Limits uploads to what a subscribe or preferences form can need. */
function smallBody(): MiddlewareHandler<SubscriberEnv> {
  return bodyLimit({
    maxSize: 64 * 1024,
    onError: (c) =>
      fail(c as Ctx, formatOf(c as Ctx), { status: 413, title: 'Request too large', detail: 'The request body is larger than 64 KiB.' }),
  });
}

/** Per client IP, with the Workers rate limiting binding (simulated locally by wrangler/miniflare). */
function limitByClientIp(): MiddlewareHandler<SubscriberEnv> {
  return async (c, next) => {
    const limiter = c.env.SUBSCRIBE_LIMITER;
    if (!limiter) return misconfigured(c, formatOf(c), 'the rate limiter is missing', 'SUBSCRIBE_LIMITER binding is missing (see [[ratelimits]] in wrangler.toml)');
    const ip = c.req.header('CF-Connecting-IP') ?? 'unknown';
    const { success } = await limiter.limit({ key: `subscribe:${clientKey(ip)}` });
    if (!success) {
      return fail(c, formatOf(c), {
        status: 429,
        title: 'Too many requests',
        detail: `Too many subscribe requests from your network. Please try again in ${RATE_LIMIT_PERIOD_SECONDS} seconds.`,
        headers: { 'Retry-After': String(RATE_LIMIT_PERIOD_SECONDS) },
      });
    }
    await next();
  };
}

function accepted(c: Ctx, format: Format, email?: string): Promise<Response> | Response {
  if (format === 'json') return c.json({ status: 'accepted', message: ACCEPTED_MESSAGE }, 202, PRIVATE_PAGE_HEADERS);
  return page(c, 202, <CheckInboxPage siteTitle={c.env.SITE_TITLE} email={email} />);
}

function honeypotFilled(data: unknown): boolean {
  if (!data || typeof data !== 'object') return false;
  const value = (data as Record<string, unknown>)[HONEYPOT_FIELD];
  if (value === undefined || value === null) return false;
  return typeof value !== 'string' || value.trim() !== '';
}

const asStrings = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');

/**
 * Validates POST /subscribe as JSON or as a form (zod via @hono/zod-validator). A filled
 * honeypot is answered exactly like success and nothing is stored or sent.
 */
function jsonValidator(site: SiteModel) {
  return zValidator('json', subscribeJsonSchema(site), async (result, hc) => {
    const c = hc as unknown as Ctx;
    if (honeypotFilled(result.data)) return accepted(c, 'json');
    if (!result.success) {
      const errors = describeIssues(result.error.issues);
      return fail(c, 'json', { status: 400, title: 'Invalid subscribe request', detail: errors.map((e) => e.message).join('; '), errors });
    }
    c.set('subscribeRequest', { email: result.data.email, scopes: result.data.scopes, frequency: result.data.frequency, content: result.data.content });
  });
}

function formValidator(site: SiteModel) {
  return zValidator('form', subscribeFormSchema(site), async (result, hc) => {
    const c = hc as unknown as Ctx;
    if (honeypotFilled(result.data)) {
      const typed = (result.data as unknown as Record<string, unknown>).email;
      return accepted(c, 'html', typeof typed === 'string' ? typed.slice(0, 254) : undefined);
    }
    if (!result.success) {
      const errors = describeIssues(result.error.issues);
      const raw = result.data as unknown as Record<string, unknown>;
      const email = typeof raw.email === 'string' && !/[\r\n]/.test(raw.email) ? raw.email.slice(0, 254) : undefined;
      const checked = asStrings(raw.scope).filter((s) => checkScope(site, s).ok);
      return fail(
        c,
        'html',
        { status: 400, title: 'Invalid subscribe request', detail: errors.map((e) => e.message).join('; '), errors },
        <SubscribePage site={site} siteTitle={c.env.SITE_TITLE} email={email} checked={checked} errors={errors.map((e) => e.message)} />,
      );
    }
    c.set('subscribeRequest', { email: result.data.email, scopes: result.data.scope, frequency: result.data.frequency, content: result.data.content });
  });
}

/**
 * The scope values of a subscribe body, read before validation (Hono keeps the parsed body):
 * at most one more than a request may have, so that a stuffed body cannot make the Worker
 * read every key shard (validation refuses it anyway).
 */
async function bodyScopes(c: Ctx, json: boolean): Promise<string[]> {
  try {
    // Parsed here from the raw bytes (which Hono keeps for the validator), never through
    // c.req.json()/formData(): those keep a failed parse as the body's cached promise, and the
    // validator would then rethrow its bare TypeError (multipart without a boundary: a 500)
    // instead of answering 400.
    const bytes = await c.req.arrayBuffer();
    const values = json
      ? asStrings((JSON.parse(new TextDecoder().decode(bytes)) as { scopes?: unknown } | null)?.scopes)
      : asStrings((await new Response(bytes, { headers: { 'Content-Type': c.req.header('Content-Type') ?? '' } }).formData()).getAll('scope'));
    return values.slice(0, MAX_SCOPES + 1).map((s) => s.trim());
  } catch {
    return []; // unreadable: the validator says so
  }
}

/**
 * Validates POST /subscribe as JSON or as a form (zod via @hono/zod-validator), against the
 * milestones its scopes name (read from the catalog first). A filled honeypot is answered
 * exactly like success and nothing is stored or sent.
 */
function subscribeValidator(catalog: CatalogSource): MiddlewareHandler<SubscriberEnv> {
  return async (c, next) => {
    const contentType = c.req.header('Content-Type');
    const json = isJsonMediaType(contentType);
    if (!json && !isFormMediaType(contentType)) {
      return fail(c, 'json', {
        status: 415,
        title: 'Unsupported media type',
        detail: 'Send the subscribe request as application/json or as an HTML form (application/x-www-form-urlencoded or multipart/form-data).',
      });
    }
    const site = await catalog.view({ keys: scopeKeys(await bodyScopes(c, json)) });
    // The zod validators are typed for Hono's default env; the context is the same object.
    const hc = c as unknown as Context<HonoEnv>;
    return json ? jsonValidator(site)(hc, next) : formValidator(site)(hc, next);
  };
}

const TOKEN_FAILURES: Record<TokenFailure, { status: ContentfulStatusCode; title: string; detail: (purpose: TokenPurpose) => string }> = {
  malformed: {
    status: 400,
    title: 'This link is incomplete',
    detail: () =>
      'The link is damaged or cut short (some mail programs break long links). Copy the whole link from the email into your browser. Nothing was changed.',
  },
  forged: {
    status: 403,
    title: 'This link is not valid',
    detail: () => 'The link was not issued by this site or has been altered. Nothing was changed.',
  },
  expired: {
    status: 403,
    title: 'This link has expired',
    detail: (purpose) =>
      purpose === 'confirm'
        ? 'Confirmation links work for 7 days. Subscribe again to get a new one. Nothing was changed.'
        : 'Use the link in a more recent email from us. Nothing was changed.',
  },
  'wrong-purpose': {
    status: 403,
    title: 'This link is meant for something else',
    detail: () => 'The link is valid but not for this page. Use the matching link from the email. Nothing was changed.',
  },
};

async function tokenFailure(c: Ctx, failure: TokenFailure, purpose: TokenPurpose): Promise<Response> {
  const f = TOKEN_FAILURES[failure];
  return page(
    c,
    f.status,
    <ErrorPage siteTitle={c.env.SITE_TITLE} title={f.title} message={f.detail(purpose)}>
      {failure === 'expired' && purpose === 'confirm' ? (
        <p>
          <a href="/subscribe">Subscribe again</a>
        </p>
      ) : (
        <p>
          <a href="/">Back to the updates</a>
        </p>
      )}
    </ErrorPage>,
  );
}

function notFound(c: Ctx): Promise<Response> {
  return page(
    c,
    404,
    <ErrorPage
      siteTitle={c.env.SITE_TITLE}
      title="No such subscription"
      message="This link belongs to a subscription that no longer exists. Nothing was changed."
    />,
  );
}

/** Verifies a token for `purpose`: claims, or the error page to answer with. */
async function verify(c: Ctx, token: string | undefined, purpose: TokenPurpose): Promise<TokenClaims | Response> {
  const result = await verifyToken(c.get('signingKey'), token, purpose);
  return result.ok ? result.claims : tokenFailure(c, result.failure, purpose);
}

function tokenQuery() {
  return zValidator('query', tokenQuerySchema, async (result, hc) => {
    const c = hc as unknown as Ctx;
    if (!result.success) return tokenFailure(c, 'malformed', 'manage');
  });
}

function link(c: Ctx, purpose: TokenPurpose, subscriberId: number): Promise<string> {
  return signedLink(c.env, purpose, subscriberId);
}

export function subscriberRoutes(content: CatalogSource | SiteModel): Hono<SubscriberEnv> {
  const catalog = catalogFrom(content);
  const app = new Hono<SubscriberEnv>();
  /** The catalog's teams and the milestones these scopes name. */
  const viewOf = (scopes: readonly string[]) => catalog.view({ keys: scopeKeys(scopes) });
  /**
   * What the preferences page lists: every team, and the milestones of the teams the reader
   * chose milestones of, and of `expand` (the team they asked to choose in).
   */
  const preferencesView = (scopes: readonly string[], expand?: string) =>
    catalog.view({ keys: scopeKeys(scopes), teams: expand ? [expand] : [], teamsOfKeys: true });

  app.onError(async (error, c) => {
    const format = formatOf(c);
    if (error instanceof HTTPException && error.status === 400) {
      // Unparseable JSON or form bodies (raised by Hono's validator).
      return fail(c, format, { status: 400, title: 'Malformed request', detail: error.message });
    }
    if (error instanceof MailConfigError || error instanceof SigningKeyError) {
      return misconfigured(c, format, 'its mail or signing configuration is incomplete', error.message);
    }
    if (error instanceof MailTransportError) {
      console.error(`[subscribers] ${c.req.method} ${c.req.path}: email not sent: ${error.message}`);
      return fail(c, format, {
        status: 503,
        title: 'Email could not be sent',
        detail: 'We could not send the email just now. Nothing is lost: please try again in a few minutes.',
        headers: { 'Retry-After': '300' },
      });
    }
    console.error(`[subscribers] ${c.req.method} ${c.req.path} failed:`, error);
    return fail(c, format, { status: 500, title: 'Something went wrong', detail: 'The request failed on our side. Please try again later.' });
  });

  app.get(
    '/subscribe',
    zValidator('query', subscribePageQuerySchema, async (result, hc) => {
      const c = hc as unknown as Ctx;
      if (!result.success) return fail(c, 'html', { status: 400, title: 'Invalid request', detail: 'scope must be text' });
    }),
    async (c) => {
      const { scope } = c.req.valid('query');
      const site = await viewOf(scope === undefined ? [] : [scope.trim()]);
      if (scope === undefined) return page(c, 200, <SubscribePage site={site} siteTitle={c.env.SITE_TITLE} />);
      const check = checkScope(site, scope);
      return check.ok
        ? page(c, 200, <SubscribePage site={site} siteTitle={c.env.SITE_TITLE} scope={check.scope} />)
        : page(c, 400, <SubscribePage site={site} siteTitle={c.env.SITE_TITLE} errors={[`scope: ${check.reason}`]} />);
    },
  );

  app.post('/subscribe', limitByClientIp(), smallBody(), requireSigningKey(), subscribeValidator(catalog), async (c) => {
    const format = formatOf(c);
    // Refuse before storing anything when mail cannot go out at all.
    mailTransport(c.env);
    mailSender(c.env);
    // Recording the request and queueing its email happen before the answer, and nothing
    // after it depends on waitUntil: the email is an outbox row sent by the queue consumer
    // with retries (src/mail/outbox.ts). The answer is the same whether the address was new,
    // pending, active or suppressed, and whether an email was queued or the hourly limit held
    // it back; no mail service is called while answering, so its timing tells nothing either.
    const request = c.get('subscribeRequest');
    await requestSubscription(c.env, request);
    // The page repeats the address typed (the same for every state of it).
    return accepted(c, format, request.email);
  });

  app.get('/confirm', requireSigningKey(), tokenQuery(), async (c) => {
    const claims = await verify(c, c.req.valid('query').token, 'confirm');
    if (claims instanceof Response) return claims;
    const outcome = await confirmSubscriber(c.env.DB, claims.subscriberId);
    if (outcome.result === 'not-found') return notFound(c);
    if (outcome.result === 'unsubscribed') {
      return page(
        c,
        409,
        <ErrorPage
          siteTitle={c.env.SITE_TITLE}
          title="This subscription was cancelled"
          message={`${outcome.subscriber.email} unsubscribed after this link was sent, so the link no longer applies. Nothing was changed.`}
        >
          <p>
            <a href="/subscribe">Subscribe again</a>
          </p>
        </ErrorPage>,
      );
    }
    const [preferences, unsubscribe, site] = await Promise.all([
      link(c, 'manage', outcome.subscriber.id),
      link(c, 'unsubscribe', outcome.subscriber.id),
      viewOf(outcome.subscriber.scopes),
    ]);
    return page(
      c,
      200,
      <ConfirmedPage
        site={site}
        siteTitle={c.env.SITE_TITLE}
        subscriber={outcome.subscriber}
        alreadyActive={outcome.result === 'already-active'}
        preferencesUrl={preferences}
        unsubscribeUrl={unsubscribe}
      />,
    );
  });

  /** The page for an unsubscribed address: its preferences are gone until it subscribes again. */
  const unsubscribedNotice = (c: Ctx, subscriber: Subscriber, status: ContentfulStatusCode) =>
    page(
      c,
      status,
      <ErrorPage
        siteTitle={c.env.SITE_TITLE}
        title="You are unsubscribed"
        message={`${subscriber.email} is unsubscribed and receives no emails. To receive updates again, subscribe again (we will ask you to confirm).`}
      >
        <p>
          <a href="/subscribe">Subscribe again</a>
        </p>
      </ErrorPage>,
    );

  app.get('/preferences', requireSigningKey(), tokenQuery(), async (c) => {
    const token = c.req.valid('query').token;
    const claims = await verify(c, token, 'manage');
    if (claims instanceof Response) return claims;
    const subscriber = await findSubscriberById(c.env.DB, claims.subscriberId);
    if (!subscriber) return notFound(c);
    if (subscriber.status === 'unsubscribed') return unsubscribedNotice(c, subscriber, 200);
    const expand = c.req.query('team');
    return page(
      c,
      200,
      <PreferencesPage
        site={await preferencesView(subscriber.scopes, expand)}
        counts={catalog.counts}
        quietWeeks={quietWeeksOf(c.env.QUIET_WEEKS)}
        expand={expand}
        siteTitle={c.env.SITE_TITLE}
        subscriber={subscriber}
        manageToken={token}
        unsubscribeUrl={await link(c, 'unsubscribe', subscriber.id)}
      />,
    );
  });

  /**
   * The preferences page again, unsaved, with what was wrong: the reader's ticks and choices
   * kept, so they only correct what the errors name.
   */
  const preferencesAgain = async (
    c: Ctx,
    subscriber: Subscriber,
    token: string,
    checked: readonly string[],
    errors: readonly string[],
    delivery: { frequency?: unknown; content?: unknown } = {},
  ) => {
    const choice = {
      frequency: (FREQUENCIES as readonly unknown[]).includes(delivery.frequency) ? (delivery.frequency as Frequency) : subscriber.frequency,
      content: (CONTENT_CHOICES as readonly unknown[]).includes(delivery.content) ? (delivery.content as ContentChoice) : subscriber.content,
    };
    return page(
      c,
      400,
      <PreferencesPage
        site={await preferencesView([...checked.filter((s) => s.startsWith('milestone:')), ...subscriber.scopes])}
        counts={catalog.counts}
        quietWeeks={quietWeeksOf(c.env.QUIET_WEEKS)}
        siteTitle={c.env.SITE_TITLE}
        subscriber={subscriber}
        delivery={choice}
        manageToken={token}
        unsubscribeUrl={await link(c, 'unsubscribe', subscriber.id)}
        checked={checked}
        errors={errors}
      />,
    );
  };

  /** "team Atlas, milestone “Sync” and 3 more". */
  const namesOf = (site: SiteModel, scopes: readonly string[]) => {
    const names = scopes.slice(0, 3).map((s) => describeScope(site, s));
    return scopes.length > 3 ? `${names.join(', ')} and ${scopes.length - 3} more` : names.join(scopes.length === 2 ? ' and ' : ', ');
  };

  app.post(
    '/preferences',
    smallBody(),
    requireSigningKey(),
    zValidator('form', preferencesFormSchema, async (result, hc) => {
      const c = hc as unknown as Ctx;
      if (result.success) return;
      const errors = describeIssues(result.error.issues);
      // With a valid link, the page again with what was wrong; else an error page.
      const raw = result.data as unknown as Record<string, unknown>;
      const claims = typeof raw.token === 'string' ? await verifyToken(c.get('signingKey'), raw.token, 'manage') : undefined;
      const subscriber = claims?.ok ? await findSubscriberById(c.env.DB, claims.claims.subscriberId) : null;
      if (subscriber && subscriber.status !== 'unsubscribed' && typeof raw.token === 'string') {
        const checked = asStrings(raw.scope).map((v) => v.trim()).filter(isScopeShape).slice(0, MAX_SCOPES * 4);
        return preferencesAgain(c, subscriber, raw.token, checked, errors.map((e) => e.message), raw);
      }
      return fail(c, 'html', { status: 400, title: 'Invalid preferences', detail: 'The form could not be read.', errors });
    }),
    async (c) => {
      const form = c.req.valid('form');
      const claims = await verify(c, form.token, 'manage');
      if (claims instanceof Response) return claims;
      const subscriber = await findSubscriberById(c.env.DB, claims.subscriberId);
      if (!subscriber) return notFound(c);
      if (subscriber.status === 'unsubscribed') return unsubscribedNotice(c, subscriber, 409);

      // Known scopes, plus ones the subscriber already has that are no longer published.
      const site = await preferencesView([...form.scope.map((s) => s.trim()), ...subscriber.scopes]);
      const errors: string[] = [];
      const chosen: Scope[] = [];
      for (const value of form.scope) {
        const check = checkScope(site, value);
        if (check.ok) chosen.push(check.scope);
        else if ((subscriber.scopes as string[]).includes(value)) chosen.push(value as Scope);
        else errors.push(`One of the ticked boxes is no longer published (${check.reason}); untick it or tick what replaced it.`);
      }
      if (errors.length === 0 && chosen.length === 0) {
        errors.push('Choose at least one thing to follow, or unsubscribe below to stop all emails.');
      }
      // "Everything" covers the rest: never drop a tick without saying so. Something newly
      // ticked beside it is a choice the reader meant, so nothing is saved and the page asks;
      // "Everything" newly ticked over what was followed before is saved, and the page says
      // what it now covers.
      const others = [...new Set(chosen.filter((s) => s !== 'all'))];
      const had = new Set<string>(subscriber.scopes);
      const added = others.filter((s) => !had.has(s));
      let savedNote: string | undefined;
      if (errors.length === 0 && chosen.includes('all') && others.length > 0) {
        if (added.length > 0) {
          errors.push(
            had.has('all')
              ? `You already get everything: untick it to choose. You also ticked ${namesOf(site, added)}; nothing was saved.`
              : `“Everything” covers every team and milestone: untick it to follow only ${namesOf(site, others)}, or untick those to get everything. Nothing was saved.`,
          );
        } else {
          savedNote = `You now get everything, which covers what you followed before (${namesOf(site, others)}).`;
        }
      }
      if (errors.length > 0) return preferencesAgain(c, subscriber, form.token, form.scope, errors, form);
      const unsubscribe = await link(c, 'unsubscribe', subscriber.id);
      const replaced = await replaceScopes(c.env.DB, subscriber.id, normaliseScopes(chosen));
      const saved = replaced && (await setDelivery(c.env.DB, subscriber.id, { frequency: form.frequency, content: form.content }));
      if (!saved) return unsubscribedNotice(c, subscriber, 409);
      return page(
        c,
        200,
        <PreferencesPage
          site={await preferencesView(saved.scopes)}
          counts={catalog.counts}
          quietWeeks={quietWeeksOf(c.env.QUIET_WEEKS)}
          siteTitle={c.env.SITE_TITLE}
          subscriber={saved}
          manageToken={form.token}
          unsubscribeUrl={unsubscribe}
          saved
          savedNote={savedNote}
        />,
      );
    },
  );

  app.get('/unsubscribe', requireSigningKey(), tokenQuery(), async (c) => {
    const token = c.req.valid('query').token;
    const claims = await verify(c, token, 'unsubscribe');
    if (claims instanceof Response) return claims;
    const subscriber = await findSubscriberById(c.env.DB, claims.subscriberId);
    if (!subscriber) return notFound(c);
    // Only a page with a button: mail scanners prefetch links, and must not unsubscribe anybody.
    // Beside it, lighter options: forms that save the preferences (a preferences link, as in
    // every email), with the names of what is followed (the shards of its milestones only).
    if (subscriber.status === 'unsubscribed') return page(c, 200, <UnsubscribeConfirmPage siteTitle={c.env.SITE_TITLE} subscriber={subscriber} token={token} />);
    const [site, preferences] = await Promise.all([viewOf(subscriber.scopes), link(c, 'manage', subscriber.id)]);
    return page(
      c,
      200,
      <UnsubscribeConfirmPage
        siteTitle={c.env.SITE_TITLE}
        subscriber={subscriber}
        token={token}
        site={site}
        manageToken={new URL(preferences).searchParams.get('token') ?? undefined}
        preferencesUrl={preferences}
      />,
    );
  });

  app.post(
    '/unsubscribe',
    smallBody(),
    requireSigningKey(),
    zValidator('query', unsubscribeQuerySchema, async (result, hc) => {
      const c = hc as unknown as Ctx;
      if (!result.success) return tokenFailure(c, 'malformed', 'unsubscribe');
    }),
    zValidator('form', unsubscribeFormSchema, async (result, hc) => {
      const c = hc as unknown as Ctx;
      if (!result.success) return tokenFailure(c, 'malformed', 'unsubscribe');
    }),
    async (c) => {
      // RFC 8058: the token is in the List-Unsubscribe URL; the body is "List-Unsubscribe=One-Click".
      const token = c.req.valid('query').token ?? c.req.valid('form').token;
      const claims = await verify(c, token, 'unsubscribe');
      if (claims instanceof Response) return claims;
      const outcome = await unsubscribeSubscriber(c.env.DB, claims.subscriberId);
      if (outcome.result === 'not-found') return notFound(c);
      return page(c, 200, <UnsubscribedPage siteTitle={c.env.SITE_TITLE} subscriber={outcome.subscriber} />);
    },
  );

  // Subscriber administration (admin API): src/subscribers/admin.ts; mail events: src/subscribers/events.ts.
  app.route('/', subscriberAdminRoutes(catalog) as unknown as Hono<SubscriberEnv>);
  app.route('/', mailWebhookRoutes() as unknown as Hono<SubscriberEnv>);
  return app;
}
