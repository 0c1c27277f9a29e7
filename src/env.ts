/** Bindings and vars of the Worker, as declared in wrangler.toml (and secrets from .dev.vars / wrangler secret). */
export interface Env {
  DB: D1Database;
  /** The static output (dist/public), served by Workers Static Assets; the Worker reads its data files through it. */
  ASSETS: Fetcher;
  DIGEST_QUEUE: Queue;
  /** Delivery events (bounces, complaints) of Cloudflare Email Service, and of the mail webhook. */
  MAIL_EVENTS?: Queue;
  EMAIL: SendEmail;
  SUBSCRIBE_LIMITER: RateLimit;
  /** R2 bucket of documents that do not fit the static files (OVERFLOW_STORE = "r2"; src/http/overflow.ts). */
  OVERFLOW?: R2Bucket;

  SITE_URL: string;
  SITE_TITLE: string;
  SITE_DESCRIPTION: string;
  SITE_LANGUAGE: string;
  FEED_ITEMS: string;
  CACHE_MAX_AGE: string;
  /** "local" under wrangler dev, "test" under vitest, "production" otherwise. */
  ENVIRONMENT: string;
  MAIL_FROM: string;
  MAIL_REPLY_TO: string;
  MAIL_TRANSPORT: string;
  MAIL_API_URL: string;
  /** Sends a second the mail service allows (src/mail/pace.ts); empty: 2 for "http", unpaced for "send_email". */
  MAIL_RATE_PER_SECOND?: string;
  /** "false" when the HTTP API ignores `Idempotency-Key` (retries after a timeout are then possible duplicates). */
  MAIL_API_IDEMPOTENCY?: string;
  QUIET_WEEKS: string;
  /** WebSub hub URL: feeds announce it and the Worker pings it when feeds change (off when empty). */
  WEBSUB_HUB?: string;
  /** Static files a Worker version may have (20,000 Free, 100,000 Paid): the build places the rest (src/publish/overflow.ts). */
  ASSETS_FILE_LIMIT?: string;
  /** Where documents beyond ASSETS_FILE_LIMIT go: "packs" (default) or "r2" (the OVERFLOW bucket). */
  OVERFLOW_STORE?: string;
  /** One digest per "week" (default), "day" or "hour": match it to the cron schedule. */
  DIGEST_PERIOD?: string;
  /** Days delivery rows are kept before being summarised into the digest's counts (default 90). */
  DELIVERY_RETENTION_DAYS?: string;
  /** Soft bounces in a row that stop mail to an address (default 3). */
  SOFT_BOUNCE_LIMIT?: string;
  /** Failed admin authentications per client and 15 minutes before the admin API refuses it (default 10). */
  ADMIN_FAILURE_LIMIT?: string;

  /** Secrets. */
  SIGNING_KEY?: string;
  ADMIN_TOKEN?: string;
  MAIL_API_KEY?: string;
  /** Signing secret of the HTTP mail API's webhook (Svix style, `whsec_…`). */
  MAIL_WEBHOOK_SECRET?: string;
}

export type AppEnv = { Bindings: Env };
