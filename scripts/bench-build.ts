/**
 * Build benchmark: content folder (weekly updates and milestone definitions) → site model
 * (parse, extract, render, index), in process, with file reading excluded. Reports the first (cold) run and the median of warm runs.
 */
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
  return [
    await benchBuild('corpus (../shared/corpus)', path.join(root, '../shared/corpus')),
    await benchBuild('sample (content/)', path.join(root, 'content')),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(formatBuildFigures(await benchBuilds()));
}
