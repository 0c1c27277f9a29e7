/**
 * A folder's worth of source files → the site model. Pure: the caller reads the files
 * (src/content/files.ts readContentDir, scripts/build-static.ts) and prints the messages left on each VFile.
 */
import { createHash } from 'node:crypto';
import { VFile } from 'vfile';
import YAML from 'yaml';
import type { Milestone, SiteModel, Team, Update } from './model';
import { slugify } from './keys';
import type { Outline, ReadingHints, Recurrence } from './outline';
import { fail, humanise, parseMilestoneDefinitions, parseUpdate, teamSlug } from './parse';
import { recurrenceOf } from './recurrence';
import { copyOwners, type TitleOwners } from './sections';
import { dateIn, dateName, mondayOf, settleDates, teamDayOrders } from './week';
import { indexMilestones } from './milestones';

// A module of its own (model types only): the Worker's tests index milestones
// without loading the markdown pipeline.
export { indexMilestones };

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
  /** How each update was read (by source path): for `npm run explain` and the tests. */
  outlines: Map<string, Outline>;
  /** Per team, which parent owns each title's bare key (see TitleOwners): pass it to parseUpdate to key one more file alike. */
  owners: Map<string, TitleOwners>;
  /** Per team folder, what recurs across its weeks (./recurrence.ts): pass it to parseUpdate to read one more file alike. */
  recurrence: Map<string, Recurrence>;
}

