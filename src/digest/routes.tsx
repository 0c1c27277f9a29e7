/**
 * Digest HTTP surface: the admin API (Bearer ADMIN_TOKEN) to cut a digest now, preview the
 * email for a scope and read delivery status; and the public web copies at /digests.
 */
import { Hono } from 'hono';
import { catalogFrom, scopeKeys, type CatalogSource } from '../catalog';
import type { SiteModel } from '../content/model';
import type { AppEnv, Env } from '../env';
import { cleanText, FEED_SERVED_TYPES, FEED_XSL_PATH, renderRss, siteConfig } from '../feeds';
import { statusesOf } from '../status';
import { requireAdmin } from '../http/admin';
import { problemResponse } from '../http/problem';
import { htmlNotFound, Layout, PAGE_HEADERS, renderPage } from '../pages';
import { checkScope, type Scope } from '../subscribers';
import { DigestContent } from '../../emails/digest';
import { cutDigest } from './cut';
import { resumeDigest } from './cron';
import { DigestConfigError } from './preflight';
import { withoutRemoteImages } from '../mail';
import { enqueueMail, insertMail, mailStatus } from '../mail/outbox';
import { previewDigest as previewOf } from './preview';
import { validateAddress } from '../subscribers';
import { digestConfigProblems } from './preflight';
import { digestWebUrl } from './deliver';
import { digestWeek, humanDate } from './layout';
import { scopeSetKey } from './scope';
import { deliveryStatus, findDigest, listDigests, type Digest } from './store';

function parseId(raw: string): number | undefined {
  return /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : undefined;
}

/** The digest as a page of the site: its layout and theme, no per-recipient footer. */
async function webCopy(env: Env, catalog: CatalogSource, digest: Digest): Promise<string> {
  const config = siteConfig(env);
  const site = await catalog.view({ keys: digest.changes.milestones.map((m) => m.key) });
  const statuses = statusesOf(site, config);
  return renderPage(
    <Layout title={digest.subject} siteTitle={config.title} lang={config.language} canonical={digestWebUrl(config.siteUrl, digest.id)} alternates={[digestFeedAlternate(config.siteUrl)]}>
      <p class="meta">
        <a href="/">Home</a> › <a href="/digests">Digests</a>
      </p>
      <h1>{digest.subject}</h1>
      <p class="meta">
        Week of {humanDate(digestWeek(digest.changes))} · sent {humanDate(digest.createdAt.slice(0, 10))}: the reports published since the {digest.since ? 'previous digest' : 'week before'}.
      </p>
      <DigestContent changes={withoutRemoteImages(digest.changes)} teams={site.teams} siteUrl={config.siteUrl} statuses={statuses} mode="web" />
      <p>
        <a href="/#subscribe">Get the digest by email</a> · <a href="/digests/feed.xml">Digests as a feed</a>
      </p>
    </Layout>,
  );
}

function digestFeedAlternate(siteUrl: string) {
  return { title: 'Digests (RSS)', type: 'application/rss+xml', href: `${siteUrl}/digests/feed.xml` };
}

