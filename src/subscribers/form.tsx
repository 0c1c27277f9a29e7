/**
 * The subscribe form, embeddable on any page: `/` (everything), team pages and milestone
 * pages preselect their own scope. Posts to /subscribe as a plain HTML form (no script needed).
 */
import type { FC } from 'hono/jsx';
import type { SiteModel } from '../content/model';
import { describeScope } from './scopes';

export interface SubscribeFormProps {
  site: SiteModel;
  /** The scope checked by default: "all", "team:<slug>" or "milestone:<key>". */
  scope?: string;
  /** Address to prefill (when the form is shown again after an error). */
  email?: string;
  /** Scopes to check instead of the default (when the form is shown again after an error). */
  checked?: readonly string[];
  /** Prefix for element ids, so one page can hold several forms. */
  idPrefix?: string;
}

/** Field name of the honeypot: humans never see it, form-filling bots do and get dropped. */
export const HONEYPOT_FIELD = 'website';

function optionsFor(site: SiteModel, scope: string): string[] {
  if (scope.startsWith('milestone:')) {
    const milestone = site.milestones.find((m) => m.key === scope.slice(10));
    return [scope, ...(milestone ? [`team:${milestone.team}`] : []), 'all'];
  }
  if (scope.startsWith('team:')) return [scope, 'all'];
  return ['all', ...site.teams.map((t) => `team:${t.slug}`)];
}

export const SubscribeForm: FC<SubscribeFormProps> = ({ site, scope = 'all', email, checked, idPrefix }) => {
  const prefix = idPrefix ?? `subscribe-${scope.replace(/[^A-Za-z0-9-]/g, '-')}`;
  const options = optionsFor(site, scope);
  const isChecked = (option: string) => (checked ? checked.includes(option) : option === scope);
  return (
    <form method="post" action="/subscribe" class="subscribe-form">
      <p>
        <label for={`${prefix}-email`}>Email address</label>
        <br />
        <input
          id={`${prefix}-email`}
          type="email"
          name="email"
          required
          maxlength={254}
          autocomplete="email"
          inputmode="email"
          value={email ?? ''}
        />
      </p>
      <fieldset>
        <legend>Send me weekly updates about</legend>
        {options.map((option, i) => (
          <p>
            <label for={`${prefix}-scope-${i}`}>
              <input id={`${prefix}-scope-${i}`} type="checkbox" name="scope" value={option} checked={isChecked(option)} />{' '}
              {describeScope(site, option)}
            </label>
          </p>
        ))}
      </fieldset>
      {/* Honeypot: kept off-screen rather than type=hidden, because bots skip hidden inputs. */}
      <div aria-hidden="true" style="position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden;">
        <label for={`${prefix}-${HONEYPOT_FIELD}`}>Leave this field empty</label>
        <input id={`${prefix}-${HONEYPOT_FIELD}`} type="text" name={HONEYPOT_FIELD} tabindex={-1} autocomplete="off" value="" />
      </div>
      <p>
        <button type="submit">Subscribe</button>
      </p>
      <p>
        <small>We will email you a link to confirm. Every email has a one-click unsubscribe link.</small>
      </p>
    </form>
  );
};
