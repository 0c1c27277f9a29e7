import { buildContentDir, indexMilestones, type SiteModel } from '../src/content';
import { computeChanges } from '../src/digest/changes';
import { teamSections } from '../src/digest/layout';
import { takeSnapshot, type Snapshot } from '../src/digest/snapshot';
const dir = process.argv[2]!;
const result = await buildContentDir(dir);
const site: SiteModel = result.site;
const dates = [...new Set(site.updates.map((u) => u.date))].sort();
let previous: Snapshot | undefined;
for (const date of dates) {
  const updates = site.updates.filter((u) => u.date <= date);
  const now = { ...site, version: `${site.version}@${date}`, updates, milestones: indexMilestones(updates) };
  const ch = computeChanges(now, previous, { quietWeeks: 3 });
  previous = takeSnapshot(now);
  for (const s of teamSections(ch, [])) {
    const news = s.cards.filter((m) => m.isNew);
    console.log(date, 'new cards', news.length, news.map((m) => `${m.title} [${m.key}] ${m.achieved.length}a/${m.next?.length ?? 0}n`).join(' | '));
    if (s.newLine.length) console.log('   newLine', s.newLine.length, s.newLine.map((m) => m.title).join(', '));
    if (s.quietLine.length) console.log('   quiet', s.quietLine.length, s.quietLine.map((m) => m.title).join(', '));
  }
}
