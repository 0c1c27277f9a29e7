/**
 * `npm run explain`: what an author runs to see how a report was understood.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain } from '../../scripts/explain';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const REPORTS = path.resolve(ROOT, '../shared/reports');
/** `npm run explain` as a user runs it: a process of its own. */
const explainCli = async (...args: string[]) => (await run(process.execPath, ['--import', 'tsx', 'scripts/explain.ts', ...args], { cwd: ROOT })).stdout;
/** The same command run in this process (no tsx start-up, issue 19): its printed lines. */
const explainHere = async (...args: string[]) => {
  const lines: string[] = [];
  expect(await explain(args, (line) => lines.push(line))).toBe(0);
  return `${lines.join('\n')}\n`;
};

// explain builds the whole content folder its argument is in. Each team explained here is
// copied alone into a folder of its own, so a run builds that team instead of all five of
// ../shared/reports (a third of the CPU): keys are per team, and the output is the same byte
// for byte as on ../shared/reports itself for these three runs (checked when this was made).
let work: string;
const team = (name: string) => path.join(work, name, name);
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'tidings-explain-'));
  for (const name of ['nomos', 'codex']) await cp(path.join(REPORTS, name), team(name), { recursive: true });
});
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('npm run explain', () => {
  it('shows a file’s outline: levels, keys, counts by kind, structure, warnings', async () => {
    const out = await explainCli(path.join(team('nomos'), 'updates', '2023-08-29.md'), '--items');
    expect(out).toContain('nomos/updates/2023-08-29.md → nomos/2023-08-29');
    expect(out).toMatch(/area\s+Milestone 1: Network Privacy and Mixnet|milestone\s+Network Privacy and Mixnet → nomos-network-privacy-and-mixnet/);
    // "Research" and "Development" under every workstream sort its work (facets of the team's template).
    // "A Mixnet PoC was conducted to gauge end-to-end latency", "Various enhancements for the
    // Mixnet have been developed": done.
    // Its "Development" lines that cite their pull request ("Sphinx Packet Delay Support: …/pull/321") are done (session 28).
    expect(out).toMatch(/Network Privacy and Mixnet → nomos-network-privacy-and-mixnet\s+7 achieved, 3 progress/);
    expect(out).toMatch(/document\s+Research *\n/);
    // --items: every item on its line, with its kind and part.
    expect(out).toMatch(/\n +\d+  achieved +A Mixnet PoC was conducted.*\(nomos-network-privacy-and-mixnet\)\n/);
    expect(out.match(/^ +\d+  progress .*\(nomos-network-privacy-and-mixnet\)$/gm)).toHaveLength(3);
    expect(out).toContain("warning: the week's sources disagree");
  }, 240_000);

  it('shows a team’s key table across weeks, and --json for scripts', async () => {
    const out = await explainHere(team('codex'));
    expect(out).toMatch(/^team codex: 35 updates, \d+ milestone keys/);
    expect(out).toMatch(/codex-marketplace\s+·\s+“Marketplace”/);
    const json = JSON.parse(await explainHere(team('codex'), '--json')) as { team: string; keys: Array<{ key: string; weeks: number; titles: string[] }> };
    expect(json.team).toBe('codex');
    expect(json.keys.find((k) => k.key === 'codex-marketplace')!.weeks).toBeGreaterThan(10);
    expect(json).not.toHaveProperty('files');
    // --json --items: each week's file report too, as `explain <file> --json` prints it.
    const all = JSON.parse(await explainHere(team('codex'), '--json', '--items')) as { files: Array<{ file: string; items: Array<{ line: number; kind: string; part: string }> }> };
    expect(all.files).toHaveLength(35);
    const one = JSON.parse(await explainHere(path.join(team('codex'), 'updates', path.basename(all.files[3]!.file)), '--json'));
    expect(all.files[3]).toEqual(one);
  }, 240_000);
});
