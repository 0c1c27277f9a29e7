/**
 * The site model of the last build, kept (`.cache/tidings/model/`) with what it was made from:
 * when every input is the same — each content file's path and bytes (reports, milestone
 * definitions, `teams.yaml`, `aliases.yaml`), the reader and the renderer (Tidings' source and
 * `package-lock.json`: rendererVersion), the parse cache's own version — the build takes the
 * model and the messages the reading left from here instead of reading the folder again (the
 * parse cache answers each file, but what recurs across a team's weeks, the dates and the
 * milestones are still worked out from all of them at every build). A clean output folder with
 * the caches kept (a CI run that restores `.cache/`) is the case. The output stays byte-identical
 * to a clean build's (test/publish/incremental.test.ts); one entry is kept, the last build's.
 *
 * The entry is four lines: its key, the messages (each file's path and messages), the render
 * memo's dependency keys of the model (render-memo.ts: a hash of every update, milestone and
 * status, the same for the same model, QUIET_WEEKS and code), the model as JSON (the very text
 * the build writes as the model file, which it is then written from).
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import type { ContentDir } from '../content/files';
import type { SiteModel } from '../content/model';
import type { RenderDependencies } from './node';

/** A message as formatMessages (src/content/files.ts) reads it. */
interface KeptMessage {
  reason: string;
  fatal: boolean;
  line?: number;
  column?: number;
  ruleId?: string;
}

/** A file's messages, standing in for its VFile where the build only formats them. */
export interface KeptFile {
  path: string;
  messages: KeptMessage[];
}

export interface KeptModel {
  site: SiteModel;
  /** The model's JSON as kept (without the final newline). */
  json: string;
  files: KeptFile[];
  dependencies?: RenderDependencies;
}

const FILE = 'model.txt';

export class ModelCache {
  constructor(readonly dir: string) {}

  /** The key of a build's model: every input of the reading, and the code. */
  static key(code: readonly string[], dir: Pick<ContentDir, 'updates' | 'milestones' | 'teams' | 'aliases'>): string {
    const hash = createHash('sha256').update('model v1\0');
    for (const part of code) hash.update(part).update('\0');
    const add = (kind: string, file: { path: string; value: Uint8Array | string } | undefined) => {
      hash.update(kind).update('\0');
      if (!file) return void hash.update('none\0');
      hash.update(file.path).update('\0').update(String(typeof file.value === 'string' ? 's' : 'b')).update(file.value).update('\0');
    };
    for (const f of dir.updates) add('update', f);
    for (const f of dir.milestones) add('milestones', f);
    add('teams', dir.teams);
    add('aliases', dir.aliases);
    return hash.digest('hex').slice(0, 32);
  }

  /** The kept model, if it was made from `key`. */
  read(key: string): KeptModel | undefined {
    let text: string;
    try {
      text = readFileSync(path.join(this.dir, FILE), 'utf8');
    } catch {
      return undefined;
    }
    const first = text.indexOf('\n');
    if (first < 0 || text.slice(0, first) !== key) return undefined;
    const second = text.indexOf('\n', first + 1);
    const third = second < 0 ? -1 : text.indexOf('\n', second + 1);
    if (third < 0 || !text.endsWith('\n')) return undefined;
    try {
      const files = JSON.parse(text.slice(first + 1, second)) as KeptFile[];
      const dependencies = JSON.parse(text.slice(second + 1, third)) as RenderDependencies | null;
      const json = text.slice(third + 1, -1);
      return { site: JSON.parse(json) as SiteModel, json, files, ...(dependencies ? { dependencies } : {}) };
    } catch {
      return undefined;
    }
  }

  /** Keeps a build's model (`json`: JSON.stringify of it), its files' messages and its dependency keys, written aside and renamed. */
  write(key: string, json: string, files: readonly KeptFile[], dependencies: RenderDependencies | undefined): void {
    mkdirSync(this.dir, { recursive: true });
    const target = path.join(this.dir, FILE);
    const partial = `${target}.${process.pid}-${randomUUID().slice(0, 8)}.tmp`;
    writeFileSync(partial, `${key}\n${JSON.stringify(files)}\n${JSON.stringify(dependencies ?? null)}\n${json}\n`);
    renameSync(partial, target);
  }
}

/** The messages of the files that have some, as kept. */
export function keptMessages(files: readonly VFile[]): KeptFile[] {
  const kept: KeptFile[] = [];
  for (const file of files) {
    if (file.messages.length === 0) continue;
    kept.push({
      path: file.path,
      messages: file.messages.map((m) => ({
        reason: m.reason,
        fatal: m.fatal === true,
        ...(m.line !== undefined && m.line !== null ? { line: m.line } : {}),
        ...(m.column !== undefined && m.column !== null ? { column: m.column } : {}),
        ...(m.ruleId ? { ruleId: m.ruleId } : {}),
      })),
    });
  }
  return kept;
}
