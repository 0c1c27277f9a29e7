/**
 * `npm run build` and `npm start` without compiling TypeScript at run time (scripts/build.mjs,
 * scripts/start.mjs): scripts/build-static.ts, scripts/start.ts and what they import are bundled
 * once with esbuild into .cache/tidings/bundle/ (split, so that a build that finds nothing
 * changed loads only its first, small part, and the two share their chunks), and bundled again
 * only when one of the files they were made from (the sources, package-lock.json, this
 * launcher) has another size or mtime. Arguments are the entry's own.
 *
 * Plain JavaScript on purpose: it runs before anything is compiled.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const cache = path.join(root, '.cache', 'tidings', 'bundle');
const stampFile = path.join(cache, 'bundle.json');
const ENTRIES = ['build-static', 'start'];

/** `[size, mtimeMs]` of a file, or undefined if it is gone. */
function stamp(file) {
  try {
    const s = statSync(path.join(root, file));
    return [s.size, s.mtimeMs];
  } catch {
    return undefined;
  }
}

/** The bundle still made from the files as they are now, if there is one. */
function current() {
  let recorded;
  try {
    recorded = JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    return undefined;
  }
  for (const [file, was] of Object.entries(recorded.inputs)) {
    const now = stamp(file);
    if (!now || now[0] !== was[0] || now[1] !== was[1]) return undefined;
  }
  return path.join(cache, recorded.dir);
}

async function bundle() {
  const { build } = await import('esbuild');
  const dir = `b-${Date.now().toString(36)}-${randomUUID().slice(0, 8)}`;
  const result = await build({
    entryPoints: ENTRIES.map((name) => path.join(root, 'scripts', `${name}.ts`)),
    outdir: path.join(cache, dir),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    // Loaded from node_modules when used (npm start's migrations): far too large to bundle.
    external: ['wrangler'],
    target: 'node20',
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx',
    metafile: true,
    logLevel: 'warning',
    absWorkingDir: root,
    // CommonJS dependencies require Node built-ins (yaml's dist: process, buffer).
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  // Dependencies change with the lock file; the sources are stamped one by one.
  const files = Object.keys(result.metafile.inputs).filter((f) => !f.split('/').includes('node_modules'));
  const inputs = {};
  for (const file of [...files, 'package-lock.json', 'scripts/launch.mjs']) inputs[file] = stamp(file) ?? [-1, -1];
  mkdirSync(cache, { recursive: true });
  const partial = `${stampFile}.${process.pid}.tmp`;
  writeFileSync(partial, `${JSON.stringify({ dir, inputs })}\n`);
  renameSync(partial, stampFile);
  // Older bundles, once no build can still be starting from them and none runs from them: a
  // build loads some of its bundle's chunks late (the search indexer), and a build of thousands
  // of updates runs longer than any fixed delay.
  for (const name of readdirSync(cache)) {
    if (!name.startsWith('b-') || name === dir) continue;
    try {
      if (Date.now() - statSync(path.join(cache, name)).mtimeMs > 10 * 60_000 && !inUse(path.join(cache, name))) rmSync(path.join(cache, name), { recursive: true, force: true });
    } catch {}
  }
  return path.join(cache, dir);
}

/** Whether a build still runs from a bundle: an `in-use.<pid>` marker of a live process. */
function inUse(dir) {
  return readdirSync(dir).some((name) => {
    const pid = /^in-use\.(\d+)$/.exec(name)?.[1];
    if (!pid) return false;
    try {
      process.kill(Number(pid), 0);
      return true;
    } catch (error) {
      return error.code === 'EPERM';
    }
  });
}

/** Runs scripts/<name>.ts from the bundle (made first if the sources changed). */
export async function launch(name) {
  const dir = current() ?? (await bundle());
  // This process runs from that bundle until it exits: another build's clean-up leaves it alone.
  const marker = path.join(dir, `in-use.${process.pid}`);
  writeFileSync(marker, '');
  process.on('exit', () => rmSync(marker, { force: true }));
  process.env.TIDINGS_ROOT = root;
  await import(pathToFileURL(path.join(dir, `${name}.js`)).href);
}
