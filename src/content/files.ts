/** The file-system edge of the build: read a content folder, print messages. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { VFile } from 'vfile';
import { buildSite, isMilestonePath, isUpdatePath, type BuildResult, type SourceFile } from './build';

export interface ContentDir {
  updates: SourceFile[];
  /** `<team>/milestones/**.md`: milestone definitions (optional). */
  milestones: SourceFile[];
  teams?: SourceFile;
  aliases?: SourceFile;
}

/** `<root>/<team>/updates/*.md` and `<root>/<team>/milestones/**.md`, plus `teams.yaml` and `aliases.yaml` at the root. */
export async function readContentDir(root: string): Promise<ContentDir> {
  const updates: SourceFile[] = [];
  const entries = await readdir(root, { withFileTypes: true });
  for (const team of entries.filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    let names: string[];
    try {
      names = await readdir(path.join(root, team, 'updates'));
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      const rel = `${team}/updates/${name}`;
      if (!isUpdatePath(rel)) continue;
      updates.push({ path: rel, value: new Uint8Array(await readFile(path.join(root, rel))) });
    }
  }
  const milestones: SourceFile[] = [];
  for (const team of entries.filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    let names: string[];
    try {
      names = (await readdir(path.join(root, team, 'milestones'), { recursive: true })).map(String).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const rel = `${team}/milestones/${name.split(path.sep).join('/')}`;
      if (!isMilestonePath(rel)) continue;
      milestones.push({ path: rel, value: new Uint8Array(await readFile(path.join(root, rel))) });
    }
  }
  const optional = async (name: string): Promise<SourceFile | undefined> => {
    try {
      return { path: name, value: new Uint8Array(await readFile(path.join(root, name))) };
    } catch {
      return undefined;
    }
  };
  const [teams, aliases] = [await optional('teams.yaml'), await optional('aliases.yaml')];
  return { updates, milestones, ...(teams ? { teams } : {}), ...(aliases ? { aliases } : {}) };
}

export async function buildContentDir(root: string): Promise<BuildResult> {
  const dir = await readContentDir(root);
  return buildSite(dir.updates, dir);
}

/**
 * Compiler-style lines, `path:line:col: error|warning: message [rule]`, that editors and CI
 * logs link to. `prefix` is prepended to each path (the content root as given).
 */
export function formatMessages(files: VFile[], prefix = ''): { text: string; errors: number; warnings: number } {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    for (const m of file.messages) {
      const severity = m.fatal ? 'error' : 'warning';
      if (m.fatal) errors++;
      else warnings++;
      const where = `${prefix}${file.path}:${m.line ?? 1}:${m.column ?? 1}`;
      lines.push(`${where}: ${severity}: ${m.reason}${m.ruleId ? ` [${m.ruleId}]` : ''}`);
    }
  }
  return { text: lines.join('\n'), errors, warnings };
}
