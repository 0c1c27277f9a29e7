/**
 * `npm run explain -- <file | team> [--content DIR] [--json] [--items]`: how Tidings understood a report.
 *
 * For a file: the outline as read — each part's level, key and item counts by kind, what fell
 * to notes, what was read as structure (labels, document titles, "None", evidence links), and
 * the warnings with their lines. For a team: the key table across weeks (key, level, weeks
 * seen, titles seen), so a milestone split into several keys shows at once; with `--json
 * --items`, each of its files' reports too (one build for a whole folder).
 *
 * A file is given by its path (`content/atlas/updates/2026-10-05.md`); a team by its folder
 * (`content/atlas`, `../shared/reports/nomos`) or by its name under `--content` (default
 * `content/`). The whole content folder is built, so keys are exactly those of the build.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildContentDir, ITEM_KINDS, isSection, outlineNodes, slugify, teamSlug, type BuildResult, type Milestone, type OutlineNode } from '../src/content';
import { entryKinds, kindsGuessed } from '../src/content/sections';

/** The content root and what to explain in it. */
function locate(arg: string, content: string | undefined): { root: string; file?: string; team?: string } {
  if (existsSync(arg) && statSync(arg).isFile()) {
    const full = path.resolve(arg);
    // <root>/<team>/updates/<name>.md, or in folders below updates/
    const parts = full.split(path.sep);
    const updates = parts.lastIndexOf('updates');
    const root = content ? path.resolve(content) : updates > 1 ? parts.slice(0, updates - 1).join(path.sep) : path.dirname(path.dirname(path.dirname(full)));
    return { root, file: path.relative(root, full).split(path.sep).join('/') };
  }
  if (existsSync(arg) && statSync(arg).isDirectory() && existsSync(path.join(arg, 'updates'))) {
    const full = path.resolve(arg);
    return { root: path.dirname(full), team: path.basename(full) };
  }
  return { root: path.resolve(content ?? 'content'), team: arg };
}

interface NodeReport {
  line: number;
  level: string;
  title: string;
  key?: string;
  form: string;
  depth: number;
  items: Record<string, number>;
}

function counts(node: OutlineNode, neutral: 'achieved' | 'progress'): Record<string, number> {
  const out: Record<string, number> = {};
  const kinds = isSection(node) ? entryKinds(node.entries, undefined, neutral) : node.entries.map((e) => e.kind ?? 'notes');
  for (const kind of kinds) out[kind] = (out[kind] ?? 0) + 1;
  if (node.workItems.length > 0) out['work items'] = node.workItems.length;
  return out;
}

function explainFile(result: BuildResult, file: string) {
  const update = result.parsed.find((u) => u.source === file);
  const outline = result.outlines.get(file);
  const vfile = result.files.find((f) => f.path === file);
  const messages = (vfile?.messages ?? []).map((m) => ({ line: m.line ?? 1, column: m.column ?? 1, severity: m.fatal ? 'error' : 'warning', message: m.reason, rule: m.ruleId }));
  if (!update || !outline) return { file, messages, nodes: [], items: [], notes: [], summary: [], structure: [] };
  const depthOf = (n: OutlineNode) => {
    let d = 0;
    for (let p = n.parent; p && p.role !== 'root'; p = p.parent) d++;
    return d;
  };
  const nodes: NodeReport[] = outlineNodes(outline)
    .filter((n) => n.role !== 'root')
    .map((n) => ({ line: n.line, level: n.role, title: n.title, ...(n.key ? { key: n.key } : {}), form: n.form, depth: depthOf(n), items: counts(n, outline.saysDone ? 'achieved' : 'progress') }));
  // Items whose kind nothing said (no label, sentence, parent item or frame): the default's.
  const guessed = new Set(outlineNodes(outline).filter(isSection).flatMap((n) => kindsGuessed(n.entries).flatMap((g, i) => (g ? [n.entries[i]!.item] : []))));
  return {
    file,
    id: update.id,
    date: update.date,
    title: update.title,
    nodes,
    /** Every item of every part, in the order of the file: what each line was read as. */
    items: update.sections
      .flatMap((s) => ITEM_KINDS.flatMap((kind) => s.items[kind].map((i) => ({ line: i.line, part: s.key, kind, text: i.text, ...(guessed.has(i) ? { guessed: true } : {}) }))))
      .sort((a, b) => a.line - b.line),
    summary: (update.summary ?? []).map((i) => ({ line: i.line, text: i.text })),
    /** Lines that head a group of a part's items, no part and no item (a member's name, an issue's title over its work). */
    workItems: update.sections.flatMap((s) => s.workItems.map((w) => ({ line: w.line, part: s.key, text: w.text }))).sort((a, b) => a.line - b.line),
    notes: update.notes.map((i) => ({ line: i.line, text: i.text })),
    structure: outline.structure,
    messages,
  };
}

