/**
 * `npm run explain`: what an author runs to see how a report was understood.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const explain = async (...args: string[]) => (await run(process.execPath, ['--import', 'tsx', 'scripts/explain.ts', ...args], { cwd: ROOT })).stdout;

describe('npm run explain', () => {
  it('shows a file’s outline: levels, keys, counts by kind, structure, warnings', async () => {
    const out = await explain('../shared/reports/nomos/updates/2023-08-29.md');
    expect(out).toContain('nomos/updates/2023-08-29.md → nomos/2023-08-29');
    expect(out).toMatch(/area\s+Milestone 1: Network Privacy and Mixnet|milestone\s+Network Privacy and Mixnet → nomos-network-privacy-and-mixnet/);
    expect(out).toMatch(/Research → nomos-[a-z-]*research\s+1 progress/);
    expect(out).toContain("warning: the week's sources disagree");
  }, 240_000);

  it('shows a team’s key table across weeks, and --json for scripts', async () => {
    const out = await explain('../shared/reports/codex');
    expect(out).toMatch(/^team codex: 35 updates, \d+ milestone keys/);
    expect(out).toMatch(/codex-marketplace\s+·\s+“Marketplace”/);
    const json = JSON.parse(await explain('../shared/reports/codex', '--json')) as { team: string; keys: Array<{ key: string; weeks: number; titles: string[] }> };
    expect(json.team).toBe('codex');
    expect(json.keys.find((k) => k.key === 'codex-marketplace')!.weeks).toBeGreaterThan(10);
  }, 240_000);
});
