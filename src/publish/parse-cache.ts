/**
 * Incremental builds: the parse of each update file, cached by a hash of everything it
 * depends on (the file's path and bytes, the aliases, the team's day-month order, and the parser's own source code), in
 * memory for `npm start`'s rebuilds and on disk (`.cache/tidings/parse/`) across processes
 * and CI runs. A hit gives the same Update and replays the same messages, so output is
 * byte-identical to a clean build (test/publish/incremental.test.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { MarkdownParser } from '../content/markdown';
import type { Update } from '../content/model';
import type { MilestoneDefinition, ParseOptions } from '../content/parse';
import { recurrenceKey } from '../content/recurrence';
import { ownersDigest } from '../content/sections';
import type { WeekReading } from '../content/week';
import type { ModelCache } from './model-cache';

interface CachedMessage {
  reason: string;
  line?: number;
  column?: number;
  ruleId?: string;
  source?: string;
  fatal: boolean;
}

interface CachedParse {
  update: Update | null;
  messages: CachedMessage[];
  /** Title owners this parse added to its team's (in order), replayed on a hit. */
  claims?: Array<[string, string | null]>;
  /** What the file's date rested on (`file.data.week`), for the build's team-level pass over dates. */
  week?: WeekReading;
}

export type ParseUpdate = (file: VFile, options?: ParseOptions) => Update | undefined;
export type ParseDefinitions = (file: VFile, options?: ParseOptions) => MilestoneDefinition[] | undefined;

interface CachedDefinitions {
  definitions: MilestoneDefinition[] | null;
  messages: CachedMessage[];
}

function messagesSince(file: VFile, before: number): CachedMessage[] {
  return file.messages.slice(before).map((m) => ({
    reason: m.reason,
    ...(m.line !== undefined ? { line: m.line } : {}),
    ...(m.column !== undefined ? { column: m.column } : {}),
    ...(m.ruleId ? { ruleId: m.ruleId } : {}),
    ...(m.source ? { source: m.source } : {}),
    fatal: m.fatal === true,
  }));
}

/** The messages a parse left on its file, left again on a hit (the same report as a clean build). */
function replayMessages(file: VFile, messages: readonly CachedMessage[]): void {
  for (const m of messages) {
    const message = file.message(m.reason, {
      ...(m.line !== undefined ? { place: { line: m.line, column: m.column ?? 1 } } : {}),
      ...(m.ruleId ? { ruleId: m.ruleId } : {}),
      ...(m.source ? { source: m.source } : {}),
    });
    message.fatal = m.fatal;
  }
}

export interface ParseCacheStats {
  hits: number;
  misses: number;
}

/** Hash of the parser's source (src/content/**.ts): a parser change invalidates every entry. */
export async function parserVersion(contentSourceDir: string): Promise<string> {
  const hash = createHash('sha256');
  const names = (await readdir(contentSourceDir, { recursive: true })).map(String).filter((n) => n.endsWith('.ts')).sort();
  for (const name of names) hash.update(name).update('\0').update(await readFile(path.join(contentSourceDir, name))).update('\0');
  return hash.digest('hex').slice(0, 16);
}

export class ParseCache {
  /** Trees by text, for the files this cache's entries do not answer (and milestone definitions). */
  markdown?: MarkdownCache;
  /** The last build's whole model, taken when no input changed (./model-cache.ts). */
  model?: ModelCache;
  readonly #memory = new Map<string, CachedParse>();
  readonly #pending: Array<[string, CachedParse]> = [];
  stats: ParseCacheStats = { hits: 0, misses: 0 };
  /** Milestone definition files (wrapDefinitions). */
  definitionStats: ParseCacheStats = { hits: 0, misses: 0 };

  /** `dir`: where entries are kept across processes (none: memory only). */
  constructor(
    readonly version: string,
    readonly dir?: string,
  ) {}

  key(file: VFile, options: ParseOptions): string {
    const hash = createHash('sha256').update(this.version).update('\0').update(file.path).update('\0');
    hash.update(typeof file.value === 'string' ? file.value : new Uint8Array(file.value as Uint8Array));
    const text = typeof file.value === 'string' ? file.value : new TextDecoder().decode(file.value as Uint8Array);
    hash.update('\0').update(options.team ?? '').update('\0');
    const aliases = options.aliases ? [...options.aliases].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : [];
    hash.update(JSON.stringify(aliases));
    // What else the reading depends on: the team's names and reading hints (teams.yaml), and
    // the title owners of the team's earlier files (keys are qualified by them). Owners only
    // grow, in path order: after an edit, later files of that team hit again unless the edit
    // claimed a new title.
    // (A set of hints, `areas`, as its sorted words: JSON.stringify writes any Set as `{}`.)
    hash.update('\0').update(JSON.stringify(options.teamNames ?? [])).update('\0').update(JSON.stringify(options.hints ?? null, (_, v: unknown) => (v instanceof Set ? [...v].sort() : v)));
    hash.update('\0').update(options.owners ? ownersDigest(options.owners) : 'null');
    // And what recurs across the team's weeks (a new week can make a title recur).
    hash.update('\0').update(options.teamTitle ?? '').update('\0').update(recurrenceKey(options.recurrence, text));
    // How the team writes numeric dates, decided from all its file names.
    hash.update('\0').update(options.dayOrder ?? '');
    // The team's date a report without its own year is read near (a second reading, build.ts).
    hash.update('\0').update(options.near ?? '');
    return hash.digest('hex').slice(0, 40);
  }

