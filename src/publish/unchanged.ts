/**
 * A build that finds nothing changed does nothing: `npm run build` first compares what the last
 * successful build was made from — the content folder (each file's size and mtime, and its
 * bytes' hash when those moved), the configuration, the options, the build's own code — and
 * what it left (the names in the output folder, its manifests, the model file) with what is
 * there now. When all of it is the same it prints the last build's messages again and stops,
 * without loading the parser or the renderer. Anything else runs the (incremental) build.
 *
 * Only Node built-ins here: this module is what a no-change build loads.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import path from 'node:path';

/** What a build is asked to do: every option that changes what it writes. */
export interface BuildRequest {
  content: string;
  out: string;
  model?: string | undefined;
  config: string;
  siteUrl?: string | undefined;
}

type Stamp = [size: number, mtimeMs: number];

export interface BuildRecord {
  version: 1;
  request: BuildRequest;
  /** The build's code: src/, emails/, the build script and the lock file (size, mtime). */
  code: Record<string, Stamp>;
  /** Every file of the content folder: size, mtime, hash of its bytes. */
  content: Record<string, [...Stamp, string]>;
  /** Other files the output depends on or consists of (configuration, manifests, model). */
  files: Record<string, Stamp>;
  /** Hash of the sorted names in the output folder. */
  listing: string;
  /** What the build printed: messages (stderr) and its summary line (stdout). */
  messages: string;
  summary: string;
}

const stampOf = (s: Stats): Stamp => [s.size, s.mtimeMs];
const sameStamp = (a: readonly (number | string)[] | undefined, b: Stamp | undefined) => a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];

/** A missing file has a stamp too: it must still be missing. */
function fileStamp(file: string): Stamp {
  const s = statOrUndefined(file);
  return s ? stampOf(s) : [-1, -1];
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/** Files under `dir` (relative, `/`-separated); undefined when one is a symbolic link (not followed here: no shortcut then). */
function listFiles(dir: string): string[] | undefined {
  let entries;
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const e of entries) {
    if (e.isSymbolicLink()) return undefined;
    if (e.isFile()) files.push(path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
  }
  return files.sort();
}

/** Size and mtime of the build's own code, under the project root. */
export function codeStamps(root: string): Record<string, Stamp> {
  const stamps: Record<string, Stamp> = {};
  for (const dir of ['src', 'emails']) {
    for (const name of listFiles(path.join(root, dir)) ?? []) {
      if (name.startsWith('generated/')) continue;
      const s = statOrUndefined(path.join(root, dir, name));
      if (s) stamps[`${dir}/${name}`] = stampOf(s);
    }
  }
  for (const name of ['package-lock.json', 'scripts/build-static.ts']) {
    const s = statOrUndefined(path.join(root, name));
    if (s) stamps[name] = stampOf(s);
  }
  return stamps;
}

function sameRecord<T>(a: Record<string, T>, b: Record<string, T>, same: (x: T, y: T) => boolean): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) if (!(k in b) || !same(a[k]!, b[k]!)) return false;
  return true;
}

/** The other files a build reads (its configuration) or leaves besides the output folder. */
function trackedFiles(request: BuildRequest): string[] {
  const out = request.out.replace(/\/+$/, '');
  return [request.config, `${out}.manifest.json`, `${out}.render.json`, ...(request.model ? [request.model] : [])];
}

export function recordPath(out: string): string {
  return `${out.replace(/\/+$/, '')}.build.json`;
}

const listingHash = (names: readonly string[]) => createHash('sha256').update(names.join('\n')).digest('hex').slice(0, 32);
const bytesHash = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex').slice(0, 32);

/**
 * The content folder as it is now, for the record: taken before a build reads it, so that a file
 * saved during the build is seen by the next one. Undefined when the folder has symbolic links.
 */
export function snapshotContent(content: string): BuildRecord['content'] | undefined {
  const names = listFiles(content);
  if (!names) return undefined;
  const stamps: BuildRecord['content'] = {};
  for (const name of names) {
    const full = path.join(content, name);
    try {
      const s = statSync(full);
      stamps[name] = [s.size, s.mtimeMs, bytesHash(readFileSync(full))];
    } catch {
      // Gone since it was listed: not recorded, so the next build runs.
    }
  }
  return stamps;
}

/**
 * The last build's record when nothing it was made from or left has changed since, else
 * undefined. A content file whose mtime moved but whose bytes are the same (a checkout, a
 * save without edits) counts as unchanged.
 */
export function unchangedSince(request: BuildRequest, root: string): BuildRecord | undefined {
  let record: BuildRecord;
  try {
    record = JSON.parse(readFileSync(recordPath(request.out), 'utf8')) as BuildRecord;
  } catch {
    return undefined;
  }
  if (record.version !== 1 || JSON.stringify(record.request) !== JSON.stringify(request)) return undefined;
  if (!sameRecord(record.code, codeStamps(root), sameStamp)) return undefined;
  const tracked = trackedFiles(request);
  if (tracked.length !== Object.keys(record.files).length) return undefined;
  for (const file of tracked) if (!sameStamp(record.files[file], fileStamp(file))) return undefined;
  const names = listFiles(request.content);
  if (!names || names.length !== Object.keys(record.content).length) return undefined;
  for (const name of names) {
    const was = record.content[name];
    if (!was) return undefined;
    const full = path.join(request.content, name);
    const s = statOrUndefined(full);
    if (!s) return undefined;
    if (sameStamp(was, stampOf(s))) continue;
    if (s.size !== was[0] || bytesHash(readFileSync(full)) !== was[2]) return undefined;
  }
  const listing = listFiles(request.out);
  if (!listing || listingHash(listing) !== record.listing) return undefined;
  return record;
}

/** Forgets the last build: called before a build writes anything (one stopped half-way is never taken for done). */
export function forgetRecord(out: string): void {
  rmSync(recordPath(out), { force: true });
}

/** Stores what a successful build was made from and left (`content`: taken before it read the folder). */
export function writeRecord(
  request: BuildRequest,
  content: BuildRecord['content'],
  code: BuildRecord['code'],
  printed: { messages: string; summary: string },
): void {
  const listing = listFiles(request.out);
  if (!listing) return;
  const files: BuildRecord['files'] = {};
  for (const file of trackedFiles(request)) files[file] = fileStamp(file);
  const record: BuildRecord = { version: 1, request, code, content, files, listing: listingHash(listing), ...printed };
  const target = recordPath(request.out);
  const partial = `${target}.${process.pid}.tmp`;
  writeFileSync(partial, `${JSON.stringify(record)}\n`);
  renameSync(partial, target);
}
