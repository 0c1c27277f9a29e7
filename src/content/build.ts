/**
 * A folder's worth of source files → the site model. Pure: the caller reads the files
 * (scripts/build-content.ts) and prints the messages left on each VFile.
 */
import { createHash } from 'node:crypto';
import { VFile } from 'vfile';
import YAML from 'yaml';
import type { Milestone, SiteModel, Team, Update } from './model';
import { slugify } from './keys';
import { fail, parseMilestoneDefinitions, parseUpdate } from './parse';

export interface SourceFile {
  /** Path relative to the content root, with `/` separators: `<team>/updates/YYYY-MM-DD.md`. */
  path: string;
  value: Uint8Array | string;
}

export interface BuildResult {
  site: SiteModel;
  /** One VFile per input (config files included); messages with `fatal: true` are errors. */
  files: VFile[];
  /** Every update parsed, drafts included (the model itself excludes drafts). */
  parsed: Update[];
}

const UPDATE_PATH = /^([^/]+)\/updates\/[^/]+\.md$/;
/** What derivedKey() produces: a URL slug. */
const MILESTONE_KEY = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

export function isUpdatePath(path: string): boolean {
  return UPDATE_PATH.test(path);
}

const MILESTONE_PATH = /^([^/]+)\/milestones\/.+\.md$/;

export function isMilestonePath(path: string): boolean {
  return MILESTONE_PATH.test(path);
}

export function buildSite(
  sources: SourceFile[],
  config: {
    teams?: SourceFile;
    aliases?: SourceFile;
    milestones?: SourceFile[];
    /** parseUpdate with a cache in front, for incremental builds (src/publish/parse-cache.ts). */
    parseUpdate?: typeof parseUpdate;
  } = {},
): BuildResult {
  const files: VFile[] = [];
  const aliases = config.aliases ? readAliases(config.aliases, files) : new Map<string, string>();
  const teamInfo = config.teams ? readTeams(config.teams, files) : {};

  const parsed: Update[] = [];
  const byId = new Map<string, Update>();
  for (const source of [...sources].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const file = new VFile({ path: source.path, value: source.value });
    files.push(file);
    const update = (config.parseUpdate ?? parseUpdate)(file, { team: UPDATE_PATH.exec(source.path)?.[1], aliases });
    if (!update) continue;
    const other = byId.get(update.id);
    if (other && other.hash === update.hash) {
      // A byte-identical copy under another name loses nothing when skipped: say so, go on.
      file.message(`same team, date and content as ${other.source}: skipped as a copy`, { place: { line: 1, column: 1 }, ruleId: 'duplicate-copy', source: 'tidings' });
      continue;
    }
    if (other) {
      fail(file, `two files for team \`${update.team}\` and date ${update.date}: this one and ${other.source}`, { line: 1, column: 1 }, 'duplicate-update');
      continue;
    }
    byId.set(update.id, update);
    parsed.push(update);
  }

  const updates = parsed
    .filter((u) => !u.draft)
    .sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.team < b.team ? -1 : a.team > b.team ? 1 : 0));
  const teamSlugs = [...new Set([...updates.map((u) => u.team), ...Object.keys(teamInfo)])].sort();
  const teams: Team[] = teamSlugs.map((slug) => ({
    slug,
    name: teamInfo[slug]?.name ?? slug.charAt(0).toUpperCase() + slug.slice(1),
    ...(teamInfo[slug]?.description ? { description: teamInfo[slug]!.description } : {}),
  }));
  const milestones = indexMilestones(updates);
  describeMilestones(milestones, config.milestones ?? [], aliases, files);
  const body = { teams, updates, milestones };
  const version = createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 16);
  return { site: { version, ...body }, files, parsed };
}

/**
 * Milestone definition files give reported milestones their description. Keys are decided as
 * in the updates; the first definition of a key (in path order) wins.
 */
function describeMilestones(milestones: Milestone[], sources: SourceFile[], aliases: ReadonlyMap<string, string>, files: VFile[]): void {
  const byKey = new Map(milestones.map((m) => [m.key, m]));
  for (const source of [...sources].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const file = new VFile({ path: source.path, value: source.value });
    files.push(file);
    for (const definition of parseMilestoneDefinitions(file, { team: MILESTONE_PATH.exec(source.path)?.[1], aliases }) ?? []) {
      const milestone = byKey.get(definition.key);
      if (!milestone || milestone.description !== undefined) continue;
      if (!milestone.titles.some((t) => sameTitle(t, definition.title))) {
        // A definition linking to another milestone's tracker: say so rather than mislabel it.
        file.message(
          `“${definition.title}” links to milestone ${definition.key}, which the updates call “${milestone.title}”: description not used`,
          { place: { line: definition.line, column: 1 }, ruleId: 'definition-mismatch', source: 'tidings' },
        );
        continue;
      }
      milestone.description = definition.description;
      milestone.definedIn = definition.source;
    }
  }
}

