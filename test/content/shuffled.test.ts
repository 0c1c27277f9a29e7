/**
 * Robustness: blocks of real reports cut apart and put back together in random order (seeded),
 * so labels land after the wrong heading, lists float outside milestones, work items lose their
 * milestone. Whatever the order, the build must not throw, must report no error, and every
 * list item and paragraph must still appear in the model exactly once.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { conservation } from './conservation';
import { build, CORPUS, corpusBuild, errorsOf } from './helpers';

/** mulberry32: a small seeded PRNG, so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('reports shuffled block by block', () => {
  it('never lose or double a piece of text, whatever the order', async () => {
    const { site } = await corpusBuild();
    const bodies = await Promise.all(
      site.updates.map(async (u) => (await readFile(path.join(CORPUS, u.source), 'utf8')).replace(/^---\n[\s\S]*?\n---\n/, '')),
    );
    const chunks = bodies.flatMap((b) => b.split(/\n{2,}/)).filter((c) => c.trim() !== '');
    let checked = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const next = random(seed);
      const picked = Array.from({ length: 12 + Math.floor(next() * 30) }, () => chunks[Math.floor(next() * chunks.length)]!);
      const source = `---\ndate: 2026-01-05\n---\n${picked.join('\n\n')}\n`;
      const result = build({ 'mix/updates/2026-01-05.md': source });
      expect(errorsOf(result), `seed ${seed}`).toEqual([]);
      const update = result.site.updates[0]!;
      const { problems, entries, blocks } = conservation(update, source, result.outlines.get(update.source));
      expect(problems, `seed ${seed}`).toEqual([]);
      expect(entries, `seed ${seed}: model entries vs content blocks`).toBe(blocks);
      checked += blocks;
    }
    expect(checked).toBeGreaterThan(2500);
  });
});

describe('markdown-ish noise', () => {
  it('never throws, and keeps every list item and paragraph', () => {
    const pieces = ['#', '## ', '### ', '- ', '  - ', '* ', '1. ', '_', '*', '**', '`', '[', ']', '(', ')', 'https://github.com/a/b/issues/7', ':', 'achieved', 'next', 'risks', 'Milestone - ', '{E:x}', '> ', '|', '---', '\n', '\n', '\n\n', 'word ', 'team:area:thing', '<script>', '&', '\t'];
    let checked = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const next = random(seed * 7919);
      const body = Array.from({ length: 40 + Math.floor(next() * 200) }, () => pieces[Math.floor(next() * pieces.length)]!).join('');
      const source = `---\ndate: 2026-01-05\n---\nintro\n\n${body}\n`;
      const result = build({ 'noise/updates/2026-01-05.md': source });
      expect(errorsOf(result), `seed ${seed}`).toEqual([]);
      const { problems, entries, blocks } = conservation(result.site.updates[0]!, source, result.outlines.get(result.site.updates[0]!.source));
      expect(problems, `seed ${seed}`).toEqual([]);
      expect(entries, `seed ${seed}`).toBe(blocks);
      checked += blocks;
    }
    expect(checked).toBeGreaterThan(500);
  });
});