/** Title words that say something (a reworded title shares most of them). */
function titleWords(title: string): Set<string> {
  return new Set(slugify(title).split('-').filter((w) => w.length > 2 && !/^\d+$/.test(w)));
}

/**
 * Keys that may be one part reworded: under the same parent, one stops the week before the
 * other starts, their titles share at least half their words, and neither has another such
 * candidate. Not decided by the build
 * (a new part can look like an old one): listed with an `aliases.yaml` line to confirm.
 */
function possibleRenames(milestones: Milestone[], dates: string[]) {
  const next = (date: string) => dates[dates.indexOf(date) + 1];
  const out: Array<{ from: string; to: string; fromTitle: string; toTitle: string; alias: string }> = [];
  for (const a of milestones) {
    for (const b of milestones) {
      if (a === b || a.parentKey !== b.parentKey || next(a.lastSeen) !== b.firstSeen) continue;
      const [x, y] = [titleWords(a.title), titleWords(b.title)];
      const shared = [...x].filter((w) => y.has(w)).length;
      if (shared > 0 && shared >= Math.max(x.size, y.size) / 2) out.push({ from: a.key, to: b.key, fromTitle: a.title, toTitle: b.title, alias: `${a.key}: ${b.key}` });
    }
  }
  // One to one only: "Research" under five parents that stop, and five that start, is no rename to suggest.
  const count = (f: (r: (typeof out)[number]) => string) => out.reduce((m, r) => m.set(f(r), (m.get(f(r)) ?? 0) + 1), new Map<string, number>());
  const [froms, tos] = [count((r) => r.from), count((r) => r.to)];
  return out.filter((r) => froms.get(r.from) === 1 && tos.get(r.to) === 1);
}

function explainTeam(result: BuildResult, team: string) {
  const slug = teamSlug(team);
  const milestones = result.site.milestones.filter((m) => m.team === slug);
  const updates = result.site.updates.filter((u) => u.team === slug);
  const weeks = updates.length;
  const continuity = updates.flatMap((u) => (result.outlines.get(u.source)?.continuity ?? []).map((d) => ({ week: u.date, ...d })));
  return {
    team: slug,
    weeks,
    continuity,
    renames: possibleRenames(milestones, [...new Set(updates.map((u) => u.date))].sort()),
    keys: milestones
      .map((m) => ({ key: m.key, level: m.level, weeks: m.weeks.length, first: m.firstSeen, last: m.lastSeen, titles: m.titles, ...(m.parentKey ? { parent: m.parentKey } : {}) }))
      .sort((a, b) => b.weeks - a.weeks || (a.key < b.key ? -1 : 1)),
    messages: result.files
      .filter((f) => f.path.startsWith(`${team}/`))
      .flatMap((f) => f.messages.map((m) => `${f.path}:${m.line ?? 1}:${m.column ?? 1}: ${m.fatal ? 'error' : 'warning'}: ${m.reason}`)),
  };
}

const cut = (text: string, n: number) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

/**
 * Runs explain on command-line arguments, printing each line with `print` (console.log on the
 * command line; tests collect the lines in the same process). Returns the exit code.
 */
