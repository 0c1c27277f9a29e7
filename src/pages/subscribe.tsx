/** Where the email subscription form sits on a page (the form itself is src/subscribers'). */
import type { FC } from 'hono/jsx';
import type { SiteModel } from '../content/model';
import { SubscribeForm } from '../subscribers';

export const SubscribeSection: FC<{ site: SiteModel; scope: string; what: string; folded?: boolean }> = ({ site, scope, what, folded }) =>
  folded ? (
    <details id="subscribe" class="follow">
      <summary>Get {what} by email</summary>
      <SubscribeForm site={site} scope={scope} />
      <p>
        Weekly or as it happens, everything or only risks and blockers: you choose. <a href="/digests">Read past digests</a>.
      </p>
    </details>
  ) : (
  <section id="subscribe" aria-labelledby="subscribe-heading">
    <h2 id="subscribe-heading">Get {what} by email</h2>
    <SubscribeForm site={site} scope={scope} />
    <p>
      Weekly or as it happens, everything or only risks and blockers: you choose. <a href="/digests">Read past digests</a>.
    </p>
  </section>
  );
