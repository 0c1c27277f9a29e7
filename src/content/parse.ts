/**
 * One weekly markdown file → one `Update`, with every problem reported on the VFile as a
 * message carrying line and column (fatal ones are errors, the rest warnings).
 */
import { createHash } from 'node:crypto';
import type { Heading, Root, Yaml } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import YAML, { LineCounter, isMap, isScalar } from 'yaml';
import { decodeUtf8 } from './decode';
import { extractSections } from './extract';
import type { Update } from './model';
import { renderDocument } from './render';

const markdown = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

export interface ParseOptions {
  /** Team slug from the path (`content/<team>/updates/…`); front matter `team:` overrides it. */
  team?: string;
  /** Milestone aliases: old key → current key. */
  aliases?: ReadonlyMap<string, string>;
}

type Place = { line: number; column: number };

export const TEAM_SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

export function fail(file: VFile, reason: string, place: Place, ruleId: string): void {
  const message = file.message(reason, { place, ruleId, source: 'tidings' });
  message.fatal = true;
}

// C0 controls other than tab/LF/CR, and DEL: invalid in XML feeds, invisible in pages.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Text, mdast and front matter of a markdown file; undefined when it cannot be read (messages say why). */
function readDocument(file: VFile, what: string): { text: string; tree: Root; meta: FrontMatter } | undefined {
  const text = readText(file);
  if (text === undefined) return undefined;
  if (text.trim() === '') {
    fail(file, `empty file: ${what}`, { line: 1, column: 1 }, 'empty-file');
    return undefined;
  }
  const tree = markdown.parse(text) as Root;
  const yamlNode = tree.children[0]?.type === 'yaml' ? (tree.children[0] as Yaml) : undefined;
  const meta = readFrontMatter(file, yamlNode);
  return meta === undefined ? undefined : { text, tree, meta };
}

/** Returns the update, or undefined when the file has errors (they are on `file.messages`). */
export function parseUpdate(file: VFile, options: ParseOptions = {}): Update | undefined {
  const doc = readDocument(file, 'a weekly update needs at least a date and some content');
  if (!doc) return undefined;
  const { text, tree, meta } = doc;

  const team = typeof meta.values.team === 'string' && meta.values.team.trim() !== '' ? meta.values.team.trim() : options.team;
  if (!team) {
    fail(file, 'no team: put the file under content/<team>/updates/ or set `team:` in the front matter', { line: 1, column: 1 }, 'missing-team');
    return undefined;
  }
  if (!TEAM_SLUG.test(team)) {
    // The team is part of URLs (/teams/<team>) and of subscription scopes (team:<team>).
    const where = meta.values.team !== undefined ? meta.place('team') : { line: 1, column: 1 };
    fail(file, `team \`${team}\` is not a slug: use lowercase letters, digits and "-" (as in the folder name content/<team>/)`, where, 'invalid-team');
    return undefined;
  }
  const date = resolveDate(file, meta, tree);
  const lastmod = meta.values.lastmod === undefined ? undefined : checkDate(file, meta, 'lastmod');
  if (date === undefined || (meta.values.lastmod !== undefined && lastmod === undefined)) return undefined;
  if (lastmod !== undefined && lastmod < date) {
    file.message(`lastmod ${lastmod} is before the update's date ${date}`, { place: meta.place('lastmod'), ruleId: 'lastmod-before-date', source: 'tidings' });
  }

  const { sections, notes } = extractSections(tree, file, { team, aliases: options.aliases ?? new Map() });
  // Title: front matter, else the document's own `# Heading`, else team and week.
  const h1 = tree.children.find((n): n is Heading => n.type === 'heading' && n.depth === 1);
  const title =
    typeof meta.values.title === 'string' && meta.values.title.trim() !== ''
      ? meta.values.title.trim()
      : (h1 && toString(h1).trim()) || `${team} — week of ${date}`;
  return {
    id: `${team}/${date}`,
    team,
    date,
    title,
    permalink: `/updates/${team}/${date}`,
    ...(lastmod !== undefined ? { lastmod } : {}),
    draft: meta.values.draft === true || meta.values.draft === 'true',
    source: file.path,
    sections,
    notes,
    html: renderDocument(tree),
    hash: createHash('sha256').update(text).digest('hex').slice(0, 16),
  };
}

function readText(file: VFile): string | undefined {
  let text: string;
  if (typeof file.value === 'string') {
    text = file.value;
  } else {
    const decoded = decodeUtf8(file.value);
    if (!decoded.ok) {
      fail(file, `not UTF-8: invalid byte 0x${file.value[decoded.offset]!.toString(16).padStart(2, '0')} at byte ${decoded.offset}; save the file as UTF-8`, decoded, 'not-utf8');
      return undefined;
    }
    text = decoded.text;
  }
  if (CONTROL_CHARS.test(text)) {
    const lines = text.split('\n');
    lines.forEach((lineText, i) => {
      const at = lineText.search(CONTROL_CHARS);
      if (at >= 0) {
        file.message('control character removed (it is invalid in feeds)', { place: { line: i + 1, column: at + 1 }, ruleId: 'control-character', source: 'tidings' });
      }
    });
    text = text.replace(CONTROL_CHARS, '');
  }
  file.value = text;
  return text;
}

