/**
 * `npm run build`: content/ → the site model (src/generated/site.json, for tests and tools)
 * and the static output Workers Static Assets serves (dist/public: every feed, page and the
 * OPML, with `_headers` and `_redirects`). One process, one parse of the content.
 *
 * Usage: tsx scripts/build-static.ts [--content DIR] [--out DIR] [--model FILE]
 *                                    [--config wrangler.toml] [--site-url URL] [--quiet]
 * (`npm run build` runs the same script compiled once into a bundle: scripts/build.mjs, scripts/launch.mjs.)
 * SITE_URL (absolute links in feeds) comes from --site-url, else $SITE_URL, else wrangler.toml.
 * Prints every problem as `path:line:col: message`; exits 1 when any is an error, and then
 * writes nothing. When nothing changed since the last build (src/publish/unchanged.ts) it
 * prints that build's messages again and writes nothing, without loading the build itself.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../src/publish/source';
import { codeStamps, forgetRecord, snapshotContent, unchangedSince, writeRecord, type BuildRequest } from '../src/publish/unchanged';

const started = performance.now();
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

const request: BuildRequest = {
  content: path.resolve(values.content!),
  out: path.resolve(values.out!),
  model: values.model ? path.resolve(values.model) : undefined,
  config: path.resolve(values.config!),
  siteUrl: values['site-url'] ?? process.env.SITE_URL,
};
// The shortcut trusts the build's caches: without them (TIDINGS_BUILD_CACHE=off) every build runs.
const shortcut = process.env.TIDINGS_BUILD_CACHE !== 'off';

const last = shortcut ? unchangedSince(request, PROJECT_ROOT) : undefined;
if (last) {
  if (last.messages) console.error(last.messages);
  if (!values.quiet) console.log(`nothing changed since the last build of ${values.content} → ${values.out}: nothing written (checked in ${(performance.now() - started).toFixed(0)} ms)`);
  process.exit(0);
}

// What the build is made from, taken before it reads anything: a file saved meanwhile is seen next time.
const code = codeStamps(PROJECT_ROOT);
const content = shortcut ? snapshotContent(request.content) : undefined;
forgetRecord(request.out);

const { buildAll, defaultParseCache, describeBuild } = await import('../src/publish/build');
const { StaticBuildError } = await import('../src/publish/static');
const options = {
  content: values.content!,
  out: values.out!,
  model: values.model,
  config: values.config!,
  siteUrl: request.siteUrl,
};
try {
  const cache = await defaultParseCache();
  const outcome = await buildAll({ ...options, ...(cache ? { cache } : {}) });
  if (outcome.messages) console.error(outcome.messages);
  if (!outcome.ok) {
    console.error(`\n${outcome.errors} error(s), ${outcome.warnings} warning(s): nothing was written.`);
    process.exit(1);
  }
  const summary = describeBuild(outcome, options);
  if (!values.quiet) console.log(summary);
  if (content) writeRecord(request, content, code, { messages: outcome.messages, summary });
} catch (error) {
  if (error instanceof StaticBuildError) {
    console.error(`error: ${error.message}\nnothing was written.`);
    process.exit(1);
  }
  console.error(`build failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(2);
}
