/**
 * The subscribe form, embeddable on any page: `/` (everything), team pages and milestone
 * pages preselect their own scope. Posts to /subscribe as a plain HTML form (no script needed).
 */
import type { FC } from 'hono/jsx';
import type { SiteModel } from '../content/model';
import { milestoneByKey } from '../feeds/document';
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
  /** How often and what, when the form is shown again after an error. */
  frequency?: string;
  content?: string;
}

/** Field name of the honeypot: humans never see it, form-filling bots do and get dropped. */
export const HONEYPOT_FIELD = 'website';

function optionsFor(site: SiteModel, scope: string): string[] {
  if (scope.startsWith('milestone:')) {
    const milestone = milestoneByKey(site, scope.slice(10));
    return [scope, ...(milestone ? [`team:${milestone.team}`] : []), 'all'];
  }
  if (scope.startsWith('team:')) return [scope, 'all'];
  return ['all', ...site.teams.map((t) => `team:${t.slug}`)];
}

export const SubscribeForm: FC<SubscribeFormProps> = ({ site, scope = 'all', email, checked, idPrefix, frequency, content }) => {
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
        <legend>What to follow</legend>
        {options.map((option, i) => (
          <p>
            <label for={`${prefix}-scope-${i}`}>
              <input id={`${prefix}-scope-${i}`} type="checkbox" name="scope" value={option} checked={isChecked(option)} />{' '}
              {describeScope(site, option)}
            </label>
          </p>
        ))}
      </fieldset>
      <DeliveryChoices prefix={prefix} frequency={frequency} content={content} />
      {/* Honeypot: kept off-screen (the stylesheet's .offscreen) rather than type=hidden, because bots skip hidden inputs. */}
      <div aria-hidden="true" class="offscreen">
        <label for={`${prefix}-${HONEYPOT_FIELD}`}>Leave this field empty</label>
        <input id={`${prefix}-${HONEYPOT_FIELD}`} type="text" name={HONEYPOT_FIELD} tabindex={-1} autocomplete="off" value="" />
      </div>
      <p>
        <button type="submit">Subscribe</button>
      </p>
      <p>
        <small>We will email you a link to confirm. Every email has a one-click unsubscribe link; pick single milestones on the preferences page it links to.</small>
      </p>
    </form>
  );
};

/** How often and what, as radio buttons (the subscribe form and the preferences page). */
export const DeliveryChoices: FC<{ prefix: string; frequency?: string; content?: string }> = ({ prefix, frequency = 'weekly', content = 'everything' }) => (
  <>
    <fieldset>
      <legend>How often</legend>
      <p>
        <label for={`${prefix}-freq-weekly`}>
          <input id={`${prefix}-freq-weekly`} type="radio" name="frequency" value="weekly" checked={frequency !== 'instant'} /> Weekly digest, Monday mornings
        </label>
      </p>
      <p>
        <label for={`${prefix}-freq-instant`}>
          <input id={`${prefix}-freq-instant`} type="radio" name="frequency" value="instant" checked={frequency === 'instant'} /> As it happens: one email per new update
        </label>
      </p>
    </fieldset>
    <fieldset>
      <legend>What</legend>
      <p>
        <label for={`${prefix}-content-everything`}>
          <input id={`${prefix}-content-everything`} type="radio" name="content" value="everything" checked={content !== 'risks'} /> Everything: achieved, next, risks and blockers
        </label>
      </p>
      <p>
        <label for={`${prefix}-content-risks`}>
          <input id={`${prefix}-content-risks`} type="radio" name="content" value="risks" checked={content === 'risks'} /> Only risks and blockers
        </label>
      </p>
    </fieldset>
  </>
);