/** `<team>/updates/<name>.md`, or filed in folders below `updates/` (`2025/January.md`). */
const UPDATE_PATH = /^([^/]+)\/updates\/(?:[^/]+\/)*[^/]+\.md$/;
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
    /** parseMilestoneDefinitions with a cache in front, likewise. */
    parseMilestoneDefinitions?: typeof parseMilestoneDefinitions;
  } = {},
): BuildResult {
  const files: VFile[] = [];
  const aliases = config.aliases ? readAliases(config.aliases, files) : new Map<string, string>();
  const teamInfo = config.teams ? readTeams(config.teams, files) : {};
  const infoOf = (folder: string | undefined, slug: string) => (folder !== undefined ? teamInfo[folder] : undefined) ?? teamInfo[slug];

  // In path order (date order for files named by date): keys are decided as the weeks came,
  // with each team's title owners (see TitleOwners), so adding a week never changes an older key.
  const parse = config.parseUpdate ?? parseUpdate;
  const folders = new Map<string, string>();
  const owners = new Map<string, TitleOwners>();
  const ownersOf = (team: string): TitleOwners => {
    let o = owners.get(team);
    if (!o) owners.set(team, (o = new Map()));
    return o;
  };
  const parsed: Update[] = [];
  const outlines = new Map<string, Outline>();
  const byId = new Map<string, Update>();
  const byWeek = new Map<string, Update>();
  const named = (u: Update) => u.source.split('/').pop()!.replace(/\.md$/, '') === u.date;
  const reId = (u: Update, file: VFile | undefined) => {
    const suffix = slugify(u.source.split('/').pop()!.replace(/\.md$/, '')) || u.hash.slice(0, 8);
    u.id = `${u.team}/${u.date}-${suffix}`;
    u.permalink = `/updates/${u.team}/${u.date}-${suffix}`;
    return file;
  };
  // Each team's weeks read together first: what recurs across them is structure (./recurrence.ts).
  const textsByFolder = new Map<string, string[]>();
  for (const source of sources) {
    const folder = UPDATE_PATH.exec(source.path)?.[1];
    if (folder === undefined) continue;
    const texts = textsByFolder.get(folder) ?? [];
    texts.push(typeof source.value === 'string' ? source.value : new TextDecoder().decode(source.value));
    textsByFolder.set(folder, texts);
  }
  const recurrence = new Map([...textsByFolder].map(([folder, texts]) => [folder, recurrenceOf(texts)]));
  // How each team writes numeric dates (`01-10-2025`), from all its file names.
  const dayOrders = teamDayOrders(sources.map((s) => s.path));
  const read: Array<[VFile, Update]> = [];
  /** Per team folder, the date of the last report read. */
  const lastDates = new Map<string, string>();
  // Date order where the file names say it (`…-01-24-2025.md` after `2024-12-13-….md`), else path
  // order: keys, continuity and rewordings are decided as the weeks came.
  const nameDate = (p: string) => {
    const folder = UPDATE_PATH.exec(p)?.[1];
    const order = folder !== undefined ? dayOrders.get(folder)?.order : undefined;
    return dateIn(dateName(p), order ? { order } : {}) ?? '';
  };
  // Within a team's folder: dated names by date, then the others by path.
  const sortKey = new Map(sources.map((s) => {
    const folder = UPDATE_PATH.exec(s.path)?.[1];
    return [s.path, folder === undefined ? s.path : `${s.path.slice(0, s.path.indexOf(folder) + folder.length)}\0${nameDate(s.path) || '~'}\0${s.path}`];
  }));
  const inOrder = (a: SourceFile, b: SourceFile) => {
    const [ka, kb] = [sortKey.get(a.path)!, sortKey.get(b.path)!];
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };
  for (const source of [...sources].sort(inOrder)) {
    const file = new VFile({ path: source.path, value: source.value });
    files.push(file);
    const folder = UPDATE_PATH.exec(source.path)?.[1];
    const info = folder !== undefined ? infoOf(folder, teamSlug(folder)) : undefined;
    const order = folder !== undefined ? dayOrders.get(folder) : undefined;
    if (order?.note?.path === source.path) file.info(order.note.reason, { place: { line: 1, column: 1 }, ruleId: 'date-order', source: 'tidings' });
    const options = {
      ...(folder !== undefined ? { team: folder } : {}),
      aliases,
      teamNames: info?.name ? [info.name] : [],
      ...(info?.name || folder !== undefined ? { teamTitle: info?.name ?? humanise(folder!) } : {}),
      ...(info?.hints ? { hints: info.hints } : {}),
      ...(folder !== undefined && recurrence.has(folder) ? { recurrence: recurrence.get(folder)! } : {}),
      ...(order ? { dayOrder: order.order } : {}),
      owners: ownersOf(folder !== undefined ? teamSlug(folder) : ''),
      outlines,
    };
    let update = parse(file, options);
    // A report that dates itself without the year (`Week 10 (Nov 10 - Nov 17)`) and names no
    // other date: read again with the team's last date, whose year (or the one either side) it takes.
    const near = folder !== undefined ? lastDates.get(folder) : undefined;
    if (!update && near && file.messages.some((m) => m.ruleId === 'missing-date')) {
      const again = new VFile({ path: source.path, value: source.value });
      const second = parse(again, { ...options, near });
      if (second) {
        files[files.length - 1] = again;
        update = second;
      }
    }
    if (!update) continue;
    if (folder !== undefined) lastDates.set(folder, update.date);
    if (folder !== undefined && !folders.has(update.team)) folders.set(update.team, folder);
    read.push([file, update]);
  }
  settleDates(read);
  for (const [file, update] of read) {
    const other = byId.get(update.id);
    if (other && (other.hash === update.hash || (other.html === update.html && other.title === update.title))) {
      // A copy under another name (byte for byte, or but for blank space the page does not
      // show, such as the last line's end) loses nothing when skipped: say so, go on.
      file.message(`same team, date and content as ${other.source}: skipped as a copy`, { place: { line: 1, column: 1 }, ruleId: 'duplicate-copy', source: 'tidings' });
      continue;
    }
    if (other) {
      // Two documents of one team for one date: both published; the one named by the date keeps the plain id.
      const [kept, moved] = named(update) && !named(other) ? [update, other] : [other, update];
      byId.delete(other.id);
      reId(moved, undefined);
      byId.set(kept.id, kept);
      byId.set(moved.id, moved);
      const movedFile = files.find((f) => f.path === moved.source)!;
      movedFile.message(`another document of team \`${moved.team}\` has the date ${moved.date} (${kept.source}): both are published, this one as ${moved.id}`, { place: { line: 1, column: 1 }, ruleId: 'same-week', source: 'tidings' });
    } else {
      const sameWeek = byWeek.get(`${update.team}/${mondayOf(update.date)}`);
      if (sameWeek) {
        file.message(`another document of team \`${update.team}\` is in the week of ${mondayOf(update.date)} (${sameWeek.source}): both are published`, { place: { line: 1, column: 1 }, ruleId: 'same-week', source: 'tidings' });
      }
      byId.set(update.id, update);
    }
    byWeek.set(`${update.team}/${mondayOf(update.date)}`, update);
    parsed.push(update);
  }

  const updates = parsed
    .filter((u) => !u.draft)
    .sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.team < b.team ? -1 : a.team > b.team ? 1 : a.id < b.id ? -1 : 1));
  const configured = Object.keys(teamInfo).map((name) => teamSlug(name));
  const teamSlugs = [...new Set([...updates.map((u) => u.team), ...configured])].sort();
  const teams: Team[] = teamSlugs.map((slug) => {
    const folder = folders.get(slug) ?? Object.keys(teamInfo).find((name) => teamSlug(name) === slug) ?? slug;
    const info = infoOf(folder, slug);
    return {
      slug,
      name: info?.name ?? humanise(folder),
      ...(info?.description ? { description: info.description } : {}),
    };
  });
  const milestones = indexMilestones(updates);
  describeMilestones(milestones, config.milestones ?? [], aliases, files, owners, config.parseMilestoneDefinitions ?? parseMilestoneDefinitions);
  const body = { teams, updates, milestones };
  const version = createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 16);
  return { site: { version, ...body }, files, parsed, outlines, owners, recurrence };
}


