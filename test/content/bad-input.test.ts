import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/content';
import { tree } from '../publish/output-tree';
import { build, errorsOf, warningsOf } from './helpers';

const GOOD = `---
title: Good week
date: 2026-01-05
---
## [Search](https://github.com/acme/roadmap/issues/1)

- _achieved:_
  - shipped it
`;

describe('bad input gets a clear answer with file:line:col', () => {
  it('invalid YAML front matter names the line of the problem', () => {
    const result = build({
      'acme/updates/2026-01-12.md': '---\ntitle: Broken\ntags: [a, b\ndate: 2026-01-12\n---\n\nText\n',
    });
    const errors = errorsOf(result);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^acme\/updates\/2026-01-12\.md:[345]:\d+: invalid YAML front matter: /);
    expect(result.site.updates).toEqual([]);
  });

  it('flat `key: value` lines YAML refuses (a colon in an unquoted title) are read line by line, with a warning that names the line', () => {
    const result = build({
      'acme/updates/2016-01-04.md': '---\ntitle: Web Working Group Recap 9: the tag pages\nauthor: warren\ndate: 2016-01-04\n---\n\n## Plots2\n\n- Fixed the tag pages\n',
    });
    expect(errorsOf(result)).toEqual([]);
    expect(warningsOf(result)).toEqual([expect.stringMatching(/^acme\/updates\/2016-01-04\.md:2:\d+: front matter is not valid YAML \(.*\): read as one `key: value` a line$/)]);
    const [u] = result.site.updates;
    expect(u!.title).toBe('Web Working Group Recap 9: the tag pages');
    expect(u!.date).toBe('2016-01-04');
  });

  it('front matter that is not key: value pairs', () => {
    const errors = errorsOf(build({ 'acme/updates/2026-01-12.md': '---\n- just\n- a list\n---\ntext\n' }));
    expect(errors).toEqual(['acme/updates/2026-01-12.md:2:1: invalid front matter: expected `key: value` pairs']);
  });

  it('an unparseable date is a warning at the date line; the week comes from the other evidence', () => {
    const result = build({ 'acme/updates/2026-01-12.md': '---\ntitle: x\ndate: 2026-13-45\n---\ntext\n' });
    expect(errorsOf(result)).toEqual([]);
    expect(warningsOf(result)).toEqual(['acme/updates/2026-01-12.md:3:1: front matter `date` "2026-13-45" is not a date: the week comes from the other evidence']);
    expect(result.site.updates.map((u) => u.id)).toEqual(['acme/2026-01-12']);
  });

  it('an unparseable lastmod is a warning at its line, and ignored', () => {
    const result = build({ 'acme/updates/2026-01-12.md': '---\ndate: 2026-01-12\nlastmod: last tuesday\n---\ntext\n' });
    expect(errorsOf(result)).toEqual([]);
    expect(warningsOf(result)).toEqual(['acme/updates/2026-01-12.md:3:1: `lastmod` "last tuesday" is not a YYYY-MM-DD date: ignored']);
    expect(result.site.updates[0]!.lastmod).toBeUndefined();
  });

  it('a missing date (no front matter date, no date in the file name, title or first heading) is an error', () => {
    const errors = errorsOf(build({ 'acme/updates/notes.md': '---\ntitle: x\n---\ntext\n' }));
    expect(errors).toEqual([
      "acme/updates/notes.md:1:1: missing date: name the file YYYY-MM-DD.md, or set `date: YYYY-MM-DD` in the front matter, or put the date in the title (reports numbered, not dated: give report 1's date in teams.yaml, `reading: { numbered: { first: YYYY-MM-DD, every: week } }`)",
    ]);
  });

  it('takes the date from the file name when the front matter has none, and from a dated heading last', () => {
    const result = build({
      'acme/updates/2026-02-02.md': 'No front matter at all.\n',
      'acme/updates/weekly.md': '# 2026-02-09\n\nSome text.\n',
    });
    expect(errorsOf(result)).toEqual([]);
    expect(result.site.updates.map((u) => u.id)).toEqual(['acme/2026-02-09', 'acme/2026-02-02']);
  });

  it('two documents of one team for one date: both published, each with its own stable id, with a warning', () => {
    const result = build({
      'acme/updates/2026-01-05.md': GOOD,
      'acme/updates/2026-01-05-again.md': GOOD.replace('shipped it', 'shipped it twice'),
    });
    expect(errorsOf(result)).toEqual([]);
    expect(warningsOf(result)).toEqual([
      'acme/updates/2026-01-05-again.md:1:1: another document of team `acme` has the date 2026-01-05 (acme/updates/2026-01-05.md): both are published, this one as acme/2026-01-05-2026-01-05-again',
    ]);
    expect(result.site.updates.map((u) => [u.id, u.permalink]).sort()).toEqual([
      ['acme/2026-01-05', '/updates/acme/2026-01-05'],
      ['acme/2026-01-05-2026-01-05-again', '/updates/acme/2026-01-05-2026-01-05-again'],
    ]);
  });

  it('a file that is not UTF-8 names the line and column of the first bad byte', () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('---\ndate: 2026-01-05\n---\n## Caf'), 0xe9, ...new TextEncoder().encode(' au lait\n')]);
    const errors = errorsOf(build({ 'acme/updates/2026-01-05.md': latin1 }));
    expect(errors).toEqual(['acme/updates/2026-01-05.md:4:7: not UTF-8: invalid byte 0xe9 at byte 31; save the file as UTF-8']);
  });

  it('an empty file', () => {
    for (const empty of ['', '\n\n   \n']) {
      const errors = errorsOf(build({ 'acme/updates/2026-01-05.md': empty }));
      expect(errors).toEqual(['acme/updates/2026-01-05.md:1:1: empty file: a weekly update needs at least a date and some content']);
    }
  });

  it('one bad file never hides the problems of another, nor the good ones', () => {
    const result = build({
      'acme/updates/2026-01-05.md': GOOD,
      'acme/updates/2026-01-12.md': '',
      'acme/updates/2026-01-19.md': '---\ndate: 2026-02-30\n---\ntext\n',
      'zeta/updates/2026-01-19.md': '---\ntitle: "unclosed\n---\ntext\n',
    });
    const errors = errorsOf(result);
    expect(errors.map((e) => e.split(':')[0])).toEqual(['acme/updates/2026-01-12.md', 'zeta/updates/2026-01-19.md']);
    // 2026-02-30 is no date: a warning, and the file name dates the update.
    expect(warningsOf(result).map((e) => e.split(':')[0])).toEqual(['acme/updates/2026-01-19.md']);
    expect(result.parsed.map((u) => u.id)).toEqual(['acme/2026-01-05', 'acme/2026-01-19']);
  });

  it('warnings do not fail the build: an unknown section kind; work outside every milestone is the team’s own', () => {
    const result = build({
      'acme/updates/2026-01-05.md': `---
date: 2026-01-05
---
- _achieved:_
  - something before any milestone

## [Search](https://github.com/acme/roadmap/issues/1)

- _weather:_
  - cheerful
`,
    });
    expect(errorsOf(result)).toEqual([]);
    expect(warningsOf(result)).toEqual(['acme/updates/2026-01-05.md:9:1: unknown section kind `weather`: its items are kept as notes']);
    const [update] = result.site.updates;
    // An achievement before any named part belongs to the team's own part (keyed by the team).
    expect(update!.sections.map((s) => [s.key, s.title])).toEqual([
      ['acme', 'Acme'],
      ['acme-roadmap-1', 'Search'],
    ]);
    expect(update!.sections[0]!.items.achieved.map((n) => n.text)).toEqual(['something before any milestone']);
    expect(update!.notes).toEqual([]);
    expect(update!.sections[1]!.items.notes.map((n) => n.text)).toEqual(['cheerful']);
  });

  it('a team folder of any name: the URL slug is derived, the display name is the folder', () => {
    const named = build({ 'acme/updates/2026-01-05.md': '---\ndate: 2026-01-05\nteam: Acme Corp\n---\ntext\n' });
    expect(errorsOf(named)).toEqual([]);
    expect(named.site.updates.map((u) => u.id)).toEqual(['acme-corp/2026-01-05']);
    const folder = build({ 'innovation_lab/updates/2026-01-05.md': GOOD, 'Big Team/updates/2026-01-05.md': GOOD });
    expect(errorsOf(folder)).toEqual([]);
    expect(folder.site.teams).toEqual([
      { slug: 'big-team', name: 'Big Team' },
      { slug: 'innovation-lab', name: 'Innovation lab' },
    ]);
    expect(errorsOf(build({ '___/updates/2026-01-05.md': GOOD }))).toEqual(['___/updates/2026-01-05.md:1:1: team `___` has no letters or digits to make a URL slug of']);
  });

  it('an alias that does not name milestone keys', () => {
    const result = buildSite([{ path: 'acme/updates/2026-01-05.md', value: GOOD }], {
      aliases: { path: 'aliases.yaml', value: 'aliases:\n  acme-search: acme-search-v2\n  acme-launch: "Launch Plan"\n' },
    });
    expect(errorsOf(result)).toEqual([
      'aliases.yaml:3:1: alias `acme-launch`: "Launch Plan" — both sides must be milestone keys (lowercase letters, digits and "-", as in /milestones/<key>)',
    ]);
  });

  it('drafts are parsed and checked but excluded from everything', () => {
    const result = build({ 'acme/updates/2026-01-05.md': GOOD.replace('title: Good week', 'title: Good week\ndraft: true') });
    expect(errorsOf(result)).toEqual([]);
    expect(result.parsed).toHaveLength(1);
    expect(result.site.updates).toEqual([]);
    expect(result.site.milestones).toEqual([]);
  });
});

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

