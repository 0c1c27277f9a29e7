/**
 * `npm start`: the whole of Tidings on this machine, offline, from a fresh clone.
 * Builds the content once (model + static output, in this process), creates a development
 * .dev.vars if missing, applies the D1 migrations to the local database (beside the build), then runs
 * `wrangler dev` on http://localhost:8787 with the static assets, local D1, Queues, cron and a
 * simulated send_email binding. While it runs, an edit under content/ rebuilds (only the
 * files whose bytes changed are rewritten; wrangler dev serves them at once).
 */
import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import path from 'node:path';
import { buildAll, defaultParseCache, describeBuild, type BuildOptions } from '../src/publish/build';
import { applyLocalMigrations, ensureDevVars } from './dev-setup';

// Run from its bundle (scripts/start.mjs), the launcher says where the project is.
const root = process.env.TIDINGS_ROOT ?? path.resolve(import.meta.dirname, '..');
const port = process.env.PORT ?? '8787';
const env = { ...process.env, WRANGLER_SEND_METRICS: 'false' };

// Extra arguments go to `wrangler dev`; a --persist-to directory is migrated too.
const extra = process.argv.slice(2);
const persistAt = extra.indexOf('--persist-to');
const persistTo = persistAt >= 0 ? extra[persistAt + 1] : undefined;
// `--var SITE_URL:…` (a server on another origin) needs feeds with that origin's links: they
// are built into a folder of their own and served with --assets.
const siteUrlArg = extra.map((a, i) => (extra[i - 1] === '--var' && a.startsWith('SITE_URL:') ? a.slice(9) : undefined)).find(Boolean);
const out = siteUrlArg ? path.join(root, '.wrangler', 'tidings-public', String(port)) : path.join(root, 'dist', 'public');
const options: BuildOptions = {
  content: path.join(root, 'content'),
  out,
  model: path.join(root, 'src', 'generated', 'site.json'),
  config: path.join(root, 'wrangler.toml'),
  ...(siteUrlArg ? { siteUrl: siteUrlArg } : {}),
};

// One parse cache for the session (and on disk): a rebuild re-parses only the files edited.
const cache = await defaultParseCache(root);

/** `served`: wrangler dev is watching the output (a rebuild after an edit), see BuildOptions. */
async function build(served = false): Promise<boolean> {
  const outcome = await buildAll({ ...options, ...(cache ? { cache } : {}), served });
  if (outcome.messages) console.error(outcome.messages);
  if (!outcome.ok) {
    console.error(`${outcome.errors} error(s): the site was not rebuilt.`);
    return false;
  }
  console.log(describeBuild(outcome, { ...options, content: 'content', out: path.relative(root, out) }));
  return true;
}

/** Rebuilds after content edits settle (one build at a time, the latest edit always included). */
function watchContent(): void {
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await build(true);
    } catch (error) {
      console.error(`rebuild failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    running = false;
    if (again) {
      again = false;
      void run();
    }
  };
  watch(options.content, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), 150);
  });
}

try {
  // The migrations (a wrangler process) run beside the build (this one): neither needs the other.
  const migrated = applyLocalMigrations(root, persistTo ? { persistTo } : {});
  // Handled where it is awaited below; until then its failure is not an unhandled rejection.
  migrated.catch(() => undefined);
  if (!(await build())) {
    await migrated.catch(() => undefined);
    process.exit(1);
  }
  await ensureDevVars(root);
  await migrated;
  // --test-scheduled exposes /__scheduled so the weekly cron can be triggered over HTTP.
  const dev = spawn(
    process.execPath,
    [path.join(root, 'node_modules', 'wrangler', 'bin', 'wrangler.js'), 'dev', '--port', port, '--ip', '127.0.0.1', '--test-scheduled', ...(siteUrlArg ? ['--assets', out] : []), ...extra],
    { cwd: root, env, stdio: 'inherit' },
  );
  watchContent();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => dev.kill(signal));
  dev.on('exit', (code) => process.exit(code ?? 0));
} catch (error) {
  console.error(`npm start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
