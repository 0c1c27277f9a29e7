import { indexMilestones, type SiteModel } from '../src/content';
import { changesByTeam } from '../src/digest/by-team';
import { computeChanges } from '../src/digest/changes';
import { takeSnapshot, type Snapshot } from '../src/digest/snapshot';
import { partsInMemory, SnapshotText, wholeSnapshot, type PreviousSnapshot } from '../src/digest/snapshot-parts';
import { expect } from 'vitest';
import { expectEqual } from '../test/same';
import { servedData } from '../test/assets';
import { buildContentDir } from '../src/content';
const t: Record<string, number> = {};
const time = async <T>(k: string, f: () => T | Promise<T>): Promise<T> => { const s = performance.now(); const r = await f(); t[k] = (t[k] ?? 0) + performance.now() - s; return r; };
function siteAsOf(site: SiteModel, date: string): SiteModel {
  const updates = site.updates.filter((u) => u.date <= date);
  return { ...site, version: `${site.version}@${date}`, updates, milestones: indexMilestones(updates) };
}
const { site } = await time('build', () => buildContentDir('../shared/reports'));
const all = [...new Set(site.updates.map((u) => u.date))].sort();
const dates = all.filter((_, i) => (all.length - 1 - i) % 2 === 0);
let previous: Snapshot | undefined; let stored: PreviousSnapshot | undefined;
for (const date of dates) {
  const now = await time('asOf', () => siteAsOf(site, date));
  const whole = await time('computeChanges', () => computeChanges(now, previous, { quietWeeks: 3 }));
  const text = new SnapshotText();
  const source = await time('servedData', () => servedData(now));
  const changes = await time('byTeam', () => changesByTeam(source.catalog, stored, { quietWeeks: 3 }, text));
  await time('eqNew', () => expect(changes.newUpdates).toEqual(whole.newUpdates));
  await time('eqEdited', () => expect(changes.editedUpdates).toEqual(whole.editedUpdates));
  const norm = (c: any) => ({ ...c, milestones: [...c.milestones].sort((a: any, b: any) => (a.key < b.key ? -1 : 1)) });
  await time('eqAll', () => { const a = JSON.stringify(norm(changes)), b = JSON.stringify(norm(whole)); if (a !== b) { t.mismatch = (t.mismatch ?? 0) + 1; expectEqual(norm(changes), norm(whole)); } });
  if (previous) await time('byTeamWhole', () => changesByTeam(source.catalog, wholeSnapshot(previous!), { quietWeeks: 3 }));
  const snapshot = await time('take', () => takeSnapshot(now));
  const parts = await time('parts', () => partsInMemory(text, changes.until, now.version));
  await time('whole', () => parts.whole());
  previous = snapshot; stored = parts;
}
console.log(dates.length, Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.round(v)])));
