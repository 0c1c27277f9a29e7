/**
 * Incremental builds after edits of many kinds on several teams of ../shared/reports: each
 * incremental build (src/publish/parse-cache.ts, render-memo.ts) equals a clean build of the
 * same content byte for byte, folders included. (The corpus, one edit at a time, with the
 * search index and the cache on disk: incremental.test.ts.)
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAll, type BuildOptions } from '../../src/publish/build';
import { ParseCache } from '../../src/publish/parse-cache';
import { tree } from './output-tree';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('incremental build', () => {
  it('edits of many kinds on several teams (../shared/reports): each incremental build equals a clean one', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-edits-'));
    // The three teams the edits touch, whole history each: two builds per edit of all five
    // teams cost minutes on a 2-core machine, and the teams no edit touches add nothing here
    // (the first test rebuilds a whole corpus after an edit).
    for (const team of ['codex', 'nomos', 'acid']) {
      await cp(path.resolve(ROOT, '../shared/reports', team), path.join(dir, 'content', team), { recursive: true });
    }
    // Without the search index: each build indexing every page outlasts the test's time on a
    // 2-core machine; the corpus test above checks the index is rebuilt byte for byte.
    const at = (out: string, cache?: ParseCache): BuildOptions => ({
      content: path.join(dir, 'content'),
      out: path.join(dir, out),
      config: path.join(ROOT, 'wrangler.toml'),
      env: { TIDINGS_SEARCH: 'off' },
      ...(cache ? { cache } : {}),
    });
    const updatesOf = async (team: string) => (await readdir(path.join(dir, 'content', team, 'updates'))).filter((n) => n.endsWith('.md')).sort().map((n) => path.join(dir, 'content', team, 'updates', n));
    const rewrite = async (file: string, change: (text: string) => string) => writeFile(file, change(await readFile(file, 'utf8')));
    // Edits to different teams land together (one incremental and one clean build per step,
    // not per edit: each pair costs seconds of the suite, issue 19); a wrong invalidation of
    // any of them still shows in that step's comparison, named by the step.
    const steps: Array<[string, Array<() => Promise<void>>]> = [
      [
        'an item added to an old week (codex), a heading renamed in the newest week (nomos), an old week deleted (acid)',
        [
          async () => rewrite((await updatesOf('codex')).at(-8)!, (t) => `${t}\n\n- a late note\n`),
          async () => rewrite((await updatesOf('nomos')).at(-1)!, (t) => t.replace(/^(#{2,4} +)(.+)$/m, '$1$2 renamed')),
          async () => rm((await updatesOf('acid'))[1]!),
        ],
      ],
      [
        'a risk added in the newest week (codex)',
        [
          async () =>
            rewrite((await updatesOf('codex')).at(-1)!, (t) => {
              const lines = t.split('\n');
              const headings = lines.flatMap((l, i) => (/^#{2,4} /.test(l) ? [i] : []));
              lines.splice((headings[1] ?? headings[0] ?? lines.length - 1) + 1, 0, '', '**Risks:**', '- the vendor may be late', '');
              return lines.join('\n');
            }),
        ],
      ],
    ];
    try {
      const cache = new ParseCache('edits-test');
      const first = await buildAll(at('incremental', cache));
      if (!first.ok) throw new Error(first.messages);
      for (const [what, edits] of steps) {
        for (const edit of edits) await edit();
        const again = await buildAll(at('incremental', cache));
        await rm(path.join(dir, 'clean'), { recursive: true, force: true });
        await rm(path.join(dir, 'clean.manifest.json'), { force: true });
        const clean = await buildAll(at('clean'));
        if (!again.ok || !clean.ok) throw new Error(`${what}: build failed`);
        expect(await tree(path.join(dir, 'incremental')), what).toEqual(await tree(path.join(dir, 'clean')));
        // No folder left behind either (a milestone gone leaves none).
        const folders = async (d: string) => (await readdir(d, { recursive: true, withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => path.relative(d, path.join(e.parentPath, e.name))).sort();
        expect(await folders(path.join(dir, 'incremental')), what).toEqual(await folders(path.join(dir, 'clean')));
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 600_000);
});
