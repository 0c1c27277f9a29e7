/**
 * Build against Hugo (issue 19): the same markdown — every team of ../shared/corpus and
 * ../shared/reports — built by `npm run build` (scripts/build.mjs, whole process) and by Hugo
 * (Debian's package: a minimal site generated here, an HTML page per file and HTML + RSS per
 * section), each timed as whole-process CPU (user + system of the child, from /proc), 5 runs.
 * Skipped with a note when `hugo` is not installed (`apt-get install hugo`).
 *
 * Tidings is timed four ways: a clean build with its caches off (nothing kept from before); a
 * clean output folder with the caches warm (a CI run that restores .cache/); a rebuild after a
 * small edit; and a build with nothing changed.
 *
 * Usage: tsx scripts/bench-hugo.ts [--runs 5] [--keep DIR] [--baseline REF [--baseline-only]]
 */
import { execFile, execFileSync } from 'node:child_process';
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs, promisify } from 'node:util';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const SOURCES = [path.resolve(root, '../shared/corpus'), path.resolve(root, '../shared/reports')];

export interface CpuRun {
  /** user + system CPU of the child process, seconds. */
  cpu: number;
  user: number;
  wall: number;
}

export interface HugoRow {
  name: string;
  runs: CpuRun[];
  /** Files in the output folder. */
  files: number;
}

export interface HugoFigures {
  skipped?: string;
  hugoVersion?: string;
  sourceFiles: number;
  sourceBytes: number;
  rows: HugoRow[];
}

const TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU seconds of this process's waited-for children so far (Linux /proc), or undefined. */
function childrenCpu(): { user: number; system: number } | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of proc(5) (cutime, cstime); fields[0] is field 3.
    return { user: Number(fields[13]) / TICKS, system: Number(fields[14]) / TICKS };
  } catch {
    return undefined;
  }
}

/** Runs a command to completion and measures its CPU (from /proc) and wall time. */
async function timed(cmd: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<CpuRun> {
  const before = childrenCpu();
  const started = performance.now();
  await run(cmd, args, { cwd: options.cwd, env: options.env ?? process.env, maxBuffer: 64 * 1024 * 1024 });
  const wall = (performance.now() - started) / 1000;
  const after = childrenCpu();
  if (!before || !after) return { cpu: NaN, user: NaN, wall };
  const user = after.user - before.user;
  return { cpu: user + after.system - before.system, user, wall };
}

/** Team folders of the sources, copied side by side into one content folder. */
async function contentFolder(into: string): Promise<{ files: number; bytes: number }> {
  await rm(into, { recursive: true, force: true });
  await mkdir(into, { recursive: true });
  for (const source of SOURCES) {
    for (const e of await readdir(source, { withFileTypes: true })) {
      if (e.isDirectory() && existsSync(path.join(source, e.name, 'updates'))) await cp(path.join(source, e.name), path.join(into, e.name), { recursive: true });
    }
  }
  let files = 0;
  let bytes = 0;
  for (const file of await markdownFiles(into)) {
    files++;
    bytes += (await readFile(path.join(into, file))).byteLength;
  }
  return { files, bytes };
}

async function markdownFiles(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

async function countFiles(dir: string): Promise<number> {
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).length;
}

const FRONT_MATTER = /^(---|\+\+\+)\r?\n[\s\S]*?\r?\n\1[ \t]*(\r?\n|$)/;

/**
 * A minimal Hugo site over the same markdown: each team a section (its files' front matter
 * replaced by a title, as teams' own front matter is not always valid for Hugo), an HTML page
 * per file, HTML + RSS per section and for the home page (the RSS items with full content).
 */
async function hugoSite(content: string, site: string): Promise<void> {
  await rm(site, { recursive: true, force: true });
  await mkdir(path.join(site, 'layouts', '_default'), { recursive: true });
  await writeFile(
    path.join(site, 'config.toml'),
    ['baseURL = "https://example.org/"', 'title = "bench"', 'disableKinds = ["taxonomy", "term"]', '[outputs]', 'home = ["HTML", "RSS"]', 'section = ["HTML", "RSS"]', 'page = ["HTML"]', ''].join('\n'),
  );
  const page = (body: string) => `<!doctype html><html><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main><h1>{{ .Title }}</h1>${body}</main></body></html>\n`;
  await writeFile(path.join(site, 'layouts', '_default', 'single.html'), page('{{ .Content }}'));
  await writeFile(path.join(site, 'layouts', '_default', 'list.html'), page('<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Summary }}</li>{{ end }}</ul>'));
  await writeFile(
    path.join(site, 'layouts', '_default', 'rss.xml'),
    '<rss version="2.0"><channel><title>{{ .Title }}</title><link>{{ .Permalink }}</link>{{ range .Pages }}<item><title>{{ .Title }}</title><link>{{ .Permalink }}</link><guid>{{ .Permalink }}</guid><description>{{ .Content | html }}</description></item>{{ end }}</channel></rss>\n',
  );
  for (const file of await markdownFiles(content)) {
    const [team, ...rest] = file.split(path.sep);
    const name = rest.join('-').replace(/\s+/g, '-');
    const text = (await readFile(path.join(content, file), 'utf8')).replace(FRONT_MATTER, '');
    const target = path.join(site, 'content', team!, name);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, `---\ntitle: ${JSON.stringify(name.replace(/\.md$/, ''))}\n---\n${text}`);
  }
}

