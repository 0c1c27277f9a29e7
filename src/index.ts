import { createApp } from './app';
import type { Env } from './env';
import { site } from './site';

const app = createApp(site);

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>;
