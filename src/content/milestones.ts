import type { Milestone, Update } from './model';

/** Every milestone across weeks, from the published updates. */
export function indexMilestones(updates: Update[]): Milestone[] {
  const byKey = new Map<string, Milestone>();
  const oldestFirst = [...updates].reverse();
  for (const update of oldestFirst) {
    for (const section of update.sections) {
      let m = byKey.get(section.key);
      if (!m) {
        m = {
          key: section.key,
          title: section.title,
          titles: [],
          team: update.team,
          level: section.level,
          weeks: [],
          firstSeen: update.date,
          lastSeen: update.date,
        };
        byKey.set(section.key, m);
      }
      m.title = section.title;
      if (!m.titles.includes(section.title)) m.titles.push(section.title);
      if (section.trackerUrl) m.trackerUrl = section.trackerUrl;
      if (section.parentKey) m.parentKey = section.parentKey;
      else delete m.parentKey;
      m.level = section.level;
      if (!m.weeks.includes(update.id)) m.weeks.push(update.id);
      m.lastSeen = update.date;
    }
  }
  return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
}
