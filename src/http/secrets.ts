/**
 * Secrets (the link signing key, the admin token), read per request. There is no built-in
 * default: without a usable secret the routes that need it refuse to run (500 + a log line).
 */
import type { Env } from '../env';

/** Environments where keys written by `npm start` (.dev.vars, prefixed "dev-") are acceptable. */
const DEVELOPMENT_ENVIRONMENTS = new Set(['local', 'test']);
/** Prefix of keys generated for local development by scripts/dev-setup.ts. */
export const DEVELOPMENT_KEY_PREFIX = 'dev-';
/** The placeholder in .dev.vars.example. */
const EXAMPLE_PLACEHOLDER = 'replace-me';
export const MIN_SIGNING_KEY_LENGTH = 32;

export type SecretResult = { ok: true; value: string } | { ok: false; problem: string };

export function isDevelopment(env: Pick<Env, 'ENVIRONMENT'>): boolean {
  return DEVELOPMENT_ENVIRONMENTS.has(env.ENVIRONMENT);
}

interface SecretRule {
  name: 'SIGNING_KEY' | 'ADMIN_TOKEN';
  minLength: number;
  /** How to make one, for the message. */
  example: string;
}

/** Checks one secret; the same rules for every secret, in every environment. */
function secret(env: Pick<Env, 'ENVIRONMENT'>, raw: string | undefined, rule: SecretRule): SecretResult {
  const value = raw?.trim();
  const howToFix = isDevelopment(env)
    ? 'Run `npm start` (it writes a development .dev.vars) or copy .dev.vars.example to .dev.vars.'
    : `Set it with \`wrangler secret put ${rule.name}\` (for example ${rule.example}).`;
  if (!value) return { ok: false, problem: `${rule.name} is not set. ${howToFix}` };
  if (value.includes(EXAMPLE_PLACEHOLDER)) return { ok: false, problem: `${rule.name} is still the placeholder from .dev.vars.example. ${howToFix}` };
  if (value.length < rule.minLength) {
    return { ok: false, problem: `${rule.name} is too short (${value.length} characters, at least ${rule.minLength}). ${howToFix}` };
  }
  if (!isDevelopment(env) && value.startsWith(DEVELOPMENT_KEY_PREFIX)) {
    return {
      ok: false,
      problem: `${rule.name} is a development key (from .dev.vars) but ENVIRONMENT is "${env.ENVIRONMENT}". ${howToFix}`,
    };
  }
  return { ok: true, value };
}

export function signingKey(env: Pick<Env, 'SIGNING_KEY' | 'ENVIRONMENT'>): SecretResult {
  return secret(env, env.SIGNING_KEY, { name: 'SIGNING_KEY', minLength: MIN_SIGNING_KEY_LENGTH, example: 'the output of `openssl rand -hex 32`' });
}

/** Admin tokens shorter than this are refused (the admin API stays closed). */
export const MIN_ADMIN_TOKEN_LENGTH = 32;

export function adminToken(env: Pick<Env, 'ADMIN_TOKEN' | 'ENVIRONMENT'>): SecretResult {
  return secret(env, env.ADMIN_TOKEN, { name: 'ADMIN_TOKEN', minLength: MIN_ADMIN_TOKEN_LENGTH, example: 'the output of `openssl rand -hex 32`' });
}

/**
 * Logged when the Worker starts: secrets that are set but unusable (a short admin token, a
 * development key in production). They are refused at start: the routes that need them stay
 * closed; nothing falls back to a default.
 */
export function startupProblems(env: Partial<Pick<Env, 'ADMIN_TOKEN' | 'SIGNING_KEY' | 'ENVIRONMENT'>>): string[] {
  const problems: string[] = [];
  const e = { ENVIRONMENT: env.ENVIRONMENT ?? 'production' };
  if (env.ADMIN_TOKEN !== undefined) {
    const admin = adminToken({ ...e, ADMIN_TOKEN: env.ADMIN_TOKEN });
    if (!admin.ok) problems.push(`${admin.problem} The admin API stays closed.`);
  }
  if (env.SIGNING_KEY !== undefined) {
    const key = signingKey({ ...e, SIGNING_KEY: env.SIGNING_KEY });
    if (!key.ok) problems.push(`${key.problem} Subscriptions and digests stay closed.`);
  }
  return problems;
}