describe('npm run build (scripts/build.mjs: the build from its bundle)', () => {
  it('prints path:line:col: error lines, no stack trace, exits 1 and writes nothing', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'tidings-bad-'));
    await mkdir(path.join(dir, 'acme/updates'), { recursive: true });
    await writeFile(path.join(dir, 'acme/updates/2026-01-05.md'), GOOD);
    await writeFile(path.join(dir, 'acme/updates/2026-01-12.md'), '---\ndate: 2026-01-12\ntags: [a\n---\nx\n');
    await writeFile(path.join(dir, 'acme/updates/2026-01-19.md'), '');
    const out = path.join(dir, 'public');
    const model = path.join(dir, 'site.json');
    const failure = await run(process.execPath, ['scripts/build.mjs', '--content', dir, '--out', out, '--model', model], { cwd: ROOT, env: { ...process.env, TIDINGS_BUILD_CACHE: 'off' } }).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure?.code).toBe(1);
    const lines = failure!.stderr.split('\n').filter((l) => l.startsWith(dir));
    expect(lines).toEqual([
      `${dir}/acme/updates/2026-01-12.md:3:9: error: invalid YAML front matter: Flow sequence in block collection must be sufficiently indented and end with a ] [invalid-front-matter]`,
      `${dir}/acme/updates/2026-01-19.md:1:1: error: empty file: a weekly update needs at least a date and some content [empty-file]`,
    ]);
    expect(failure!.stderr).not.toMatch(/\n\s+at /);
    await expect(stat(out)).rejects.toThrow();
    await expect(stat(model)).rejects.toThrow();
  });

  it('is deterministic: the same content gives byte-identical output', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'tidings-det-'));
    // Two clean builds of content/ (no cache, so the second cannot copy the first).
    const buildInto = (name: string) =>
      run(process.execPath, ['scripts/build.mjs', '--quiet', '--out', path.join(dir, name), '--model', path.join(dir, `${name}.json`)], { cwd: ROOT, env: { ...process.env, TIDINGS_BUILD_CACHE: 'off' } });
    await buildInto('a');
    await buildInto('b');
    const [x, y] = [await readFile(path.join(dir, 'a.json')), await readFile(path.join(dir, 'b.json'))];
    expect(x.length).toBeGreaterThan(1000);
    expect(x.equals(y)).toBe(true);
    const [files, again] = [await tree(path.join(dir, 'a')), await tree(path.join(dir, 'b'))];
    expect(files.size).toBeGreaterThan(100);
    expect(again).toEqual(files);
  });
});