/** Titles that share at least half their words ("Milestone" and numbering aside). */
function sameTitle(a: string, b: string): boolean {
  const words = (t: string) => new Set(slugify(t).split('-').filter((w) => w !== '' && w !== 'milestone' && !/^\d+$/.test(w)));
  const [x, y] = [words(a), words(b)];
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared > 0 && shared >= Math.min(x.size, y.size) / 2;
}

/** Every milestone across weeks, from the published updates. */
export function indexMilestones(updates: Update[]): Milestone[] {
  const byKey = new Map<string, Milestone>();
  const oldestFirst = [...updates].reverse();
  for (const update of oldestFirst) {
    for (const section of update.sections) {
      let m = byKey.get(section.key);
      if (!m) {
        m = {
          key: section.key,
          title: section.title,
          titles: [],
          team: update.team,
          level: section.level,
          weeks: [],
          firstSeen: update.date,
          lastSeen: update.date,
        };
        byKey.set(section.key, m);
      }
      m.title = section.title;
      if (!m.titles.includes(section.title)) m.titles.push(section.title);
      if (section.trackerUrl) m.trackerUrl = section.trackerUrl;
      if (section.parentKey) m.parentKey = section.parentKey;
      else delete m.parentKey;
      m.level = section.level;
      if (!m.weeks.includes(update.id)) m.weeks.push(update.id);
      m.lastSeen = update.date;
    }
  }
  return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
}

function readYamlConfig(source: SourceFile, files: VFile[]): { file: VFile; value: unknown } | undefined {
  const file = new VFile({ path: source.path, value: source.value });
  files.push(file);
  const text = typeof source.value === 'string' ? source.value : new TextDecoder().decode(source.value);
  const lineCounter = new YAML.LineCounter();
  const doc = YAML.parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const pos = lineCounter.linePos(e.pos[0]);
      fail(file, `invalid YAML: ${e.message.split('\n')[0]}`, { line: pos.line, column: pos.col }, 'invalid-yaml');
    }
    return undefined;
  }
  return { file, value: doc.toJS() };
}

/** content/aliases.yaml: `aliases: { old-key: current-key }`. */
function readAliases(source: SourceFile, files: VFile[]): Map<string, string> {
  const aliases = new Map<string, string>();
  const read = readYamlConfig(source, files);
  if (!read || read.value == null) return aliases;
  const map = (read.value as { aliases?: unknown }).aliases;
  if (map === undefined || map === null) return aliases;
  if (typeof map !== 'object' || Array.isArray(map)) {
    fail(read.file, '`aliases` must map old milestone keys to current ones', { line: 1, column: 1 }, 'invalid-aliases');
    return aliases;
  }
  const lines = String(read.file.value).split('\n');
  const lineOf = (key: string) => Math.max(lines.findIndex((l) => l.includes(`${key}:`) || l.includes(`"${key}"`)) + 1, 1);
  for (const [from, to] of Object.entries(map)) {
    if (typeof to !== 'string' || !MILESTONE_KEY.test(to.trim()) || !MILESTONE_KEY.test(from.trim())) {
      fail(
        read.file,
        `alias \`${from}\`: ${JSON.stringify(to)} — both sides must be milestone keys (lowercase letters, digits and "-", as in /milestones/<key>)`,
        { line: lineOf(from), column: 1 },
        'invalid-aliases',
      );
      continue;
    }
    aliases.set(from.trim(), to.trim());
  }
  return aliases;
}

/** content/teams.yaml: `<slug>: { name, description }`. */
function readTeams(source: SourceFile, files: VFile[]): Record<string, { name?: string; description?: string }> {
  const read = readYamlConfig(source, files);
  if (!read || read.value == null) return {};
  if (typeof read.value !== 'object' || Array.isArray(read.value)) {
    fail(read.file, 'teams.yaml must map team slugs to `{ name, description }`', { line: 1, column: 1 }, 'invalid-teams');
    return {};
  }
  const teams: Record<string, { name?: string; description?: string }> = {};
  for (const [slug, info] of Object.entries(read.value as Record<string, unknown>)) {
    const i = (info ?? {}) as Record<string, unknown>;
    teams[slug] = {
      ...(typeof i.name === 'string' ? { name: i.name } : {}),
      ...(typeof i.description === 'string' ? { description: i.description } : {}),
    };
  }
  return teams;
}
