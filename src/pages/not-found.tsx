/** The HTML 404 of the pages. */
import type { FC } from 'hono/jsx';
import type { SiteConfig } from '../feeds';
import { Layout } from './layout';

export const NotFoundPage: FC<{ config: SiteConfig; what: string }> = ({ config, what }) => (
  <Layout title="Not found" siteTitle={config.title} lang={config.language} noindex>
    <h1>Not found</h1>
    <p>{what}</p>
    <p>
      <a href="/">Every team, update and milestone is listed on the home page.</a>
    </p>
  </Layout>
);
