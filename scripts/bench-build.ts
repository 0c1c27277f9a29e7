/**
 * Build benchmark: content folder (weekly updates and milestone definitions) → site model
 * (parse, extract, render, index), in process, with file reading excluded. Reports the first (cold) run and the median of warm runs.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { buildSite, readContentDir } from '../src/content';

export interface BuildFigures {
  name: string;
  files: number;
  bytes: number;
  coldMs: number;
  warmMedianMs: number;
  warmMinMs: number;
  mbPerSecond: number;
  msPerFile: number;
  /** Median time of remark's markdown → mdast alone, the floor under everything else. */
  markdownOnlyMs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchBuild(name: string, root: string, runs = 9): Promise<BuildFigures> {
  const dir = await readContentDir(root);
  const all = [...dir.updates, ...dir.milestones];
  const bytes = all.reduce((n, f) => n + f.value.length, 0);
  const time = (fn: () => void) => {
    const started = performance.now();
    fn();
    return performance.now() - started;
  };
  const coldMs = time(() => buildSite(dir.updates, dir));
  const warm = Array.from({ length: runs }, () => time(() => buildSite(dir.updates, dir)));
  const markdown = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
  const texts = all.map((f) => new TextDecoder().decode(f.value as Uint8Array));
  const parseOnly = Array.from({ length: runs }, () => time(() => texts.forEach((t) => markdown.parse(t))));
  const warmMedianMs = median(warm);
  return {
    name,
    files: all.length,
    bytes,
    coldMs,
    warmMedianMs,
    warmMinMs: Math.min(...warm),
    mbPerSecond: bytes / 1e6 / (warmMedianMs / 1000),
    msPerFile: warmMedianMs / all.length,
    markdownOnlyMs: median(parseOnly),
  };
}

export function formatBuildFigures(rows: BuildFigures[]): string {
  const head = '| content | files | KB | cold ms | warm median ms | warm min ms | MB/s | ms/file | remark parse only ms |\n|---|---|---|---|---|---|---|---|---|';
  const body = rows.map(
    (r) =>
      `| ${r.name} | ${r.files} | ${(r.bytes / 1024).toFixed(0)} | ${r.coldMs.toFixed(0)} | ${r.warmMedianMs.toFixed(0)} | ${r.warmMinMs.toFixed(0)} | ${r.mbPerSecond.toFixed(2)} | ${r.msPerFile.toFixed(2)} | ${r.markdownOnlyMs.toFixed(0)} |`,
  );
  return [head, ...body].join('\n');
}

const root = path.resolve(import.meta.dirname, '..');
export async function benchBuilds(): Promise<BuildFigures[]> {
  const corpus = await benchBuild('corpus (../shared/corpus)', path.join(root, '../shared/corpus'));
  const reports = await benchBuild('reports (../shared/reports)', path.join(root, '../shared/reports'));
  return [corpus, reports, combined('corpus + reports', [corpus, reports]), await benchBuild('sample (content/)', path.join(root, 'content'))];
}

/** Both folders together: sums, so that ms/file is over every file of the five teams. */
function combined(name: string, rows: BuildFigures[]): BuildFigures {
  const sum = (f: (r: BuildFigures) => number) => rows.reduce((n, r) => n + f(r), 0);
  const files = sum((r) => r.files);
  const warmMedianMs = sum((r) => r.warmMedianMs);
  return {
    name,
    files,
    bytes: sum((r) => r.bytes),
    coldMs: sum((r) => r.coldMs),
    warmMedianMs,
    warmMinMs: sum((r) => r.warmMinMs),
    mbPerSecond: sum((r) => r.bytes) / 1e6 / (warmMedianMs / 1000),
    msPerFile: warmMedianMs / files,
    markdownOnlyMs: sum((r) => r.markdownOnlyMs),
  };
}

/**
 * `--baseline <git ref>`: the content pipeline of that commit (extracted with `git archive`
 * under .bench/baseline/) and today's, timed alternately in this one process on
 * every folder of ../shared, so the ratio is not skewed by machine load. Prints ms per file of each.
 */
export async function compareWithBaseline(ref: string, rounds = 7): Promise<string> {
  // Not under node_modules: tsx compiles what is there without the project's tsconfig (its
  // target), and the baseline ran some 20 % slower than the same code here (HEAD against HEAD: 0.81 ×).
  const dir = path.join(root, '.bench/baseline', ref.replace(/[^\w.-]+/g, '_'));
  await mkdir(dir, { recursive: true });
  execSync(`git archive ${JSON.stringify(ref)} src/content | tar -x -C ${JSON.stringify(dir)}`, { cwd: root });
  const baseline = (await import(pathToFileURL(path.join(dir, 'src/content/index.ts')).href)) as { buildSite: typeof buildSite };
  // Every content folder of ../shared: the corpus, the reports, the other organisations.
  const folders = await Promise.all(['../shared/corpus', '../shared/reports', '../shared/other-orgs/flow', '../shared/other-orgs/sugarlabs'].filter((f) => existsSync(path.join(root, f))).map((f) => readContentDir(path.join(root, f))));
  const files = folders.reduce((n, d) => n + d.updates.length + d.milestones.length, 0);
  const time = (build: typeof buildSite) => {
    const started = performance.now();
    for (const d of folders) build(d.updates, d);
    return performance.now() - started;
  };
  time(buildSite);
  time(baseline.buildSite);
  const now: number[] = [];
  const before: number[] = [];
  // Each goes first in every other round: neither always runs after the other's garbage.
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 0) {
      before.push(time(baseline.buildSite));
      now.push(time(buildSite));
    } else {
      now.push(time(buildSite));
      before.push(time(baseline.buildSite));
    }
  }
  const [b, n] = [median(before), median(now)];
  return [
    `| build of every folder of ../shared (${files} files) | warm median ms | ms/file |`,
    '|---|---|---|',
    `| ${ref} (baseline) | ${b.toFixed(0)} | ${(b / files).toFixed(2)} |`,
    `| this tree | ${n.toFixed(0)} | ${(n / files).toFixed(2)} |`,
    `| ratio | ${(n / b).toFixed(2)} × | |`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--baseline');
  if (at > 0) console.log(await compareWithBaseline(process.argv[at + 1] ?? 'HEAD'));
  else console.log(formatBuildFigures(await benchBuilds()));
}