function hugoVersion(): string | undefined {
  try {
    return execFileSync('hugo', ['version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return undefined;
  }
}

/** Removes a build's output and the files it keeps beside it (manifests, render memo, build stamp). */
async function cleanOutput(out: string): Promise<void> {
  for (const p of [out, `${out}.manifest.json`, `${out}.render.json`, `${out}.build.json`]) await rm(p, { recursive: true, force: true });
}

/**
 * `runs` timed builds, `before` each (untimed). The file system settles after `before` (`sync`):
 * an output folder removed just before a build otherwise charges its removal to that build
 * (measured on ext4: 1.4 s of system time instead of 0.3–0.4 s for a clean Tidings build of
 * 3,095 files; Hugo's 273 files pay it too, less), a cost no real clean build pays (a CI checkout
 * has no output folder to remove).
 */
async function repeated(runs: number, run: () => Promise<CpuRun>, before?: () => Promise<unknown>): Promise<CpuRun[]> {
  const times: CpuRun[] = [];
  for (let i = 0; i < runs; i++) {
    await before?.();
    if (before) execFileSync('sync');
    times.push(await run());
  }
  return times;
}

/**
 * The whole-process build of an earlier commit (`--baseline REF`: its src/, emails/, scripts/ and
 * configuration extracted with `git archive`, with this checkout's node_modules), run as `npm run
 * build` ran then (`node scripts/build.mjs`, bundled once outside the timings, or `tsx
 * scripts/build-static.ts` before it existed), from a folder of its own: clean with its caches
 * off, clean with its caches warm (when it had them) and again with nothing changed.
 */
async function baselineRows(ref: string, content: string, work: string, runs: number): Promise<HugoRow[]> {
  const dir = path.join(root, 'node_modules/.bench-baseline', `${ref.replace(/[^\w.-]+/g, '_')}-tree`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  execFileSync('sh', ['-c', `git archive ${JSON.stringify(ref)} src emails scripts package.json package-lock.json wrangler.toml tsconfig.json | tar -x -C ${JSON.stringify(dir)}`], { cwd: root });
  const bundled = existsSync(path.join(dir, 'scripts/build.mjs'));
  if (bundled) await symlink(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  const cwd = path.join(work, 'baseline');
  await mkdir(cwd, { recursive: true });
  const out = path.join(cwd, 'public');
  const args = ['--content', content, '--out', out, '--model', path.join(cwd, 'site.json'), '--config', path.join(dir, 'wrangler.toml'), '--quiet'];
  const build = (env: NodeJS.ProcessEnv = {}) =>
    bundled
      ? timed(process.execPath, [path.join(dir, 'scripts/build.mjs'), ...args], { cwd, env: { ...process.env, ...env } })
      : timed(path.join(root, 'node_modules/.bin/tsx'), ['--tsconfig', path.join(dir, 'tsconfig.json'), path.join(dir, 'scripts/build-static.ts'), ...args], { cwd, env: { ...process.env, ...env } });
  const clean = () => cleanOutput(out);
  // The bundle is made once, outside the timings.
  if (bundled) {
    await clean();
    await build({ TIDINGS_BUILD_CACHE: 'off' });
  }
  const cold = await repeated(runs, () => build({ TIDINGS_BUILD_CACHE: 'off' }), clean);
  const rows: HugoRow[] = [{ name: `${ref} (before), clean, caches off`, runs: cold, files: await countFiles(out) }];
  await rm(path.join(cwd, '.cache'), { recursive: true, force: true });
  await clean();
  await build();
  if (bundled) rows.push({ name: `${ref} (before), clean output, caches warm`, runs: await repeated(runs, () => build(), clean), files: await countFiles(out) });
  rows.push({ name: `${ref} (before), nothing changed`, runs: await repeated(runs, () => build()), files: await countFiles(out) });
  await rm(dir, { recursive: true, force: true });
  return rows;
}

export async function benchHugo(options: { runs?: number; keep?: string; baseline?: string; baselineOnly?: boolean } = {}): Promise<HugoFigures> {
  const runs = options.runs ?? 5;
  const work = options.keep ?? (await mkdtemp(path.join(os.tmpdir(), 'tidings-hugo-')));
  const content = path.join(work, 'content');
  const source = await contentFolder(content);
  const version = hugoVersion();
  const rows: HugoRow[] = [];
  const figures: HugoFigures = { sourceFiles: source.files, sourceBytes: source.bytes, rows, ...(version ? { hugoVersion: version } : {}) };
  try {
    if (options.baseline) rows.push(...(await baselineRows(options.baseline, content, work, runs)));
    if (options.baselineOnly) return figures;
    if (version) {
      const site = path.join(work, 'hugo');
      await hugoSite(content, site);
      const hugo = await repeated(
        runs,
        () => timed('hugo', ['--quiet', '-d', 'public'], { cwd: site }),
        async () => {
          await rm(path.join(site, 'public'), { recursive: true, force: true });
          await rm(path.join(site, 'resources'), { recursive: true, force: true });
        },
      );
      rows.push({ name: 'Hugo (HTML + RSS per section), clean', runs: hugo, files: await countFiles(path.join(site, 'public')) });
    } else {
      figures.skipped = 'hugo is not installed (Debian: apt-get install hugo): Tidings alone';
    }

    // Tidings, `npm run build` as a user runs it (without npm's own start-up), from a folder of
    // its own: its caches (.cache/tidings/parse, mdast) are there, not the project's.
    const out = path.join(work, 'public');
    const build = (env: NodeJS.ProcessEnv = {}) =>
      timed(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--content', content, '--out', out, '--model', path.join(work, 'site.json'), '--config', path.join(root, 'wrangler.toml'), '--quiet'], {
        cwd: work,
        env: { ...process.env, ...env },
      });
    const clean = () => cleanOutput(out);
    // The bundle is made once, outside the timings (a code change pays for it once).
    await clean();
    await build({ TIDINGS_BUILD_CACHE: 'off' });
    rows.push({ name: 'Tidings, clean, caches off', runs: await repeated(runs, () => build({ TIDINGS_BUILD_CACHE: 'off' }), clean), files: await countFiles(out) });

    await rm(path.join(work, '.cache'), { recursive: true, force: true });
    await clean();
    await build();
    rows.push({ name: 'Tidings, clean output, caches warm', runs: await repeated(runs, () => build(), clean), files: await countFiles(out) });

    // A small edit: one bullet added to the newest week of the first team, again each run.
    const updates = (await markdownFiles(content)).filter((f) => f.split(path.sep)[1] === 'updates');
    const edited = path.join(content, updates.filter((f) => f.startsWith(updates[0]!.split(path.sep)[0]!)).at(-1)!);
    let edits = 0;
    const edit = await repeated(runs, () => build(), () => appendFile(edited, `\n- bench edit ${edits++}\n`));
    rows.push({ name: 'Tidings, one bullet added to one week', runs: edit, files: await countFiles(out) });
    rows.push({ name: 'Tidings, nothing changed', runs: await repeated(runs, () => build()), files: await countFiles(out) });
    return figures;
  } finally {
    if (!options.keep) await rm(work, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export function formatHugo(f: HugoFigures): string {
  const lines = [`Same markdown: ${f.sourceFiles} files, ${(f.sourceBytes / 1024).toFixed(0)} KB (../shared/corpus + ../shared/reports). ${f.hugoVersion ?? ''}`.trim()];
  if (f.skipped) lines.push(`\nHugo skipped: ${f.skipped}.`);
  const hugo = f.rows.find((r) => r.name.startsWith('Hugo'));
  const hugoCpu = hugo ? median(hugo.runs.map((r) => r.cpu)) : undefined;
  const hugoUser = hugo ? median(hugo.runs.map((r) => r.user)) : undefined;
  lines.push(
    '',
    '| build (whole process) | runs | CPU s, user + sys (median) | min | user s | wall s | output files | CPU ms per output file | × Hugo CPU | × Hugo user |',
    '|---|---|---|---|---|---|---|---|---|---|',
  );
  for (const r of f.rows) {
    const cpu = median(r.runs.map((x) => x.cpu));
    const user = median(r.runs.map((x) => x.user));
    lines.push(
      `| ${r.name} | ${r.runs.length} | ${cpu.toFixed(2)} | ${Math.min(...r.runs.map((x) => x.cpu)).toFixed(2)} | ${user.toFixed(2)} | ${median(r.runs.map((x) => x.wall)).toFixed(2)} | ${r.files} | ${((cpu * 1000) / r.files).toFixed(2)} | ${hugoCpu ? `${(cpu / hugoCpu).toFixed(1)} ×` : '—'} | ${hugoUser ? `${(user / hugoUser).toFixed(1)} ×` : '—'} |`,
    );
  }
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, keep: { type: 'string' }, baseline: { type: 'string' }, 'baseline-only': { type: 'boolean', default: false } } });
  const figures = await benchHugo({
    runs: Number(values.runs),
    ...(values.keep ? { keep: path.resolve(values.keep) } : {}),
    ...(values.baseline ? { baseline: values.baseline } : {}),
    baselineOnly: values['baseline-only']!,
  });
  console.log(formatHugo(figures));
}