export function digestRoutes(content: CatalogSource | SiteModel): Hono<AppEnv> {
  const catalog = catalogFrom(content);
  const app = new Hono<AppEnv>();

  app.use('/admin/*', requireAdmin);

  // Cuts a digest now (a period of its own, unless ?period= names one) and enqueues its mail.
  app.post('/admin/digests', async (c) => {
    const now = new Date();
    const period = c.req.query('period')?.trim() || `manual-${now.toISOString()}`;
    if (period.length > 64 || /[^\w:.-]/.test(period)) {
      return problemResponse({ status: 400, title: 'Invalid period', detail: 'period must be at most 64 letters, digits and : . - _' });
    }
    let result;
    try {
      result = await cutDigest(c.env, catalog, { period, now });
    } catch (error) {
      if (!(error instanceof DigestConfigError)) throw error;
      console.error(`digest cut refused, the period stays open: ${error.problems.join('; ')}`);
      return problemResponse({
        status: 503,
        title: 'Digest not cut: the configuration would fail every send',
        detail: `Nothing was stored; the period stays open. Fix: ${error.problems.join('; ')}`,
        problems: error.problems,
      });
    }
    const body = {
      id: result.digest.id,
      period: result.digest.period,
      created: result.created,
      subject: result.digest.subject,
      recipients: result.digest.recipients,
      batches: result.batches,
      status: `/admin/digests/${result.digest.id}`,
      web: `/digests/${result.digest.id}`,
    };
    return c.json(body, result.created ? 201 : 200);
  });

  // Renders the email one scope set would get now, without sending or storing anything.
  /** Scope values as an admin gives them (`all`, `team:<slug>`, …), or the problem with the first bad one. */
  const parseScopes = async (values: readonly unknown[]): Promise<{ scopes: Scope[] } | { problem: Response }> => {
    const scopes: Scope[] = [];
    const site = await catalog.view({ keys: scopeKeys(values.map((v) => String(v).trim())) });
    for (const value of values) {
      const check = checkScope(site, String(value));
      if (!check.ok) return { problem: problemResponse({ status: 400, title: 'Invalid scope', detail: check.reason }) };
      scopes.push(check.scope);
    }
    return { scopes };
  };

  const previewDigest = (env: Env, scopes: Scope[], subjectPrefix = '') => previewOf(env, catalog, scopes, subjectPrefix);

  app.get('/admin/digests/preview', async (c) => {
    const parsed = await parseScopes(c.req.queries('scope') ?? ['all']);
    if ('problem' in parsed) return parsed.problem;
    const format = c.req.query('format') ?? 'html';
    if (!['html', 'text', 'json'].includes(format)) {
      return problemResponse({ status: 400, title: 'Invalid format', detail: `format must be html, text or json, not "${format.slice(0, 40)}"` });
    }
    const preview = await previewDigest(c.env, parsed.scopes);
    if (format === 'json') return c.json({ scopeSet: scopeSetKey(parsed.scopes), subject: preview.subject, changes: preview.changes });
    const email = await preview.render();
    c.header('X-Digest-Subject', encodeURIComponent(preview.subject));
    return format === 'text' ? c.text(email.text) : c.html(email.html);
  });

  // Mails the preview of a scope to one address, marked as a test; no digest state changes.
  app.post('/admin/digests/preview/send', async (c) => {
    let input: { scope?: unknown; to?: unknown };
    const shape = 'Send JSON {"scope": "team:<slug>" | [..], "to": "you@example.com"}.';
    try {
      input = c.req.header('Content-Type')?.includes('json') ? await c.req.json() : Object.fromEntries((await c.req.formData()).entries());
    } catch {
      return problemResponse({ status: 400, title: 'Invalid request', detail: shape });
    }
    // `null`, an array, a string or a number parse as JSON too.
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return problemResponse({ status: 400, title: 'Invalid request', detail: `The body is not a JSON object. ${shape}` });
    const to = validateAddress(typeof input.to === 'string' ? input.to : '');
    if (!to.ok) return problemResponse({ status: 400, title: 'Invalid address', detail: `to: ${to.reason}` });
    const parsed = await parseScopes(Array.isArray(input.scope) ? input.scope : [input.scope ?? 'all']);
    if ('problem' in parsed) return parsed.problem;
    const problems = digestConfigProblems(c.env, catalog);
    if (problems.length > 0) return problemResponse({ status: 503, title: 'Mail is not configured', detail: problems.join('; '), problems });
    // Through the queue like every mail (src/mail/outbox.ts): retried, paced, one idempotency key.
    const now = new Date();
    const [id] = await insertMail(c.env.DB, [{ kind: 'test', onceKey: `test:${crypto.randomUUID()}`, recipient: to.address, payload: { scopes: parsed.scopes } }], now);
    await enqueueMail(c.env.DIGEST_QUEUE, [id!]);
    return c.json({ queued: true, id: id!, to: to.address, scopeSet: scopeSetKey(parsed.scopes), status: `/admin/mail/${id}` }, 202);
  });

  app.get('/admin/mail/:id', async (c) => {
    const id = parseId(c.req.param('id'));
    const status = id === undefined ? undefined : await mailStatus(c.env.DB, id);
    if (!status) return problemResponse({ status: 404, title: 'No such message', detail: `There is no message ${c.req.param('id').slice(0, 40)}.` });
    return c.json(status);
  });

  app.get('/admin/digests', async (c) => c.json({ digests: await listDigests(c.env.DB) }));

  app.get('/admin/digests/:id', async (c) => {
    const id = parseId(c.req.param('id'));
    const digest = id === undefined ? undefined : await findDigest(c.env.DB, id);
    if (!digest) return problemResponse({ status: 404, title: 'No such digest', detail: `There is no digest ${c.req.param('id').slice(0, 40)}.` });
    const status = await deliveryStatus(c.env.DB, digest.id);
    return c.json({
      id: digest.id,
      period: digest.period,
      createdAt: digest.createdAt,
      since: digest.since ?? null,
      until: digest.until,
      subject: digest.subject,
      recipients: digest.recipients,
      status: status.pending > 0 ? 'sending' : status.failed > 0 ? 'done with failures' : 'done',
      sent: status.sent,
      failed: status.failed,
      pending: status.pending,
      skipped: status.skipped,
      sending: status.sending,
      deferred: status.deferred,
      possibleDuplicates: status.possibleDuplicates,
      failedBy: status.failedBy,
      archived: status.archived,
      failures: status.failures,
      resume: `/admin/digests/${digest.id}/resume`,
    });
  });

  // Takes back every claim on the digest's deliveries and enqueues every pending recipient again, now.
  app.post('/admin/digests/:id/resume', async (c) => {
    const id = parseId(c.req.param('id'));
    const digest = id === undefined ? undefined : await findDigest(c.env.DB, id);
    if (!digest) return problemResponse({ status: 404, title: 'No such digest', detail: `There is no digest ${c.req.param('id').slice(0, 40)}.` });
    const result = await resumeDigest(c.env, digest.id, new Date());
    console.log(`digest ${digest.id} resumed by admin: ${result.reclaimed} claims taken back, ${result.enqueued} recipients enqueued`);
    return c.json({ id: digest.id, ...result, status: `/admin/digests/${digest.id}` });
  });

  // Every digest as an RSS feed: one item per digest, its web copy as the content.
  app.get('/digests/feed.xml', async (c) => {
    const config = siteConfig(c.env);
    const digests = (await listDigests(c.env.DB)).slice(0, 50);
    const entries = [];
    for (const d of digests) {
      const full = await findDigest(c.env.DB, d.id);
      if (!full) continue;
      const content = String(await (<DigestContent changes={withoutRemoteImages(full.changes)} teams={catalog.teams} siteUrl={config.siteUrl} mode="web" />).toString());
      const url = digestWebUrl(config.siteUrl, d.id);
      entries.push({
        id: url,
        title: cleanText(d.subject),
        url,
        published: new Date(d.createdAt),
        updated: new Date(d.createdAt),
        summary: cleanText(d.subject),
        contentHtml: cleanText(content),
        author: config.title,
        categories: [],
      });
    }
    const xml = renderRss({
      title: `Digests · ${config.title}`,
      description: `Every digest of ${config.title}: what changed, blockers and risks first.`,
      homeUrl: `${config.siteUrl}/digests`,
      feedUrls: { rss: `${config.siteUrl}/digests/feed.xml`, atom: `${config.siteUrl}/digests/feed.xml`, json: `${config.siteUrl}/digests/feed.xml` },
      language: config.language,
      generator: 'Tidings',
      author: config.title,
      updated: entries[0]?.updated ?? new Date(0),
      entries,
      stylesheet: FEED_XSL_PATH,
    });
    return c.body(xml, 200, { 'Content-Type': `${FEED_SERVED_TYPES.rss}; charset=utf-8`, 'Cache-Control': 'public, max-age=300', 'X-Content-Type-Options': 'nosniff' });
  });

  // Public web copies ("view in browser") and their list. After /digests/feed.xml: Hono tries
  // routes in the order they are registered, and `:id` would take `feed.xml` (then 404).
  app.get('/digests/:id', async (c) => {
    const id = parseId(c.req.param('id'));
    const digest = id === undefined ? undefined : await findDigest(c.env.DB, id);
    if (!digest) return htmlNotFound(c, 'There is no digest at this address.');
    // The site's page policy (no script, no framing), like every other page.
    return c.html(await webCopy(c.env, catalog, digest), 200, { ...PAGE_HEADERS, 'Cache-Control': 'public, max-age=3600' });
  });

  app.get('/digests', async (c) => {
    const config = siteConfig(c.env);
    const digests = await listDigests(c.env.DB);
    const html = await renderPage(
      <Layout title="Weekly digests" siteTitle={config.title} lang={config.language} canonical={`${config.siteUrl}/digests`} alternates={[digestFeedAlternate(config.siteUrl)]}>
        <h1>Weekly digests</h1>
        {digests.length === 0 ? (
          <p>No digest has been sent yet.</p>
        ) : (
          <ul>
            {digests.map((d) => (
              <li>
                <a href={`/digests/${d.id}`}>{d.subject}</a>
                <br />
                <span class="meta">
                  sent {humanDate(d.createdAt.slice(0, 10))}
                </span>
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href="/#subscribe">Get the digest by email</a> · <a href="/digests/feed.xml">Digests as a feed (RSS)</a>
        </p>
      </Layout>,
    );
    return c.html(html, 200, PAGE_HEADERS);
  });

  return app;
}
