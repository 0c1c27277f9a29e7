/**
 * `npm run fidelity`'s measures can fail: on a folder it has never seen, read well, every
 * measure is on target; the same folder read badly (keys named by their week, a label read as a
 * part, structure read as an item, achievements read as progress) fails each of them.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fidelity } from '../../scripts/fidelity';
import { buildContentDir, indexMilestones, type BuildResult } from '../../src/content';

let dir: string;
const dates = ['2026-02-02', '2026-02-09', '2026-02-16', '2026-02-23', '2026-03-02', '2026-03-09'];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tidings-fidelity-'));
  await mkdir(path.join(dir, 'relay/updates'), { recursive: true });
  for (const [i, date] of dates.entries()) {
    await writeFile(
      path.join(dir, 'relay/updates', `${date}.md`),
      `---\ndate: ${date}\n---\n# Relay team ${date.replaceAll('-', '/')}\n\n## Gateway\n\n**Done**\n- tuned pool ${i}\n\n**Next**\n- shard the cache ${i}\n\n## Billing\n- Completed: invoice export ${i}\n- Completed: ![Billing](billing.png)\n- Risks: vendor contract ${i}\n`,
    );
  }
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The same reading, spoiled the ways issue 16 names. */
async function badReading(folder: string): Promise<BuildResult> {
  const result = await buildContentDir(folder);
  for (const u of result.site.updates) {
    for (const s of u.sections) {
      s.key = `${s.key}-${u.date}`;
      s.items.progress.push(...s.items.achieved.splice(0), { html: 'Ongoing:', text: 'Ongoing:', links: [], line: 1, depth: 0 });
      // A name that leads in with its colon read as an item, its bullets nested under it.
      s.items.progress.push({ html: 'Mainnet:', text: 'Mainnet:', links: [], line: 90, depth: 0 }, { html: 'nodes updated', text: 'nodes updated', links: [], line: 91, depth: 1 });
    }
    u.sections.push({ key: `relay-work-done-${u.date}`, title: 'Work Done', level: 'workstream', status: [], line: 1, items: { achieved: [], progress: [], next: [], risks: [], blockers: [], notes: [] }, workItems: [] });
  }
  result.site.milestones = indexMilestones(result.site.updates);
  return result;
}

describe('npm run fidelity on a folder it was never tuned for', () => {
  it('read well: every measure on target', async () => {
    const [row] = await fidelity(buildContentDir, [dir]);
    expect(row!.team).toBe('relay');
    expect(row!.failing).toEqual([]);
    // A picture described by its part's name ("![Billing](…)") is content, not the name again.
    expect([row!.datedKeys, row!.labelParts, row!.structureItems, row!.doneUnread]).toEqual([0, 0, 0, 0]);
    expect(row!.oneWeekPct).toBe(0);
    expect(row!.noticesMedian).toBe(0);
    expect(row!.labelledPct).toBe(100);
    expect(row!.guessedPct).toBe(0);
  });

  it('items that say nothing of their kind, under no label, are guesses: off target; the same items under labels are not', async () => {
    const unsaid = await mkdtemp(path.join(tmpdir(), 'tidings-fidelity-unsaid-'));
    try {
      for (const [team, labels] of [['quiet', ['', '']], ['said', ['**Done**\n', '**Next**\n']]] as const) {
        await mkdir(path.join(unsaid, team, 'updates'), { recursive: true });
        for (const [i, date] of dates.entries()) {
          await writeFile(path.join(unsaid, team, 'updates', `${date}.md`), `## Gateway\n\n${labels[0]}- pool sizing ${i}\n- cache layer ${i}\n\n## Billing\n\n${labels[1]}- invoice export ${i}\n`);
        }
      }
      const rows = await fidelity(buildContentDir, [unsaid]);
      const [quiet, said] = [rows.find((r) => r.team === 'quiet')!, rows.find((r) => r.team === 'said')!];
      expect(quiet.guessedPct).toBe(100);
      expect(quiet.failing).toContain('kinds guessed');
      expect(quiet.problems.filter((p) => p.includes('kind guessed'))).toHaveLength(5);
      expect(said.guessedPct).toBe(0);
      expect(said.failing).not.toContain('kinds guessed');
    } finally {
      await rm(unsaid, { recursive: true, force: true });
    }
  });

  it("does not count the team's own part as a label read as a part when the team's name is a label (progress)", async () => {
    const named = await mkdtemp(path.join(tmpdir(), 'tidings-fidelity-named-'));
    try {
      await mkdir(path.join(named, 'progress/updates'), { recursive: true });
      for (const date of dates) await writeFile(path.join(named, 'progress/updates', `${date}.md`), `## Done\n- tuned pool ${date}\n\n## Next\n- shard the cache ${date}\n`);
      const [row] = await fidelity(buildContentDir, [named]);
      expect(row!.keys).toBe(1);
      expect(row!.labelParts).toBe(0);
      // A label that is a part is still one, whatever the team is called.
      const [bad] = await fidelity(badReading, [named]);
      expect(bad!.labelParts).toBeGreaterThan(0);
    } finally {
      await rm(named, { recursive: true, force: true });
    }
  });

  it('read badly: each measure fails', async () => {
    const [row] = await fidelity(badReading, [dir]);
    expect(row!.failing).toEqual(['dated keys', 'one-week parts', 'digest notices', 'label parts', 'structure items', 'done unread']);
    expect(row!.problems.filter((p) => p.includes('item is a name over its bullets: “Mainnet:”')).length).toBeGreaterThan(0);
  });
});
