/**
 * The signing key, read once per request. There is no built-in default: without a usable key
 * the routes that mint or check links refuse to run (500 + a log line).
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

export function signingKey(env: Pick<Env, 'SIGNING_KEY' | 'ENVIRONMENT'>): SecretResult {
  const key = env.SIGNING_KEY?.trim();
  const howToFix = isDevelopment(env)
    ? 'Run `npm start` (it writes a development .dev.vars) or copy .dev.vars.example to .dev.vars.'
    : 'Set it with `wrangler secret put SIGNING_KEY` (for example the output of `openssl rand -hex 32`).';
  if (!key) return { ok: false, problem: `SIGNING_KEY is not set. ${howToFix}` };
  if (key.includes(EXAMPLE_PLACEHOLDER)) return { ok: false, problem: `SIGNING_KEY is still the placeholder from .dev.vars.example. ${howToFix}` };
  if (key.length < MIN_SIGNING_KEY_LENGTH) {
    return { ok: false, problem: `SIGNING_KEY is too short (${key.length} characters, at least ${MIN_SIGNING_KEY_LENGTH}). ${howToFix}` };
  }
  if (!isDevelopment(env) && key.startsWith(DEVELOPMENT_KEY_PREFIX)) {
    return {
      ok: false,
      problem: `SIGNING_KEY is a development key (from .dev.vars) but ENVIRONMENT is "${env.ENVIRONMENT}". ${howToFix}`,
    };
  }
  return { ok: true, value: key };
}
