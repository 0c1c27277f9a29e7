import path from 'node:path';
import { buildContentDir, buildSite, type BuildResult, type SourceFile } from '../../src/content';

export const CORPUS = path.resolve(import.meta.dirname, '../../../shared/corpus');
export const CONTENT = path.resolve(import.meta.dirname, '../../content');

let corpus: Promise<BuildResult> | undefined;
/** The whole corpus, built once per worker process (the node project shares modules between files: vitest.config.mts). */
export function corpusBuild(): Promise<BuildResult> {
  return (corpus ??= buildContentDir(CORPUS));
}

let sample: Promise<BuildResult> | undefined;
export function sampleBuild(): Promise<BuildResult> {
  return (sample ??= buildContentDir(CONTENT));
}

export function errorsOf(result: BuildResult): string[] {
  return result.files.flatMap((f) => f.messages.filter((m) => m.fatal).map((m) => `${f.path}:${m.line}:${m.column}: ${m.reason}`));
}

export function warningsOf(result: BuildResult): string[] {
  return result.files.flatMap((f) => f.messages.filter((m) => !m.fatal).map((m) => `${f.path}:${m.line}:${m.column}: ${m.reason}`));
}

export function build(files: Record<string, string | Uint8Array>): BuildResult {
  const sources: SourceFile[] = Object.entries(files).map(([p, value]) => ({ path: p, value }));
  return buildSite(sources);
}

export const REPORTS = path.resolve(import.meta.dirname, '../../../shared/reports');
let reports: Promise<BuildResult> | undefined;
/** ../shared/reports: more teams, odd files included, built once per worker process (as corpusBuild). */
export function reportsBuild(): Promise<BuildResult> {
  return (reports ??= buildContentDir(REPORTS));
}
