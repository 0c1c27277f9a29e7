/**
 * Reading is safe: nothing outside content/ is read through a symlink, a fifo or a device never
 * hangs the build, YAML alias bombs and absurd inputs get a clear error, and time and memory stay
 * bounded. (No wall-clock assertions: a refusal happens before parsing, so it cannot be slow.)
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContentDir, readContentDir } from '../../src/content';
import { build, errorsOf, warningsOf } from './helpers';

const GOOD = '---\ndate: 2026-01-05\n---\n## [Search](https://github.com/acme/roadmap/issues/1)\n\n- _achieved:_ shipped it\n';

async function contentDir(): Promise<{ outside: string; root: string }> {
  const outside = await mkdtemp(path.join(tmpdir(), 'tidings-safety-'));
  const root = path.join(outside, 'content');
  await mkdir(path.join(root, 'acme/updates'), { recursive: true });
  await writeFile(path.join(root, 'acme/updates/2026-01-05.md'), GOOD);
  return { outside, root };
}

describe('reading a content folder safely', () => {
  it('never follows a symlink out of content/: the secret it points at is not published', async () => {
    const { outside, root } = await contentDir();
    await writeFile(path.join(outside, '.dev.vars'), 'SIGNING_KEY=super-secret-signing-key\n');
    await symlink(path.join(outside, '.dev.vars'), path.join(root, 'acme/updates/2026-01-12.md'));
    await mkdir(path.join(outside, 'elsewhere/updates'), { recursive: true });
    await writeFile(path.join(outside, 'elsewhere/updates/2026-01-05.md'), 'SIGNING_KEY=another-secret\n');
    await symlink(path.join(outside, 'elsewhere'), path.join(root, 'linked-team'));
    const result = await buildContentDir(root);
    expect(JSON.stringify(result.site)).not.toContain('secret');
    expect(result.site.updates.map((u) => u.id)).toEqual(['acme/2026-01-05']);
    expect(warningsOf(result)).toEqual([
      'acme/updates/2026-01-12.md:1:1: symlink out of the content folder: not followed',
      'linked-team:1:1: symlink out of the content folder: not followed',
    ]);
    expect(errorsOf(result)).toEqual([]);
  });

  it('follows a symlink that stays inside content/', async () => {
    const { root } = await contentDir();
    await symlink(path.join(root, 'acme/updates/2026-01-05.md'), path.join(root, 'acme/updates/2026-01-12.md'));
    const result = await buildContentDir(root);
    // Same bytes, two names: the second is dated by its name.
    expect(result.site.updates.map((u) => u.id).sort()).toEqual(['acme/2026-01-05', 'acme/2026-01-12']);
  });

  it('never opens a fifo (the build would wait forever): it is skipped with a warning', async () => {
    const { root } = await contentDir();
    execFileSync('mkfifo', [path.join(root, 'acme/updates/2026-01-12.md')]);
    const result = await buildContentDir(root);
    expect(result.site.updates.map((u) => u.id)).toEqual(['acme/2026-01-05']);
    expect(warningsOf(result)).toEqual(['acme/updates/2026-01-12.md:1:1: not a regular file (fifo, socket or device): not read']);
  });

  it('skips a symlink to a device', async () => {
    const { root } = await contentDir();
    await symlink('/dev/zero', path.join(root, 'acme/updates/2026-01-12.md'));
    const result = await buildContentDir(root);
    expect(result.site.updates).toHaveLength(1);
    expect(warningsOf(result)).toEqual(['acme/updates/2026-01-12.md:1:1: symlink out of the content folder: not followed']);
  });

  it('does not walk a folder symlinked back to itself: milestone definitions are read once, the loop is said', async () => {
    const { root } = await contentDir();
    await mkdir(path.join(root, 'acme/milestones'), { recursive: true });
    await writeFile(path.join(root, 'acme/milestones/search.md'), '# [Search](https://github.com/acme/roadmap/issues/1)\n\nFind anything.\n');
    await symlink('.', path.join(root, 'acme/milestones/again'));
    const dir = await readContentDir(root);
    expect(dir.milestones.map((f) => f.path)).toEqual(['acme/milestones/search.md']);
    expect(dir.skipped).toEqual([{ path: 'acme/milestones/again', reason: 'symlink loop: not followed', fatal: false }]);
  });

  it('reads reports filed in folders below updates/ (by year, by month), a loop among them said once', async () => {
    const { root } = await contentDir();
    await mkdir(path.join(root, 'acme/updates/2025/03'), { recursive: true });
    await writeFile(path.join(root, 'acme/updates/2025/January.md'), '# January\n\n- Shipped the search page\n');
    await writeFile(path.join(root, 'acme/updates/2025/03/11.md'), '- Shipped the feeds\n');
    await symlink('..', path.join(root, 'acme/updates/2025/03/up'));
    const dir = await readContentDir(root);
    expect(dir.updates.map((f) => f.path)).toEqual(['acme/updates/2025/03/11.md', 'acme/updates/2025/January.md', 'acme/updates/2026-01-05.md']);
    expect(dir.skipped).toEqual([{ path: 'acme/updates/2025/03/up', reason: 'symlink loop: not followed', fatal: false }]);
    const result = await buildContentDir(root);
    expect(errorsOf(result)).toEqual([]);
    expect(result.site.updates.map((u) => u.date)).toEqual(['2026-01-05', '2025-03-11', '2025-01-01']);
  });

  it('refuses a YAML alias bomb in front matter with a clear error', () => {
    const bomb = ['---', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [i, name] of ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].entries()) {
      const prev = i === 0 ? 'a' : ['b', 'c', 'd', 'e', 'f', 'g', 'h'][i - 1];
      bomb.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    bomb.push('date: 2026-01-05', '---', 'text');
    const result = build({ 'acme/updates/2026-01-05.md': bomb.join('\n') });
    expect(errorsOf(result)).toEqual([expect.stringMatching(/^acme\/updates\/2026-01-05\.md:2:1: invalid YAML front matter: .*alias/i)]);
    expect(result.site.updates).toEqual([]);
  });

  it('refuses a YAML alias bomb in teams.yaml too', async () => {
    const { root } = await contentDir();
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) lines.push(`l${i}: &l${i} [${Array(10).fill(i === 1 ? '*a' : `*l${i - 1}`).join(', ')}]`);
    await writeFile(path.join(root, 'teams.yaml'), `${lines.join('\n')}\n`);
    const result = await buildContentDir(root);
    expect(errorsOf(result)).toEqual([expect.stringMatching(/^teams\.yaml:1:1: invalid YAML: .*alias/i)]);
  });

  it('refuses a 1,000-level nested list with an error at its line, before parsing it', () => {
    const nested = Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
    const result = build({ 'acme/updates/2026-01-05.md': `---\ndate: 2026-01-05\n---\n## Deep\n\n${nested}\n` });
    expect(errorsOf(result)).toEqual(['acme/updates/2026-01-05.md:70:1: lists or quotes nested 65 levels deep (at most 64)']);
  });

  it('refuses markers stacked on one line (`- - - - …`, `> > > …`) the same way', () => {
    const result = build({ 'acme/updates/2026-01-05.md': `---\ndate: 2026-01-05\n---\n${'> '.repeat(500)}quoted\n` });
    expect(errorsOf(result)).toEqual(['acme/updates/2026-01-05.md:4:1: lists or quotes nested 500 levels deep (at most 64)']);
  });

  it('refuses 10,000 `>` without spaces (quotes need none) with an error at its line, not a stack overflow', () => {
    const result = build({ 'acme/updates/2026-01-05.md': `---\ndate: 2026-01-05\n---\n## Deep\n\n${'>'.repeat(10_000)} quoted\n` });
    expect(errorsOf(result)).toEqual(['acme/updates/2026-01-05.md:6:1: lists or quotes nested 10000 levels deep (at most 64)']);
    const mixed = build({ 'acme/updates/2026-01-05.md': `---\ndate: 2026-01-05\n---\n${'>- '.repeat(100)}x\n` });
    expect(errorsOf(mixed)).toEqual(['acme/updates/2026-01-05.md:4:1: lists or quotes nested 200 levels deep (at most 64)']);
  });

  it('bounds tables before parsing: a 800 KB table is an error at its line, rows × columns counted (GFM pads each row)', () => {
    // Long: 80,000 rows of two cells (800 KB, under the character limit).
    const long = `| a | b |\n|---|---|\n${'| x | y |\n'.repeat(80_000)}`;
    expect(long.length).toBeGreaterThan(800_000);
    const result = build({ 'acme/updates/2026-01-05.md': `---\ndate: 2026-01-05\n---\n## Table\n\n${long}` });
    expect(errorsOf(result)).toEqual(['acme/updates/2026-01-05.md:5006:1: a table of more than 10000 cells (rows × columns) in one file; split it']);
    // Wide: a 3,000-column header over one-character rows (3,000 × 130,000 cells once padded).
    const wide = `|${'a|'.repeat(3000)}\n|${'-|'.repeat(3000)}\n${'x\n'.repeat(130_000)}`;
    const refused = build({ 'acme/updates/2026-01-05.md': `---\ndate: 2026-01-05\n---\n## Table\n\n${wide}` });
    expect(errorsOf(refused)).toEqual(['acme/updates/2026-01-05.md:9:1: a table of more than 10000 cells (rows × columns) in one file; split it']);
    // A real-sized table (60 rows × 6 columns) and pipes in prose are read as before.
    const real = `| ${'h | '.repeat(6)}\n|${'---|'.repeat(6)}\n${`| ${'c | '.repeat(6)}\n`.repeat(60)}\nA | B are not a table.\n`;
    const ok = build({ 'acme/updates/2026-01-05.md': `---\ndate: 2026-01-05\n---\n## [Search](https://github.com/acme/roadmap/issues/1)\n\n${real}` });
    expect(errorsOf(ok)).toEqual([]);
    expect(ok.site.updates[0]!.html).toContain('<table>');
  });

  it('refuses 100k bullets with a clear error instead of gigabytes of memory', () => {
    const bullets = Array.from({ length: 100_000 }, (_, i) => `- item ${i}`).join('\n');
    const result = build({ 'acme/updates/2026-01-05.md': `---\ndate: 2026-01-05\n---\n## Many\n\n${bullets}\n` });
    expect(errorsOf(result)).toEqual(['acme/updates/2026-01-05.md:10006:1: more than 10000 list items and quotes in one file; split it']);
  });

  it('still reads a long real-sized report: 600 bullets, 10 levels deep', () => {
    const lines = Array.from({ length: 600 }, (_, i) => `${'  '.repeat(i % 10)}- item ${i}`).join('\n');
    const result = build({ 'acme/updates/2026-01-05.md': `---\ndate: 2026-01-05\n---\n## Many\n\n${lines}\n` });
    expect(errorsOf(result)).toEqual([]);
    expect(result.site.updates[0]!.sections[0]!.items.progress).toHaveLength(600);
  });
});
