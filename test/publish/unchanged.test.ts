/**
 * A no-change build (src/publish/unchanged.ts): `npm run build` with nothing changed since the
 * last build writes nothing; any change to the content, the options or the output it left makes
 * it build again.
 */
import { mkdtemp, rm, writeFile, mkdir, utimes, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codeStamps, forgetRecord, snapshotContent, unchangedSince, writeRecord, type BuildRequest } from '../../src/publish/unchanged';

/** A project of its own (its src/ and lock file are the build's code). */
let ROOT: string;
let work: string;
let request: BuildRequest;

async function put(file: string, text: string) {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
}

/** A "build": the output as the writer leaves it, then the record. */
async function build() {
  const content = snapshotContent(request.content)!;
  const code = codeStamps(ROOT);
  await put(path.join(request.out, 'index.html'), '<p>hi</p>');
  await put(path.join(request.out, 'teams/atlas/feed.xml'), '<rss/>');
  await put(`${request.out}.manifest.json`, '{}');
  await put(request.model!, '{}');
  writeRecord(request, content, code, { messages: 'a.md:1:1: warning: w', summary: 'built' });
}

beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'tidings-unchanged-'));
  ROOT = path.join(work, 'project');
  await put(path.join(ROOT, 'src/publish/render.ts'), '// render\n');
  await put(path.join(ROOT, 'package-lock.json'), '{}');
  request = { content: path.join(work, 'content'), out: path.join(work, 'public'), model: path.join(work, 'site.json'), config: path.join(work, 'wrangler.toml'), siteUrl: undefined };
  await put(request.config, '[vars]\n');
  await put(path.join(request.content, 'atlas/updates/2026-01-05.md'), '# Week\n\n- did a thing\n');
  await put(path.join(request.content, 'teams.yaml'), 'atlas: {}\n');
  await build();
});
afterEach(() => rm(work, { recursive: true, force: true }));

describe('a build with nothing changed', () => {
  it('is recognised, with the messages to print again', () => {
    const last = unchangedSince(request, ROOT);
    expect(last?.messages).toBe('a.md:1:1: warning: w');
  });

  it('is still recognised when a file was saved without a change (mtime moved, same bytes)', async () => {
    const later = new Date(Date.now() + 60_000);
    await utimes(path.join(request.content, 'atlas/updates/2026-01-05.md'), later, later);
    expect(unchangedSince(request, ROOT)).toBeDefined();
  });
});

describe('a build runs again when', () => {
  it('a content file is edited, added or removed', async () => {
    await put(path.join(request.content, 'atlas/updates/2026-01-05.md'), '# Week\n\n- did a thing!\n');
    expect(unchangedSince(request, ROOT)).toBeUndefined();
    await build();
    await put(path.join(request.content, 'atlas/updates/2026-01-12.md'), '# Week\n');
    expect(unchangedSince(request, ROOT)).toBeUndefined();
    await build();
    await unlink(path.join(request.content, 'teams.yaml'));
    expect(unchangedSince(request, ROOT)).toBeUndefined();
  });

  it('the code of the build changes', async () => {
    await put(path.join(ROOT, 'src/publish/render.ts'), '// changed\n');
    expect(unchangedSince(request, ROOT)).toBeUndefined();
    await build();
    await put(path.join(ROOT, 'package-lock.json'), '{"lockfileVersion":3}');
    expect(unchangedSince(request, ROOT)).toBeUndefined();
  });

  it('the configuration or an option changes', async () => {
    await put(request.config, '[vars]\nSITE_URL = "https://example.org"\n');
    expect(unchangedSince(request, ROOT)).toBeUndefined();
    await build();
    expect(unchangedSince({ ...request, siteUrl: 'https://example.com' }, ROOT)).toBeUndefined();
    expect(unchangedSince({ ...request, model: undefined }, ROOT)).toBeUndefined();
  });

  it('the output it left was touched: a file removed or added, the model or a manifest changed', async () => {
    await unlink(path.join(request.out, 'teams/atlas/feed.xml'));
    expect(unchangedSince(request, ROOT)).toBeUndefined();
    await build();
    await put(path.join(request.out, 'stray.html'), 'x');
    expect(unchangedSince(request, ROOT)).toBeUndefined();
    await build();
    await put(request.model!, '{"other":1}');
    expect(unchangedSince(request, ROOT)).toBeUndefined();
    await build();
    await unlink(`${request.out}.manifest.json`);
    expect(unchangedSince(request, ROOT)).toBeUndefined();
  });

  it('a build started and did not finish', () => {
    forgetRecord(request.out);
    expect(unchangedSince(request, ROOT)).toBeUndefined();
  });

  it('the content folder has a symbolic link (not followed by the check)', async () => {
    const { symlink } = await import('node:fs/promises');
    await symlink(path.join(request.content, 'atlas'), path.join(request.content, 'linked'));
    expect(snapshotContent(request.content)).toBeUndefined();
    expect(unchangedSince(request, ROOT)).toBeUndefined();
  });
});
