/**
 * One build (Node only): content folder → site model → static output. Used by
 * `npm run build` (scripts/build-static.ts) and by `npm start` (scripts/start.ts), which
 * calls it again in process when a content file changes.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildContentDir, formatMessages } from '../content';
import type { SiteModel } from '../content/model';
import { readAliases, renderSite, wranglerVars, writeOutput, type WriteResult } from './node';

export interface BuildOptions {
  content: string;
  /** Assets directory (wrangler.toml [assets] directory). */
  out: string;
  /** Where the model JSON goes (tests and tools read it); none when undefined. */
  model?: string;
  /** wrangler.toml whose [vars] the pages and feeds are rendered with. */
  config: string;
  /** Overrides SITE_URL of the config. */
  siteUrl?: string;
}

export type BuildOutcome =
  | { ok: true; site: SiteModel; written: WriteResult; warnings: number; messages: string; ms: { parse: number; render: number; write: number; total: number } }
  | { ok: false; errors: number; warnings: number; messages: string };

export async function buildAll(options: BuildOptions): Promise<BuildOutcome> {
  const started = performance.now();
  const root = options.content;
  const { site, files } = await buildContentDir(root);
  const report = formatMessages(files, root.endsWith('/') ? root : `${root}/`);
  if (report.errors > 0) return { ok: false, errors: report.errors, warnings: report.warnings, messages: report.text };
  const parsed = performance.now();
  const vars = await wranglerVars(options.config);
  if (options.siteUrl) vars.SITE_URL = options.siteUrl;
  const aliasText = await readFile(path.join(root, 'aliases.yaml'), 'utf8').catch(() => undefined);
  const published = await renderSite(site, { vars, aliases: readAliases(aliasText) });
  const rendered = performance.now();
  const written = await writeOutput(options.out, published);
  if (options.model) {
    // Stable key order and no timestamps; written aside and renamed.
    await mkdir(path.dirname(options.model), { recursive: true });
    const partial = `${options.model}.${process.pid}.tmp`;
    await writeFile(partial, `${JSON.stringify(site)}\n`);
    await rename(partial, options.model);
  }
  const done = performance.now();
  return {
    ok: true,
    site,
    written,
    warnings: report.warnings,
    messages: report.text,
    ms: { parse: parsed - started, render: rendered - parsed, write: done - rendered, total: done - started },
  };
}

/** One line saying what a build did. */
export function describeBuild(outcome: Extract<BuildOutcome, { ok: true }>, options: BuildOptions): string {
  const { site, written, ms } = outcome;
  const f = (n: number) => n.toFixed(0);
  return (
    `built ${site.updates.length} updates, ${site.teams.length} teams, ${site.milestones.length} milestones from ${options.content} ` +
    `(version ${site.version}${outcome.warnings ? `, ${outcome.warnings} warning(s)` : ''}): ${written.files} files, ` +
    `${(written.bytes / 1024).toFixed(0)} KiB → ${options.out} (${written.written} written, ${written.removed} removed) in ${f(ms.total)} ms ` +
    `(parse ${f(ms.parse)}, render ${f(ms.render)}, write ${f(ms.write)})`
  );
}
