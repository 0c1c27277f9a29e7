/**
 * Rendered files kept in the build's cache folder (`.cache/tidings/render/`), for a build into a
 * clean output folder whose caches were kept (a CI run that restores `.cache/`, a fresh checkout
 * of a content repository): a group of files (a milestone's, an update's page, the site's:
 * render-memo.ts) whose dependency key is the one its files were rendered with gets them from
 * here instead of rendering them again. The output stays byte-identical to a clean build's
 * (test/publish/incremental.test.ts).
 *
 * A group's files come in runs of the build's path list (a milestone's page and badge, then its
 * feeds and their archives; the site's pages, then its feeds…): each run is one segment file,
 * named by the build key, the group's dependency key and the run's first file, written when the
 * run was rendered whole and read back whole. A segment is a JSON line (each file's name,
 * pattern, hash and length, and the patterns' headers) followed by the files' bytes. What one
 * build holds is one run's files at a time. After a build, segments it neither read nor wrote
 * are removed: the store holds one build's worth. A segment that cannot be read as written is a
 * miss.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A file of a segment: its bytes and content hash (the writer's), the `_headers` pattern it is served under. */
export interface StoredFile {
  bytes: Uint8Array;
  hash: string;
  pattern: string;
}

interface SegmentHead {
  v: 1;
  files: Array<[file: string, pattern: string, hash: string, length: number]>;
  headers: Record<string, Record<string, string>>;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

export class RenderStore {
  /** Segment names read or written by this build (the rest are removed by `prune`). */
  readonly #touched = new Set<string>();
  #made = false;

  constructor(
    readonly dir: string,
    /** The build as a whole (renderer, configuration, aliases): a segment of another build is never read. */
    readonly build: string,
  ) {}

  #name(dependency: string, firstFile: string): string {
    return `${this.build.slice(0, 16)}-${dependency.slice(0, 32)}-${createHash('sha256').update(firstFile).digest('hex').slice(0, 16)}.seg`;
  }

  /** The run of files that starts with `firstFile`, rendered with `dependency`, if it was kept. */
  read(dependency: string, firstFile: string): { files: Map<string, StoredFile>; headers: Record<string, Record<string, string>> } | undefined {
    const name = this.#name(dependency, firstFile);
    let data: Buffer;
    try {
      data = readFileSync(path.join(this.dir, name));
    } catch {
      return undefined;
    }
    const newline = data.indexOf(10);
    if (newline < 0) return undefined;
    let head: SegmentHead;
    try {
      head = JSON.parse(decoder.decode(data.subarray(0, newline))) as SegmentHead;
    } catch {
      return undefined;
    }
    if (head.v !== 1 || head.files[0]?.[0] !== firstFile) return undefined;
    const files = new Map<string, StoredFile>();
    let at = newline + 1;
    for (const [file, pattern, hash, length] of head.files) {
      if (at + length > data.byteLength) return undefined;
      files.set(file, { bytes: data.subarray(at, at + length), hash, pattern });
      at += length;
    }
    if (at !== data.byteLength) return undefined;
    this.#touched.add(name);
    return { files, headers: head.headers };
  }

  /** Keeps a run rendered whole (its files in path order), written aside and renamed. */
  write(dependency: string, files: ReadonlyArray<{ file: string } & StoredFile>, headers: Record<string, Record<string, string>>): void {
    if (files.length === 0) return;
    if (!this.#made) {
      mkdirSync(this.dir, { recursive: true });
      this.#made = true;
    }
    const name = this.#name(dependency, files[0]!.file);
    const head: SegmentHead = { v: 1, files: files.map((f) => [f.file, f.pattern, f.hash, f.bytes.byteLength]), headers };
    const target = path.join(this.dir, name);
    const partial = `${target}.${process.pid}-${randomUUID().slice(0, 8)}.tmp`;
    writeFileSync(partial, Buffer.concat([encoder.encode(`${JSON.stringify(head)}\n`), ...files.map((f) => f.bytes)]));
    renameSync(partial, target);
    this.#touched.add(name);
  }

  /** A run this build kept in the output folder as the last build wrote it: its segment, if any, stays. */
  keep(dependency: string, firstFile: string): void {
    this.#touched.add(this.#name(dependency, firstFile));
  }

  /** Removes the segments this build did not use (other builds', milestones changed since). */
  prune(): void {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return;
    }
    for (const name of names) if (name.endsWith('.seg') && !this.#touched.has(name)) rmSync(path.join(this.dir, name), { force: true });
  }
}