  #lookup(key: string): CachedParse | undefined {
    const held = this.#memory.get(key);
    if (held || !this.dir) return held;
    try {
      const entry = JSON.parse(readFileSync(path.join(this.dir, `${key}.json`), 'utf8')) as CachedParse;
      this.#memory.set(key, entry);
      return entry;
    } catch {
      return undefined;
    }
  }

  /** A parseUpdate that answers from the cache, and fills it. */
  wrap(parse: ParseUpdate): ParseUpdate {
    return (file, options = {}) => {
      const key = this.key(file, options);
      const hit = this.#lookup(key);
      if (hit) {
        this.stats.hits++;
        replayMessages(file, hit.messages);
        if (options.owners) for (const [title, owner] of hit.claims ?? []) options.owners.set(title, owner);
        if (hit.week) file.data.week = { ...hit.week };
        // A copy: the build sorts and indexes what it is given.
        return hit.update ? (structuredClone(hit.update) as Update) : undefined;
      }
      this.stats.misses++;
      const before = file.messages.length;
      const ownersBefore = options.owners?.size ?? 0;
      const update = parse(file, options);
      const entry: CachedParse = {
        update: update ? (structuredClone(update) as Update) : null,
        claims: options.owners ? [...options.owners].slice(ownersBefore) : [],
        ...(file.data.week ? { week: { ...file.data.week } } : {}),
        messages: messagesSince(file, before),
      };
      this.#memory.set(key, entry);
      this.#pending.push([key, entry]);
      return update;
    };
  }

  /**
   * A parseMilestoneDefinitions that answers from the cache, and fills it: definition files are
   * read at every build, keyed like an update by their text and by what their keys depend on
   * (the team, the aliases, the title owners of the team's weeks).
   */
  wrapDefinitions(parse: ParseDefinitions): ParseDefinitions {
    return (file, options = {}) => {
      const hash = createHash('sha256').update(this.version).update('\0definitions\0').update(file.path).update('\0');
      hash.update(typeof file.value === 'string' ? file.value : new Uint8Array(file.value as Uint8Array));
      hash.update('\0').update(options.team ?? '').update('\0');
      hash.update(JSON.stringify(options.aliases ? [...options.aliases].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : []));
      hash.update('\0').update(options.owners ? ownersDigest(options.owners) : 'null');
      const key = `d-${hash.digest('hex').slice(0, 40)}`;
      const hit = this.#lookup(key) as CachedDefinitions | undefined;
      if (hit) {
        this.definitionStats.hits++;
        replayMessages(file, hit.messages);
        return hit.definitions ? (structuredClone(hit.definitions) as MilestoneDefinition[]) : undefined;
      }
      this.definitionStats.misses++;
      const before = file.messages.length;
      const definitions = parse(file, options);
      const entry: CachedDefinitions = { definitions: definitions ? structuredClone(definitions) : null, messages: messagesSince(file, before) };
      this.#memory.set(key, entry as unknown as CachedParse);
      this.#pending.push([key, entry as unknown as CachedParse]);
      return definitions;
    };
  }

  /** Writes the entries made since the last flush to disk. */
  async flush(): Promise<void> {
    await this.markdown?.flush();
    if (!this.dir || this.#pending.length === 0) return;
    await mkdir(this.dir, { recursive: true });
    for (const [key, entry] of this.#pending.splice(0)) {
      const file = path.join(this.dir, `${key}.json`);
      const partial = `${file}.${process.pid}.tmp`;
      await writeFile(partial, JSON.stringify(entry));
      await rename(partial, file);
    }
  }
}

/**
 * Hash of what an mdast depends on besides its text: the markdown pipeline
 * (src/content/markdown.ts) and the locked versions of remark and micromark (package-lock.json).
 * The rest of the reader can change without parsing any text again.
 */
export async function markdownVersion(rootDir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const file of ['src/content/markdown.ts', 'package-lock.json']) {
    hash.update(file).update('\0').update(await readFile(path.join(rootDir, file)).catch(() => Buffer.from('none'))).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * Markdown → mdast, once per text for the life of the cache: trees kept by a hash of the text
 * (and markdownVersion), gzipped JSON on disk under `dir` (none: in memory), so that a file whose
 * reading must be redone (its team's context changed, the reader's code changed) or a milestone
 * definition (read at every build) is not parsed again. Each call returns a tree of its own.
 */
export class MarkdownCache {
  readonly #memory = new Map<string, string>();
  readonly #pending: Array<[string, string]> = [];
  stats: ParseCacheStats = { hits: 0, misses: 0 };

  constructor(
    readonly version: string,
    readonly dir?: string,
  ) {}

  parse(text: string, parse: MarkdownParser): Root {
    const key = createHash('sha256').update(this.version).update('\0').update(text).digest('hex').slice(0, 40);
    let json = this.#memory.get(key);
    if (json === undefined && this.dir) {
      try {
        json = gunzipSync(readFileSync(path.join(this.dir, `${key}.json.gz`))).toString('utf8');
      } catch {
        // not kept yet
      }
    }
    if (json !== undefined) {
      this.stats.hits++;
      return JSON.parse(json) as Root;
    }
    this.stats.misses++;
    const tree = parse(text);
    json = JSON.stringify(tree);
    if (this.dir) this.#pending.push([key, json]);
    else this.#memory.set(key, json);
    return tree;
  }

  /** Writes the trees parsed since the last flush to disk. */
  async flush(): Promise<void> {
    if (!this.dir || this.#pending.length === 0) return;
    await mkdir(this.dir, { recursive: true });
    for (const [key, json] of this.#pending.splice(0)) {
      const file = path.join(this.dir, `${key}.json.gz`);
      const partial = `${file}.${process.pid}.tmp`;
      await writeFile(partial, gzipSync(json, { level: 1 }));
      await rename(partial, file);
    }
  }
}
