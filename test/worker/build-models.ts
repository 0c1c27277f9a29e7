/**
 * Builds the site models the Worker tests import (the Workers runtime cannot read the corpus
 * from disk), as a process of its own: `node --import tsx test/worker/build-models.ts`, started
 * in the background by ./global-setup.ts while the suite's first files run (issue 19).
 *
 * - test/.generated/corpus.json: the real corpus (../shared/corpus), as `npm run build` would.
 * - test/.generated/corpus-first-version.json: the same with waku 2023-12-04 at its first
 *   published version (corpus/edits), to check that an edit keeps item ids.
 * - test/.generated/feeds-hostile.json, feeds-edit-first.json, feeds-edit-later.json: small
 *   fixtures of test/fixtures/feeds.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSite, formatMessages, readContentDir, type BuildResult, type SourceFile } from '../../src/content';
import '../markdown-memo';
import { EDIT_FIRST, EDIT_LATER, EDIT_PATH, HOSTILE_MARKDOWN, HOSTILE_PATH } from '../fixtures/feeds/hostile';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpusDir = path.resolve(root, '../shared/corpus');
const outDir = path.join(root, 'test/.generated');

function check(name: string, result: BuildResult): BuildResult {
  const report = formatMessages(result.files);
  if (report.errors > 0) throw new Error(`building ${name} failed:\n${report.text}`);
  return result;
}

async function write(name: string, result: BuildResult): Promise<void> {
  await writeFile(path.join(outDir, name), `${JSON.stringify(result.site)}\n`);
}

async function build(): Promise<void> {
  await mkdir(outDir, { recursive: true });

  const corpus = await readContentDir(corpusDir);
  await write('corpus.json', check('the corpus', buildSite(corpus.updates, corpus)));

  const firstVersion = await readFile(path.join(corpusDir, 'edits/2023-12-04.first-version.md'));
  const edited: SourceFile[] = corpus.updates.map((f) =>
    f.path === 'waku/updates/2023-12-04.md' ? { path: f.path, value: new Uint8Array(firstVersion) } : f,
  );
  await write('corpus-first-version.json', check('the corpus (first version of 2023-12-04)', buildSite(edited, corpus)));

  await write('feeds-hostile.json', check('the hostile fixture', buildSite([{ path: HOSTILE_PATH, value: HOSTILE_MARKDOWN }])));
  await write('feeds-edit-first.json', check('the edit fixture (first)', buildSite([{ path: EDIT_PATH, value: EDIT_FIRST }])));
  await write('feeds-edit-later.json', check('the edit fixture (later)', buildSite([{ path: EDIT_PATH, value: EDIT_LATER }])));
}

await build();
