import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/content';
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

  it('front matter that is not key: value pairs', () => {
    const errors = errorsOf(build({ 'acme/updates/2026-01-12.md': '---\n- just\n- a list\n---\ntext\n' }));
    expect(errors).toEqual(['acme/updates/2026-01-12.md:2:1: invalid front matter: expected `key: value` pairs']);
  });

  it('an unparseable date points at the date line', () => {
    const errors = errorsOf(build({ 'acme/updates/2026-01-12.md': '---\ntitle: x\ndate: 2026-13-45\n---\ntext\n' }));
    expect(errors).toEqual(['acme/updates/2026-01-12.md:3:1: unparseable `date`: "2026-13-45" is not a YYYY-MM-DD date']);
  });

  it('an unparseable lastmod points at its line', () => {
    const errors = errorsOf(build({ 'acme/updates/2026-01-12.md': '---\ndate: 2026-01-12\nlastmod: last tuesday\n---\ntext\n' }));
    expect(errors).toEqual(['acme/updates/2026-01-12.md:3:1: unparseable `lastmod`: "last tuesday" is not a YYYY-MM-DD date']);
  });

  it('a missing date (no front matter date, no dated file name)', () => {
    const errors = errorsOf(build({ 'acme/updates/notes.md': '---\ntitle: x\n---\ntext\n' }));
    expect(errors).toEqual([
      'acme/updates/notes.md:1:1: missing date: set `date: YYYY-MM-DD` in the front matter or name the file YYYY-MM-DD.md',
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

  it('two files for one team and date: the later one (by path) names the other', () => {
    const result = build({
      'acme/updates/2026-01-05.md': GOOD,
      'acme/updates/2026-01-05-again.md': GOOD.replace('shipped it', 'shipped it twice'),
    });
    expect(errorsOf(result)).toEqual([
      'acme/updates/2026-01-05.md:1:1: two files for team `acme` and date 2026-01-05: this one and acme/updates/2026-01-05-again.md',
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
    expect(errors.map((e) => e.split(':')[0])).toEqual(['acme/updates/2026-01-12.md', 'acme/updates/2026-01-19.md', 'zeta/updates/2026-01-19.md']);
    expect(result.parsed.map((u) => u.id)).toEqual(['acme/2026-01-05']);
  });

  it('warnings do not fail the build: a list outside any milestone, an unknown section kind', () => {
    const result = build({
      'acme/updates/2026-01-05.md': `---
date: 2026-01-05
---
- _achieved:_
  - something before any milestone

## [Search](https://github.com/acme/roadmap/issues/1)

- _mood:_
  - cheerful
`,
    });
    expect(errorsOf(result)).toEqual([]);
    expect(warningsOf(result)).toEqual([
      'acme/updates/2026-01-05.md:5:3: `achieved` item outside any milestone: kept as a note of the update',
      'acme/updates/2026-01-05.md:9:1: unknown section kind `mood`: its items are kept as notes',
    ]);
    const [update] = result.site.updates;
    expect(update!.notes.map((n) => n.text)).toEqual(['something before any milestone']);
    expect(update!.sections[0]!.items.notes.map((n) => n.text)).toEqual(['cheerful']);
  });

  it('a team that is not a slug (it goes into URLs and subscription scopes)', () => {
    expect(errorsOf(build({ 'acme/updates/2026-01-05.md': '---\ndate: 2026-01-05\nteam: Acme Corp\n---\ntext\n' }))).toEqual([
      'acme/updates/2026-01-05.md:3:1: team `Acme Corp` is not a slug: use lowercase letters, digits and "-" (as in the folder name content/<team>/)',
    ]);
    expect(errorsOf(build({ 'Big Team/updates/2026-01-05.md': GOOD }))[0]).toMatch(/^Big Team\/updates\/2026-01-05\.md:1:1: team `Big Team` is not a slug/);
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

describe('npm run build (scripts/build-content.ts)', () => {
  it('prints path:line:col: error lines, no stack trace, exits 1 and writes nothing', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'tidings-bad-'));
    await mkdir(path.join(dir, 'acme/updates'), { recursive: true });
    await writeFile(path.join(dir, 'acme/updates/2026-01-05.md'), GOOD);
    await writeFile(path.join(dir, 'acme/updates/2026-01-12.md'), '---\ndate: 2026-01-12\nlastmod: nope\n---\nx\n');
    await writeFile(path.join(dir, 'acme/updates/2026-01-19.md'), '');
    const out = path.join(dir, 'site.json');
    const failure = await run('npx', ['tsx', 'scripts/build-content.ts', '--content', dir, '--out', out], { cwd: ROOT }).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure?.code).toBe(1);
    const lines = failure!.stderr.split('\n').filter((l) => l.startsWith(dir));
    expect(lines).toEqual([
      `${dir}/acme/updates/2026-01-12.md:3:1: error: unparseable \`lastmod\`: "nope" is not a YYYY-MM-DD date [invalid-lastmod]`,
      `${dir}/acme/updates/2026-01-19.md:1:1: error: empty file: a weekly update needs at least a date and some content [empty-file]`,
    ]);
    expect(failure!.stderr).not.toMatch(/\n\s+at /);
    await expect(stat(out)).rejects.toThrow();
  });

  it('is deterministic: the same content gives byte-identical output', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'tidings-det-'));
    const a = path.join(dir, 'a.json');
    const b = path.join(dir, 'b.json');
    await run('npx', ['tsx', 'scripts/build-content.ts', '--quiet', '--out', a], { cwd: ROOT });
    await run('npx', ['tsx', 'scripts/build-content.ts', '--quiet', '--out', b], { cwd: ROOT });
    const [x, y] = [await readFile(a), await readFile(b)];
    expect(x.length).toBeGreaterThan(1000);
    expect(x.equals(y)).toBe(true);
  });
});