/**
 * Milestone definition files give reported milestones their description. Keys are decided as
 * in the updates; the first definition of a key (in path order) wins.
 */
function describeMilestones(
  milestones: Milestone[],
  sources: SourceFile[],
  aliases: ReadonlyMap<string, string>,
  files: VFile[],
  owners: ReadonlyMap<string, TitleOwners>,
  parseDefinitions: typeof parseMilestoneDefinitions,
): void {
  const byKey = new Map(milestones.map((m) => [m.key, m]));
  for (const source of [...sources].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const file = new VFile({ path: source.path, value: source.value });
    files.push(file);
    const folder = MILESTONE_PATH.exec(source.path)?.[1];
    // A copy of the team's owners: a definition file never changes how updates are keyed.
    const found = folder !== undefined ? owners.get(teamSlug(folder)) : undefined;
    for (const definition of parseDefinitions(file, { ...(folder !== undefined ? { team: folder } : {}), aliases, ...(found ? { owners: copyOwners(found) } : {}) }) ?? []) {
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
  try {
    return { file, value: doc.toJS({ maxAliasCount: 100 }) };
  } catch (error) {
    fail(file, `invalid YAML: ${error instanceof Error ? error.message : String(error)}`, { line: 1, column: 1 }, 'invalid-yaml');
    return undefined;
  }
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

interface TeamConfig {
  name?: string;
  description?: string;
  hints?: ReadingHints;
}

const HINT_KINDS = new Set(['achieved', 'progress', 'next', 'risks', 'blockers']);

/**
 * content/teams.yaml: `<folder or slug>: { name, description, reading }`. `reading` is the
 * escape hatch for what no rule can know: `kinds` (extra label words → kind), `areas`
 * (heading titles that are areas), `milestone-level` (the heading level that names milestones),
 * `numbered` (reports numbered, not dated: report 1's date and how often the team reports).
 */
function readTeams(source: SourceFile, files: VFile[]): Record<string, TeamConfig> {
  const read = readYamlConfig(source, files);
  if (!read || read.value == null) return {};
  if (typeof read.value !== 'object' || Array.isArray(read.value)) {
    fail(read.file, 'teams.yaml must map team folders to `{ name, description, reading }`', { line: 1, column: 1 }, 'invalid-teams');
    return {};
  }
  const teams: Record<string, TeamConfig> = {};
  for (const [slug, info] of Object.entries(read.value as Record<string, unknown>)) {
    const i = (info ?? {}) as Record<string, unknown>;
    const reading = (i.reading ?? {}) as Record<string, unknown>;
    const hints: ReadingHints = {};
    if (reading.kinds && typeof reading.kinds === 'object') {
      const kinds: Record<string, 'achieved' | 'progress' | 'next' | 'risks' | 'blockers'> = {};
      for (const [word, kind] of Object.entries(reading.kinds as Record<string, unknown>)) {
        if (typeof kind === 'string' && HINT_KINDS.has(kind)) kinds[word.toLowerCase()] = kind as 'achieved';
        else fail(read.file, `team \`${slug}\`: kind word \`${word}\` must map to one of ${[...HINT_KINDS].join(', ')}`, { line: 1, column: 1 }, 'invalid-teams');
      }
      hints.kinds = kinds;
    }
    if (Array.isArray(reading.areas)) hints.areas = new Set(reading.areas.filter((a): a is string => typeof a === 'string').map((a) => a.toLowerCase()));
    const level = reading['milestone-level'];
    if (typeof level === 'number' && level >= 1 && level <= 6) hints.milestoneLevel = level;
    if (reading.numbered !== undefined) {
      const n = (reading.numbered ?? {}) as Record<string, unknown>;
      const first = n.first instanceof Date ? n.first.toISOString().slice(0, 10) : typeof n.first === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(n.first) ? n.first : undefined;
      const every = n.every ?? 'week';
      if (first && (every === 'week' || every === 'fortnight' || every === 'month')) hints.numbered = { first, every };
      else fail(read.file, `team \`${slug}\`: \`numbered\` must be \`{ first: YYYY-MM-DD, every: week | fortnight | month }\` (report 1's date, how often the team reports)`, { line: 1, column: 1 }, 'invalid-teams');
    }
    teams[slug] = {
      ...(typeof i.name === 'string' ? { name: i.name } : {}),
      ...(typeof i.description === 'string' ? { description: i.description } : {}),
      ...(Object.keys(hints).length > 0 ? { hints } : {}),
    };
  }
  return teams;
}
