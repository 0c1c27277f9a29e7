/**
 * `npm run build`: content/ → the site model (src/generated/site.json, for tests and tools)
 * and the static output Workers Static Assets serves (dist/public: every feed, page and the
 * OPML, with `_headers` and `_redirects`). One process, one parse of the content.
 *
 * Usage: tsx scripts/build-static.ts [--content DIR] [--out DIR] [--model FILE]
 *                                    [--config wrangler.toml] [--site-url URL] [--quiet]
 * SITE_URL (absolute links in feeds) comes from --site-url, else $SITE_URL, else wrangler.toml.
 * Prints every problem as `path:line:col: message`; exits 1 when any is an error, and then
 * writes nothing.
 */
import { parseArgs } from 'node:util';
import { buildAll, defaultParseCache, describeBuild, type BuildOptions } from '../src/publish/build';
import { StaticBuildError } from '../src/publish/static';

const { values } = parseArgs({
  options: {
    content: { type: 'string', default: 'content' },
    out: { type: 'string', default: 'dist/public' },
    model: { type: 'string', default: 'src/generated/site.json' },
    config: { type: 'string', default: 'wrangler.toml' },
    'site-url': { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});

const options: BuildOptions = {
  content: values.content!,
  out: values.out!,
  model: values.model,
  config: values.config!,
  siteUrl: values['site-url'] ?? process.env.SITE_URL,
};

try {
  const cache = await defaultParseCache();
  const outcome = await buildAll({ ...options, ...(cache ? { cache } : {}) });
  if (outcome.messages) console.error(outcome.messages);
  if (!outcome.ok) {
    console.error(`\n${outcome.errors} error(s), ${outcome.warnings} warning(s): nothing was written.`);
    process.exit(1);
  }
  if (!values.quiet) console.log(describeBuild(outcome, options));
} catch (error) {
  if (error instanceof StaticBuildError) {
    console.error(`error: ${error.message}\nnothing was written.`);
    process.exit(1);
  }
  console.error(`build failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(2);
}
