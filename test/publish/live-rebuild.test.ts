/**
 * The live rebuild of `npm start` (buildAll again, in the same process, with the parse cache)
 * while `wrangler dev` watches the assets folder: wrangler lists the folder and then stats each
 * file, so a file that appears and vanishes inside it (a writer's `*.tmp`) crashes it. Nothing
 * but the site's own files may ever appear in the output folder; deletes, renames and editors'
 * temporary files in content/ rebuild to the same output as a clean build. While served, the
 * search index's replaced chunks stay (wrangler stops on a file removed between its listing and
 * its stat).
 */
import { watch } from 'node:fs';
import { cp, mkdtemp, rename, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAll, type BuildOptions } from '../../src/publish/build';
import { ParseCache, parserVersion } from '../../src/publish/parse-cache';
import { tree } from './output-tree';

const ROOT = path.resolve(import.meta.dirname, '../..');
let work: string;

const options = (out: string, cache?: ParseCache): BuildOptions => ({
  content: path.join(work, 'content'),
  out: path.join(work, out),
  config: path.join(ROOT, 'wrangler.toml'),
  ...(cache ? { cache } : {}),
});

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'tidings-live-'));
  await cp(path.join(ROOT, 'content'), path.join(work, 'content'), { recursive: true });
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('live rebuild', () => {
  it('writes nothing but the site’s files into the output folder, and survives deletes, renames and editor files', async () => {
    const cache = new ParseCache(await parserVersion(path.join(ROOT, 'src/content')), path.join(work, 'cache'));
    const first = await buildAll(options('public', cache));
    expect(first.ok).toBe(true);
    const before = new Set((await tree(path.join(work, 'public'))).keys());
    const seen = new Set<string>();
    const watcher = watch(path.join(work, 'public'), { recursive: true }, (_event, name) => {
      if (name) seen.add(String(name));
    });
    try {
      const updates = path.join(work, 'content/atlas/updates');
      // A delete, a rename, and what editors leave next to a file being edited.
      await rm(path.join(updates, '2026-10-19.md'));
      await rename(path.join(updates, '2026-10-26.md'), path.join(updates, 'Atlas weekly 2026-10-26.md'));
      await symlink('root@host.4242:1700000000', path.join(updates, '.#2026-11-02.md')); // emacs lock: a dangling symlink
      await writeFile(path.join(updates, '.2026-11-02.md.swp'), 'vim swap');
      await writeFile(path.join(updates, '2026-11-02.md~'), 'backup');
      await writeFile(path.join(updates, '4913'), ''); // vim's write test
      await writeFile(path.join(updates, '.2026-11-09.md.tmp'), 'half a file');
      const rebuilt = await buildAll(options('public', cache));
      expect(rebuilt.ok, rebuilt.ok ? '' : rebuilt.messages).toBe(true);
      if (rebuilt.ok) expect(rebuilt.messages).not.toMatch(/\.#2026-11-02|swp|~|4913|\.tmp/);
      // Let the last events arrive.
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      watcher.close();
    }
    const after = await tree(path.join(work, 'public'));
    // Every name that appeared in the folder is a file of one of the two builds (or a folder of one).
    const known = new Set([...before, ...after.keys()]);
    for (const f of [...known]) for (let d = path.dirname(f); d !== '.'; d = path.dirname(d)) known.add(d);
    expect([...seen].filter((name) => !known.has(name))).toEqual([]);
    expect([...after.keys()].filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // The same bytes as a clean build of the content as it is now.
    const clean = await buildAll(options('clean'));
    expect(clean.ok).toBe(true);
    expect(after).toEqual(await tree(path.join(work, 'clean')));
  });

  it('while wrangler dev serves the folder, keeps the search index chunks an edit replaced (wrangler stops on a file removed under it); a build not served removes them', async () => {
    const chunks = async (out: string) => [...(await tree(path.join(work, out))).keys()].filter((f) => f.startsWith('pagefind/')).sort();
    const first = await buildAll(options('served'));
    if (!first.ok) throw new Error(first.messages);
    expect(first.search.built).toBe(true);
    const before = await chunks('served');
    await writeFile(path.join(work, 'content/atlas/updates/2026-11-09.md'), '\n\nA word for the index: quokka.\n', { flag: 'a' });
    const served = await buildAll({ ...options('served'), served: true });
    if (!served.ok) throw new Error(served.messages);
    const kept = await chunks('served');
    expect(before.every((f) => kept.includes(f))).toBe(true);
    expect(kept.length).toBeGreaterThan(before.length);
    // Then a build nobody serves (npm run build, a deploy) is the clean build's output again.
    const after = await buildAll(options('served'));
    if (!after.ok) throw new Error(after.messages);
    const clean = await buildAll(options('clean-served'));
    if (!clean.ok) throw new Error(clean.messages);
    expect(await tree(path.join(work, 'served'))).toEqual(await tree(path.join(work, 'clean-served')));
  });
});
