/**
 * Request schemas (zod), used with Hono's validator at the edge of every route. Messages are
 * written for the person who filled the form: they say what was wrong.
 */
import * as z from 'zod';
import type { SiteModel } from '../content/model';
import { validateAddress } from './address';
import { MAX_SCOPES, type Scope, checkScope, isScopeShape, normaliseScopes } from './scopes';
import { HONEYPOT_FIELD } from './form';

/** Anything longer is not an address and not worth running a regular expression over. */
const MAX_FIELD = 1000;

const text = (what: string) =>
  z.string({ error: (issue) => (issue.input === undefined ? `${what} is required` : `${what} must be text`) });

export const emailSchema = text('email')
  .max(MAX_FIELD, 'email is too long (at most 254 characters)')
  .transform((value, ctx) => {
    const result = validateAddress(value);
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: `email ${result.reason}` });
      return z.NEVER;
    }
    return result.address;
  });

/** A list of scope strings, each checked against the site: unknown teams/milestones are named. */
function scopeList(site: SiteModel, field: string) {
  return z
    .array(text(field).max(MAX_FIELD, `${field} is too long`), {
      error: (issue) =>
        issue.input === undefined
          ? `${field} is required: "all", "team:<team>" or "milestone:<key>"`
          : `${field} must be a list of scopes such as ["all"]`,
    })
    .min(1, `choose at least one thing to follow (${field}: "all", "team:<team>" or "milestone:<key>")`)
    .max(MAX_SCOPES, `at most ${MAX_SCOPES} scopes`)
    .transform((values, ctx) => {
      const scopes: Scope[] = [];
      for (const value of values) {
        const check = checkScope(site, value);
        if (check.ok) scopes.push(check.scope);
        else ctx.addIssue({ code: 'custom', message: `${field}: ${check.reason}` });
      }
      return ctx.issues.length > 0 ? z.NEVER : normaliseScopes(scopes);
    });
}

/** A form field that may be sent once (a string) or repeated (an array). */
const repeated = (field: string) =>
  z
    .union([z.string(), z.array(z.string())], { error: `${field} must be text` })
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

const honeypot = z.unknown().optional();

/** How often: `weekly` (the digest, default) or `instant` (one email per new update in scope). */
export const frequencySchema = z
  .enum(['weekly', 'instant'], { error: 'choose how often: the weekly digest ("weekly") or as it happens ("instant")' })
  .default('weekly');
/** What: `everything` (default) or `risks` (only risks and blockers). */
export const contentSchema = z
  .enum(['everything', 'risks'], { error: 'choose what: everything ("everything") or only risks and blockers ("risks")' })
  .default('everything');

/** JSON: {"email": "...", "scopes": ["all" | "team:<team>" | "milestone:<key>", ...]} */
export function subscribeJsonSchema(site: SiteModel) {
  return z.object(
    {
      email: emailSchema,
      scopes: scopeList(site, 'scopes'),
      frequency: frequencySchema,
      content: contentSchema,
      [HONEYPOT_FIELD]: honeypot,
    },
    { error: 'the body must be a JSON object like {"email": "...", "scopes": ["all"]}' },
  );
}

/** Form: fields `email` and `scope` (repeatable). */
export function subscribeFormSchema(site: SiteModel) {
  return z.object({
    email: emailSchema,
    scope: repeated('scope').pipe(scopeList(site, 'scope')),
    frequency: frequencySchema,
    content: contentSchema,
    [HONEYPOT_FIELD]: honeypot,
  });
}

export const tokenQuerySchema = z.object({
  token: z.string({ error: 'the link has no token: copy the whole link from the email' }).max(1000, 'the link is too long'),
});

/**
 * Preferences form. Scope values are only shape-checked here: which ones are allowed depends
 * on the subscriber (scopes no longer published may be kept), so the route checks the rest.
 */
export const preferencesFormSchema = z.object({
  token: z.string({ error: 'the form has no token: open the preferences link from your email again' }).max(1000),
  scope: repeated('scope').pipe(
    z.array(z.string().max(MAX_FIELD)).max(1000, 'too many scopes').transform((values, ctx) => {
      for (const value of values) {
        if (!isScopeShape(value.trim())) ctx.addIssue({ code: 'custom', message: `"${value.slice(0, 80)}" is not a scope` });
      }
      return values.map((v) => v.trim());
    }),
  ),
  frequency: frequencySchema,
  content: contentSchema,
});

export const unsubscribeQuerySchema = z.object({ token: z.string().max(1000).optional() });
export const unsubscribeFormSchema = z.object({ token: z.string().max(1000).optional() }).loose();

export const subscribePageQuerySchema = z.object({ scope: z.string().max(MAX_FIELD).optional() });

/** A valid subscribe request, from JSON or a form. */
export type SubscribeRequest = { email: string; scopes: Scope[]; frequency?: 'weekly' | 'instant'; content?: 'everything' | 'risks' };

/** Field-by-field messages of a zod error, for problem+json `errors` and the HTML error list. */
export function describeIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): Array<{ field: string; message: string }> {
  return issues.map((issue) => ({ field: issue.path.map(String).join('.') || '(body)', message: issue.message }));
}
