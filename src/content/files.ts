/**
 * The file-system edge of the build: read a content folder, safely, and print messages.
 *
 * Safe means: nothing outside the content folder is ever read (a symlink to `../.dev.vars`
 * would publish a secret in every feed), only regular files are opened (a fifo would hang
 * the build, a device would never end), and a file larger than a report can be is refused
 * before it is read. What is skipped is reported with its path.
 */
import { constants } from 'node:fs';
import { lstat, open, readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { buildSite, isMilestonePath, isUpdatePath, type BuildResult, type SourceFile } from './build';
import { LIMITS } from './parse';

export interface ContentDir {
  updates: SourceFile[];
  /** `<team>/milestones/**.md`: milestone definitions (optional). */
  milestones: SourceFile[];
  teams?: SourceFile;
  aliases?: SourceFile;
  /** Paths not read, and why (symlink out of the folder, not a regular file, too large). */
  skipped: Array<{ path: string; reason: string; fatal: boolean }>;
}

/** Bytes read from one file at most: a report is far smaller (see LIMITS). */
const MAX_BYTES = LIMITS.chars * 4;
/** Folders below `<team>/updates/` and `<team>/milestones/` followed at most this deep. */
const MAX_DEPTH = 8;

type Entry = { kind: 'file' | 'dir'; real: string } | { kind: 'skip'; reason: string };

/**
 * Hidden names are editors' and tools' files, never reports: emacs' lock `.#2026-11-02.md` (a
 * dangling symlink while a file is being edited), swap and backup files, `.DS_Store`. Passed over
 * without a word, so `npm start` rebuilding on every save does not warn about them.
 */
function isEditorFile(name: string): boolean {
  return name.startsWith('.');
}

/** The file-system identity of a file read, to check its hard links against the tree. */
interface Identity {
  dev: number;
  ino: number;
  nlink: number;
}

/** What a path is, following a symlink only when it stays inside the content folder. */
async function inspect(realRoot: string, full: string): Promise<Entry> {
  let info;
  try {
    info = await lstat(full);
  } catch {
    // Not there (teams.yaml and aliases.yaml are optional; a folder may have no milestones/).
    return { kind: 'skip', reason: '' };
  }
  let real = full;
  if (info.isSymbolicLink()) {
    try {
      real = await realpath(full);
    } catch (error) {
      return { kind: 'skip', reason: (error as NodeJS.ErrnoException).code === 'ELOOP' ? 'symlink loop: not followed' : 'symlink to nothing: not followed' };
    }
    if (real !== realRoot && !real.startsWith(realRoot + path.sep)) return { kind: 'skip', reason: 'symlink out of the content folder: not followed' };
    info = await lstat(real);
  }
  if (info.isDirectory()) return { kind: 'dir', real };
  if (info.isFile()) return { kind: 'file', real };
  return { kind: 'skip', reason: 'not a regular file (fifo, socket or device): not read' };
}

/** A regular file's bytes, without following a last-moment symlink and without blocking on a fifo. */
async function readRegular(real: string): Promise<{ bytes: Uint8Array; identity: Identity } | string> {
  const handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile()) return 'not a regular file (fifo, socket or device): not read';
    if (info.size > MAX_BYTES) return `file too large: ${info.size} bytes (at most ${MAX_BYTES})`;
    const buffer = new Uint8Array(info.size);
    let offset = 0;
    while (offset < info.size) {
      const { bytesRead } = await handle.read(buffer, offset, info.size - offset, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    return { bytes: buffer.subarray(0, offset), identity: { dev: info.dev, ino: info.ino, nlink: info.nlink } };
  } finally {
    await handle.close();
  }
}

/** `<root>/<team>/updates/**.md` and `<root>/<team>/milestones/**.md`, plus `teams.yaml` and `aliases.yaml` at the root. */
export async function readContentDir(root: string): Promise<ContentDir> {
  const realRoot = await realpath(root);
  const dir: ContentDir = { updates: [], milestones: [], skipped: [] };
  const skip = (rel: string, reason: string, fatal = false) => dir.skipped.push({ path: rel, reason, fatal });
  /** Files read that have other names (hard links): checked against the tree once all is read. */
  const linked: Array<{ file: SourceFile; identity: Identity }> = [];
  const read = async (rel: string, full: string): Promise<SourceFile | undefined> => {
    const entry = await inspect(realRoot, full);
    if (entry.kind === 'skip') {
      if (entry.reason !== '') skip(rel, entry.reason);
      return undefined;
    }
    // Named like a report but a folder: say so rather than leave the week out without a word.
    if (entry.kind === 'dir') {
      skip(rel, 'a directory, not a file: not read');
      return undefined;
    }
    let value: Awaited<ReturnType<typeof readRegular>>;
    try {
      value = await readRegular(entry.real);
    } catch (error) {
      // Deleted or renamed since it was listed (a save during `npm start`'s rebuild): the
      // watcher rebuilds again with the folder as it is now.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      value = `cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
    }
    if (typeof value === 'string') {
      skip(rel, value, value.startsWith('file too large'));
      return undefined;
    }
    const file = { path: rel, value: value.bytes };
    if (value.identity.nlink > 1) linked.push({ file, identity: value.identity });
    return file;
  };
  /** The names in a folder; a folder that cannot be listed (a symlink out, a loop) is reported. */
  const list = async (rel: string, full: string): Promise<string[]> => {
    const entry = await inspect(realRoot, full);
    if (entry.kind === 'skip' && entry.reason !== '') skip(rel, entry.reason);
    if (entry.kind !== 'dir') return [];
    try {
      return (await readdir(entry.real)).sort();
    } catch {
      return [];
    }
  };

  for (const team of await list('.', realRoot)) {
    if (team.startsWith('.')) continue;
    const teamDir = path.join(realRoot, team);
    const teamEntry = await inspect(realRoot, teamDir);
    // A team folder not followed is said; other entries of the root are not read anyway (the
    // two YAML files are read, and reported, below).
    if (teamEntry.kind === 'skip' && teamEntry.reason.startsWith('symlink') && team !== 'teams.yaml' && team !== 'aliases.yaml') skip(team, teamEntry.reason);
    if (teamEntry.kind !== 'dir') continue;
    // The real folders being walked: a symlink back to one of them (inside content/, so followed)
    // would read the same files again at every level.
    const walking: string[] = [];
    /** Every file of a folder and the folders below it that `wanted` names, into `into`. */
    const walk = async (relDir: string, fullDir: string, depth: number, wanted: (rel: string) => boolean, into: SourceFile[]): Promise<void> => {
      if (depth > MAX_DEPTH) {
        skip(relDir, `folders nested more than ${MAX_DEPTH} deep: not read`);
        return;
      }
      walking.push(fullDir);
      for (const name of await list(relDir, fullDir)) {
        if (isEditorFile(name)) continue;
        const rel = `${relDir}/${name}`;
        const full = path.join(fullDir, name);
        const entry = await inspect(realRoot, full);
        if (entry.kind === 'dir' && walking.includes(entry.real)) skip(rel, 'symlink loop: not followed');
        else if (entry.kind === 'dir' && !wanted(rel)) await walk(rel, entry.real, depth + 1, wanted, into);
        else if (wanted(rel)) {
          const file = await read(rel, full);
          if (file) into.push(file);
        } else if (entry.kind === 'skip' && entry.reason !== '') skip(rel, entry.reason);
      }
      walking.pop();
    };
    // Reports, filed flat or in folders (by year, by month).
    await walk(`${team}/updates`, path.join(teamEntry.real, 'updates'), 0, isUpdatePath, dir.updates);
    await walk(`${team}/milestones`, path.join(teamEntry.real, 'milestones'), 0, isMilestonePath, dir.milestones);
  }
  for (const name of ['teams.yaml', 'aliases.yaml'] as const) {
    const file = await read(name, path.join(realRoot, name));
    if (file) dir[name === 'teams.yaml' ? 'teams' : 'aliases'] = file;
  }
  if (linked.length > 0) await refuseLinksOut(realRoot, dir, linked);
  return dir;
}

/**
 * A hard link is another name of the same file: one in content/ to `../.dev.vars` would publish
 * the secret, and no symlink check sees it. A file with more names (nlink) than the content
 * folder holds has a name outside it: it is not read.
 */
async function refuseLinksOut(realRoot: string, dir: ContentDir, linked: Array<{ file: SourceFile; identity: Identity }>): Promise<void> {
  const wanted = new Set(linked.map((l) => `${l.identity.dev}:${l.identity.ino}`));
  const inside = new Map<string, number>();
  // Every name in the tree, symlinks not followed (a symlink is not a link count).
  const count = async (full: string, depth: number): Promise<void> => {
    if (depth > 32) return;
    let entries;
    try {
      entries = await readdir(full, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const child = path.join(full, e.name);
      if (e.isDirectory()) await count(child, depth + 1);
      else if (e.isFile()) {
        const info = await lstat(child).catch(() => undefined);
        const id = info ? `${info.dev}:${info.ino}` : '';
        if (wanted.has(id)) inside.set(id, (inside.get(id) ?? 0) + 1);
      }
    }
  };
  await count(realRoot, 0);
  const refused = new Set<SourceFile>();
  for (const { file, identity } of linked) {
    const names = inside.get(`${identity.dev}:${identity.ino}`) ?? 0;
    if (names >= identity.nlink) continue;
    refused.add(file);
    dir.skipped.push({ path: file.path, reason: `hard link to a file outside the content folder (${identity.nlink} links, ${names} inside): not read`, fatal: false });
  }
  if (refused.size === 0) return;
  dir.updates = dir.updates.filter((f) => !refused.has(f));
  dir.milestones = dir.milestones.filter((f) => !refused.has(f));
  if (dir.teams && refused.has(dir.teams)) delete dir.teams;
  if (dir.aliases && refused.has(dir.aliases)) delete dir.aliases;
}

/** The paths a build did not read, as messages of their own (`path:1:1: warning|error: reason`). */
export function skippedFiles(dir: Pick<ContentDir, 'skipped'>): VFile[] {
  return dir.skipped.map((skipped) => {
    const file = new VFile({ path: skipped.path });
    const message = file.message(skipped.reason, { place: { line: 1, column: 1 }, ruleId: 'unsafe-file', source: 'tidings' });
    message.fatal = skipped.fatal;
    return file;
  });
}

export async function buildContentDir(root: string): Promise<BuildResult> {
  const dir = await readContentDir(root);
  const result = buildSite(dir.updates, dir);
  result.files.push(...skippedFiles(dir));
  return result;
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