interface FrontMatter {
  values: Record<string, unknown>;
  /** Position of a front matter key, for messages (line 1 when there is no front matter). */
  place(key: string): Place;
}

function readFrontMatter(file: VFile, node: Yaml | undefined): FrontMatter | undefined {
  if (!node) return { values: {}, place: () => ({ line: 1, column: 1 }) };
  // The YAML starts on the line after the opening `---`.
  const firstLine = (node.position?.start.line ?? 1) + 1;
  const lineCounter = new LineCounter();
  const doc = YAML.parseDocument(node.value, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): Place => {
    const pos = lineCounter.linePos(offset);
    return { line: firstLine + pos.line - 1, column: pos.col };
  };
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      fail(file, `invalid YAML front matter: ${error.message.split('\n')[0]}`, at(error.pos[0]), 'invalid-front-matter');
    }
    return undefined;
  }
  const contents = doc.contents;
  if (contents !== null && !isMap(contents)) {
    fail(file, 'invalid front matter: expected `key: value` pairs', { line: firstLine, column: 1 }, 'invalid-front-matter');
    return undefined;
  }
  const values = (doc.toJS() ?? {}) as Record<string, unknown>;
  return {
    values,
    place(key) {
      const pair = contents?.items.find((p) => isScalar(p.key) && p.key.value === key);
      const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
      return range ? at(range[0]) : { line: firstLine, column: 1 };
    },
  };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function validIsoDate(value: string): string | undefined {
  const m = ISO_DATE.exec(value.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

function checkDate(file: VFile, meta: FrontMatter, key: 'date' | 'lastmod'): string | undefined {
  const raw = meta.values[key];
  const value = raw instanceof Date ? raw.toISOString().slice(0, 10) : typeof raw === 'string' ? validIsoDate(raw) : undefined;
  if (value === undefined) {
    fail(file, `unparseable \`${key}\`: ${JSON.stringify(raw)} is not a YYYY-MM-DD date`, meta.place(key), `invalid-${key}`);
  }
  return value;
}

/** Front matter `date`, else the file name (`YYYY-MM-DD….md`), else the first dated heading. */
function resolveDate(file: VFile, meta: FrontMatter, tree: Root): string | undefined {
  const fromName = /^(\d{4}-\d{2}-\d{2})/.exec(file.basename ?? '')?.[1];
  if (meta.values.date !== undefined && meta.values.date !== null) {
    const date = checkDate(file, meta, 'date');
    if (date && fromName && fromName !== date) {
      file.message(`front matter date ${date} differs from the file name's ${fromName}; using ${date}`, { place: meta.place('date'), ruleId: 'date-mismatch', source: 'tidings' });
    }
    return date;
  }
  if (fromName) {
    const valid = validIsoDate(fromName);
    if (valid) return valid;
    fail(file, `file name starts with ${fromName}, which is not a calendar date, and the front matter has no \`date\``, { line: 1, column: 1 }, 'invalid-date');
    return undefined;
  }
  for (const node of tree.children) {
    if (node.type !== 'heading') continue;
    const heading = node.children.map((c) => ('value' in c ? c.value : '')).join('').trim();
    const valid = validIsoDate(heading);
    if (valid) return valid;
  }
  fail(file, 'missing date: set `date: YYYY-MM-DD` in the front matter or name the file YYYY-MM-DD.md', { line: 1, column: 1 }, 'missing-date');
  return undefined;
}

/** What a milestone definition file (content/<team>/milestones/…) says about one milestone. */
export interface MilestoneDefinition {
  key: string;
  title: string;
  /** Line of its heading, for messages. */
  line: number;
  /** Sanitized HTML: the paragraphs under its heading. */
  description: string;
  source: string;
}

/**
 * A milestone definition file: one or more milestones (and deliverables) with a description
 * each. Keys are decided exactly as in the updates, so definitions meet their weekly entries.
 */
export function parseMilestoneDefinitions(file: VFile, options: ParseOptions = {}): MilestoneDefinition[] | undefined {
  const doc = readDocument(file, 'a milestone definition needs a heading and a description');
  if (!doc) return undefined;
  const team = typeof doc.meta.values.team === 'string' && doc.meta.values.team.trim() !== '' ? doc.meta.values.team.trim() : options.team;
  if (!team) {
    fail(file, 'no team: put the file under content/<team>/milestones/ or set `team:` in the front matter', { line: 1, column: 1 }, 'missing-team');
    return undefined;
  }
  const { sections } = extractSections(doc.tree, file, { team, aliases: options.aliases ?? new Map() });
  // A definition's unlabelled paragraphs (progress, in an update) are its description.
  const described = (s: (typeof sections)[number]) => [...s.items.progress, ...s.items.notes].sort((a, b) => a.line - b.line);
  return sections
    .filter((s) => described(s).length > 0)
    .map((s) => ({
      key: s.key,
      title: s.title,
      line: s.line,
      description: described(s)
        .slice(0, 4)
        .map((n) => `<p>${n.html}</p>`)
        .join(''),
      source: file.path,
    }));
}
