/**
 * The diff on real history: replay the corpus week by week, cutting a digest after each.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { indexMilestones, parseUpdate, type SiteModel, type Update } from '../../src/content';
import { computeChanges, type Changes } from '../../src/digest/changes';
import { fingerprint, sameItem } from '../../src/digest/fingerprint';
import { takeSnapshot, type Snapshot } from '../../src/digest/snapshot';
import { CORPUS, corpusBuild, sampleBuild } from '../content/helpers';

/** The site as it was when the updates up to `date` (included) were published. */
function siteAsOf(site: SiteModel, date: string, replace?: Update): SiteModel {
  const updates = site.updates.filter((u) => u.date <= date).map((u) => (replace && u.id === replace.id ? replace : u));
  return { ...site, version: `${site.version}@${date}`, updates, milestones: indexMilestones(updates) };
}

function replay(site: SiteModel, quietWeeks = 3): Array<{ date: string; changes: Changes }> {
  const dates = [...new Set(site.updates.map((u) => u.date))].sort();
  let previous: Snapshot | undefined;
  const digests: Array<{ date: string; changes: Changes }> = [];
  for (const date of dates) {
    const now = siteAsOf(site, date);
    digests.push({ date, changes: computeChanges(now, previous, { quietWeeks }) });
    previous = takeSnapshot(now);
  }
  return digests;
}

describe('replaying waku/updates week by week', () => {
  it('puts every achieved item of the corpus in exactly one digest', async () => {
    const { site } = await corpusBuild();
    const digests = replay(site);
    expect(digests).toHaveLength(49);
    const problems: string[] = [];
    let items = 0;
    for (const update of site.updates) {
      for (const section of update.sections) {
        for (const item of section.items.achieved) {
          const fp = fingerprint(item.text);
          if (fp === '') continue;
          items++;
          const containing = digests.filter((d) =>
            d.changes.milestones.some((m) => m.key === section.key && m.achieved.some((a) => sameItem(fingerprint(a.text), fp))),
          );
          if (containing.length !== 1) problems.push(`${update.source}:${item.line} in ${containing.length} digests: ${item.text.slice(0, 70)}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(items).toBeGreaterThan(1000);
  });

  it('announces a repeated bullet once, even re-indented, re-bolded or with a changed link', async () => {
    const { site } = await corpusBuild();
    const digests = replay(site);
    const total = digests.reduce((n, d) => n + d.changes.milestones.reduce((k, m) => k + m.achieved.length, 0), 0);
    const listed = site.updates.reduce((n, u) => n + u.sections.reduce((k, s) => k + s.items.achieved.length, 0), 0);
    // Weekly reports repeat themselves: far fewer announcements than bullets written.
    expect(total).toBeLessThan(listed);
  });

  it('reports the milestone linked to pm/issues/12 as new once, and its risks resolved when they stop being listed', async () => {
    const { site } = await corpusBuild();
    const digests = replay(site);
    const appearances = digests.filter((d) => d.changes.milestones.some((m) => m.key === 'waku-org-pm-12' && m.isNew));
    expect(appearances.map((d) => d.date)).toEqual(['2023-08-14']);
    const resolved = digests.flatMap((d) => d.changes.milestones.filter((m) => m.key === 'waku-org-pm-12').flatMap((m) => m.resolved));
    expect(resolved.length).toBeGreaterThan(0);
  });

  it('the first digest ever covers only the latest week', async () => {
    const { site } = await corpusBuild();
    const changes = computeChanges(site, undefined, { quietWeeks: 3 });
    expect(changes.newUpdates.map((u) => u.id)).toEqual(['waku/2024-10-21']);
    expect(changes.since).toBeUndefined();
    expect(changes.until).toBe('2024-10-21');
  });

  it('running the diff again right after a cut finds nothing', async () => {
    const { site } = await corpusBuild();
    const changes = computeChanges(site, takeSnapshot(site), { quietWeeks: 3 });
    expect(changes).toEqual({ since: '2024-10-21', until: '2024-10-21', newUpdates: [], editedUpdates: [], milestones: [] });
  });

  it('an update edited after its digest shows up as edited, with only what was added', async () => {
    const { site, owners, recurrence } = await corpusBuild();
    // Read as the build reads waku's files: with the team's title owners (which parent holds each
    // bare title key) and what recurs across its weeks.
    const first = parseUpdate(new VFile({ path: 'edits/2023-12-04.first-version.md', value: await readFile(path.join(CORPUS, 'edits/2023-12-04.first-version.md')) }), {
      team: 'waku',
      owners: new Map(owners.get('waku')!),
      recurrence: recurrence.get('waku')!,
    })!;
    const before = siteAsOf(site, '2023-12-04', first);
    const after = siteAsOf(site, '2023-12-04');
    const changes = computeChanges(after, takeSnapshot(before), { quietWeeks: 3 });
    expect(changes.newUpdates).toEqual([]);
    expect(changes.editedUpdates.map((u) => u.id)).toEqual(['waku/2023-12-04']);
    // The later version adds the Chat SDK section; everything else was already announced.
    expect(changes.milestones.map((m) => m.key).sort()).toEqual(['waku-chat-sdk', 'waku-org-pm-105']);
    expect(changes.milestones.find((m) => m.key === 'waku-org-pm-105')!.achieved.map((i) => i.text)).toEqual(['Running custom built desktop with status-go, working on community store node']);
  });
});

describe('replaying the sample content', () => {
  it('reports renames, new milestones, resolved risks and milestones gone quiet in the right week', async () => {
    const { site } = await sampleBuild();
    const digests = replay(site);
    const at = (date: string) => digests.find((d) => d.date === date)!.changes;
    const m = (date: string, key: string) => at(date).milestones.find((x) => x.key === key);

    expect(m('2026-10-19', 'northwind-dev-roadmap-21')?.renamedFrom).toBe('Sync protocol v2');
    expect(m('2026-10-26', 'beacon-offline-first-editing')?.renamedFrom).toBe('Offline mode');
    expect(m('2026-10-19', 'northwind-dev-roadmap-44')?.isNew).toBe(true);
    expect(m('2026-10-12', 'northwind-dev-roadmap-44')).toBeUndefined();
    // Self-hosted server packaging (#40): last entry 10-19, quiet for 3 weeks on 11-09, reported once.
    expect(m('2026-11-02', 'northwind-dev-roadmap-40')).toBeUndefined();
    expect(m('2026-11-09', 'northwind-dev-roadmap-40')?.quiet).toEqual({ weeks: 3 });
    // Storage scale-out's cutover risk is restated with more detail on 10-12 (the same risk),
    // replaced by a smaller one on 10-19, which Support's sign-off resolves on 10-26.
    const storage = (date: string) => m(date, 'northwind-dev-roadmap-30');
    expect(storage('2026-10-12')?.risks ?? []).toEqual([]);
    expect(storage('2026-10-12')?.resolved ?? []).toEqual([]);
    expect(storage('2026-10-19')?.risks.map((r) => r.text)).toEqual([expect.stringMatching(/read-only time per tenant batch/)]);
    expect(storage('2026-10-26')?.resolved.map((r) => r.text)).toEqual([expect.stringMatching(/read-only time per tenant batch/)]);
  });

  it('a digest cut twice in a row finds nothing the second time', async () => {
    const { site } = await sampleBuild();
    const snapshot = takeSnapshot(site);
    expect(computeChanges(site, snapshot, { quietWeeks: 3 }).milestones).toEqual([]);
  });
});
