/**
 * What `npm run build` (scripts/build-static.ts, the same buildAll as `npm start`) says about
 * the files of a content folder it does not read: every skipped path is printed with its
 * reason — a warning, or an error for a file too large to be a report (the build then fails
 * and writes nothing) — and nothing skipped is published. A hard link whose other names are
 * outside content/ (here: to `.dev.vars`) is refused like a symlink out.
 */
import { execFile, execFileSync } from 'node:child_process';
import { link, mkdir, mkdtemp, readdir, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const GOOD = '---\ndate: 2026-01-05\n---\n## [Search](https://github.com/acme/roadmap/issues/1)\n\n- _achieved:_ shipped it\n';
const SECRET = 'SIGNING_KEY=super-secret-signing-key';
const dirs: string[] = [];

afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

function canMknod(): boolean {
  try {
    execFileSync('mknod', [path.join(tmpdir(), `tidings-mknod-${process.pid}`), 'c', '1', '3']);
    execFileSync('rm', ['-f', path.join(tmpdir(), `tidings-mknod-${process.pid}`)]);
    return true;
  } catch {
    return false;
  }
}

/** A content folder with one good report and one of each thing the build must not read. */
async function hostileContent(withTooLarge: boolean): Promise<{ work: string; root: string; expected: string[] }> {
  const work = await mkdtemp(path.join(tmpdir(), 'tidings-skipped-'));
  dirs.push(work);
  const root = path.join(work, 'content');
  const u = (name: string) => path.join(root, 'acme/updates', name);
  await mkdir(path.join(root, 'acme/updates'), { recursive: true });
  await mkdir(path.join(root, 'acme/milestones'), { recursive: true });
  await writeFile(u('2026-01-05.md'), GOOD);
  await writeFile(path.join(work, '.dev.vars'), `${SECRET}\n`);
  await mkdir(path.join(work, 'elsewhere/updates'), { recursive: true });
  await writeFile(path.join(work, 'elsewhere/updates/2026-01-05.md'), `${SECRET}\n`);
  const expected: string[] = [];
  const skip = (rel: string, reason: RegExp | string) => expected.push(`${rel}:1:1: warning: ${typeof reason === 'string' ? reason : reason.source}`);

  await symlink(path.join(work, '.dev.vars'), u('2026-01-12.md'));
  skip('acme/updates/2026-01-12.md', 'symlink out of the content folder: not followed');
  execFileSync('mkfifo', [u('2026-01-19.md')]);
  skip('acme/updates/2026-01-19.md', 'not a regular file (fifo, socket or device): not read');
  if (canMknod()) {
    execFileSync('mknod', [u('2026-01-26.md'), 'c', '1', '3']);
    skip('acme/updates/2026-01-26.md', 'not a regular file (fifo, socket or device): not read');
  }
  await symlink(u('2026-02-02b.md'), u('2026-02-02.md'));
  await symlink(u('2026-02-02.md'), u('2026-02-02b.md'));
  skip('acme/updates/2026-02-02.md', 'symlink loop: not followed');
  skip('acme/updates/2026-02-02b.md', 'symlink loop: not followed');
  await mkdir(u('2026-02-09.md'));
  skip('acme/updates/2026-02-09.md', 'a directory, not a file: not read');
  await link(path.join(work, '.dev.vars'), u('2026-02-16.md'));
  skip('acme/updates/2026-02-16.md', 'hard link to a file outside the content folder (2 links, 1 inside): not read');
  // A hard link between two files of content/ is fine: both are read.
  await link(u('2026-01-05.md'), u('2026-02-23.md'));
  await symlink(path.join(work, 'elsewhere'), path.join(root, 'linked-team'));
  skip('linked-team', 'symlink out of the content folder: not followed');
  await mkdir(path.join(root, 'other'), { recursive: true });
  await symlink(path.join(work, 'elsewhere/updates'), path.join(root, 'other/updates'));
  skip('other/updates', 'symlink out of the content folder: not followed');
  await symlink(path.join(work, 'elsewhere'), path.join(root, 'acme/milestones/linked'));
  skip('acme/milestones/linked', 'symlink out of the content folder: not followed');
  execFileSync('mkfifo', [path.join(root, 'acme/milestones/plan.md')]);
  skip('acme/milestones/plan.md', 'not a regular file (fifo, socket or device): not read');
  await symlink(path.join(work, '.dev.vars'), path.join(root, 'teams.yaml'));
  skip('teams.yaml', 'symlink out of the content folder: not followed');
  if (withTooLarge) {
    await writeFile(u('2026-03-02.md'), '');
    await truncate(u('2026-03-02.md'), 4_100_000);
    expected.push('acme/updates/2026-03-02.md:1:1: error: file too large: 4100000 bytes (at most 4000000)');
  }
  return { work, root, expected };
}

async function runBuild(work: string): Promise<{ code: number; stderr: string; stdout: string }> {
  // As `npm run build` runs it: the build's bundle (scripts/build.mjs), no TypeScript compiled at run time.
  const args = ['scripts/build.mjs', '--content', path.join(work, 'content'), '--out', path.join(work, 'public'), '--model', path.join(work, 'site.json')];
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, args, { cwd: ROOT, env: { ...process.env, TIDINGS_BUILD_CACHE: 'off' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function published(dir: string): Promise<string> {
  let all = '';
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) if (e.isFile()) all += await readFile(path.join(e.parentPath, e.name), 'utf8');
  return all;
}

describe('npm run build reports every path it skips', () => {
  it('a warning with its path for each (symlink out, fifo, device, loop, directory named *.md, hard link out); exit 0; nothing of them published', async () => {
    const { work, root, expected } = await hostileContent(false);
    const { code, stderr, stdout } = await runBuild(work);
    expect(code, stderr).toBe(0);
    const lines = stderr.split('\n').filter((l) => l.endsWith('[unsafe-file]'));
    for (const line of expected) expect(lines, line).toContainEqual(expect.stringMatching(new RegExp(`^${(root + '/').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)));
    expect(lines, lines.join('\n')).toHaveLength(expected.length);
    expect(stdout).toMatch(/built 2 updates/);
    expect(await published(path.join(work, 'public'))).not.toContain('super-secret');
    expect(await readFile(path.join(work, 'site.json'), 'utf8')).not.toContain('super-secret');
  });

  it('a file too large to be a report is an error: the build fails, says which file, writes nothing', async () => {
    const { work, root } = await hostileContent(true);
    const { code, stderr } = await runBuild(work);
    expect(code).toBe(1);
    expect(stderr).toContain(`${root}/acme/updates/2026-03-02.md:1:1: error: file too large: 4100000 bytes (at most 4000000)`);
    expect(stderr).toContain(`${root}/acme/updates/2026-02-16.md:1:1: warning: hard link to a file outside the content folder`);
    expect(stderr).toMatch(/1 error\(s\), \d+ warning\(s\): nothing was written/);
    await expect(readdir(path.join(work, 'public'))).rejects.toThrow();
  });
});