export async function explain(argv: string[], print: (line: string) => void = console.log): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { content: { type: 'string' }, json: { type: 'boolean', default: false }, items: { type: 'boolean', default: false } },
  });
  const target = positionals[0];
  if (!target) {
    console.error('usage: npm run explain -- <file.md | team folder | team> [--content DIR] [--json] [--items]');
    return 2;
  }
  const where = locate(target, values.content);
  const result = await buildContentDir(where.root);
  if (where.file) {
    const report = explainFile(result, where.file);
    if (values.json) print(JSON.stringify(report, null, 2));
    else {
      print(`${report.file}${'id' in report ? ` → ${report.id} (week of ${report.date}) “${report.title}”` : ' (not published: see the errors)'}\n`);
      print('line  level          title → key                                       items');
      for (const n of report.nodes) {
        const items = Object.entries(n.items)
          .sort(([a], [b]) => ITEM_KINDS.indexOf(a as never) - ITEM_KINDS.indexOf(b as never))
          .map(([k, v]) => `${v} ${k}`)
          .join(', ');
        const label = `${'  '.repeat(n.depth)}${cut(n.title, 48)}${n.key ? ` → ${n.key}` : ''}`;
        print(`${String(n.line).padStart(4)}  ${n.level.padEnd(13)}  ${label.padEnd(58)}  ${items}`);
      }
      if (values.items && report.items.length > 0) {
        print(`\nitems (${report.items.length}), by line:`);
        for (const i of report.items) print(`  ${String(i.line).padStart(4)}  ${i.kind.padEnd(9)} ${cut(i.text, 80).padEnd(81)}  (${i.part})`);
      }
      if (report.summary.length > 0) print(`\nsummary (${report.summary.length}):\n${report.summary.map((i) => `  ${i.line}: ${cut(i.text, 90)}`).join('\n')}`);
      print(`\nnotes, outside every milestone and workstream (${report.notes.length})${report.notes.length ? ':' : ''}`);
      for (const i of report.notes) print(`  ${i.line}: ${cut(i.text, 90)}`);
      if (report.structure.length > 0) print(`\nread as structure, not items (${report.structure.length}):\n${report.structure.map((s) => `  ${s.line}: ${s.what} “${cut(s.text, 70)}”`).join('\n')}`);
      if (report.messages.length > 0) print(`\nmessages:\n${report.messages.map((m) => `  ${m.line}:${m.column}: ${m.severity}: ${m.message}`).join('\n')}`);
    }
  } else {
    const report = explainTeam(result, where.team!);
    if (report.keys.length === 0 && report.weeks === 0) {
      console.error(`no updates of team “${where.team}” in ${where.root}`);
      return 1;
    }
    // --json --items on a team: every week's file as `explain <file> --json` gives it, from one build.
    const files = values.json && values.items ? result.parsed.filter((u) => u.source.startsWith(`${where.team}/`)).map((u) => explainFile(result, u.source)) : undefined;
    if (values.json) print(JSON.stringify(files ? { ...report, files } : report, null, 2));
    else {
      print(`team ${report.team}: ${report.weeks} updates, ${report.keys.length} milestone keys (most weeks first)\n`);
      print('weeks  first       last        level          key  ·  titles seen');
      for (const k of report.keys) {
        print(`${String(k.weeks).padStart(5)}  ${k.first}  ${k.last}  ${k.level.padEnd(13)}  ${k.key}  ·  ${k.titles.map((t) => `“${cut(t, 40)}”`).join(', ')}`);
      }
      if (report.continuity.length > 0) {
        print(`\nkeys kept across weeks (${report.continuity.length}):`);
        for (const d of report.continuity) print(`  ${d.week}:${d.line}  “${cut(d.title, 40)}” would be ${d.derived}; ${d.why}`);
      }
      if (report.renames.length > 0) {
        print(`\nmaybe one part reworded (confirm with a line in content/aliases.yaml under \`aliases:\`):`);
        for (const r of report.renames) print(`  “${cut(r.fromTitle, 40)}” → “${cut(r.toTitle, 40)}”   ${r.alias}`);
      }
      if (report.messages.length > 0) print(`\nmessages:\n${report.messages.map((m) => `  ${m}`).join('\n')}`);
    }
  }
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = await explain(process.argv.slice(2));
