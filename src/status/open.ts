/**
 * What is open about a milestone as of its latest week: the risks and blockers listed then,
 * each with the week it was first listed (a restated risk is the same risk: see
 * src/digest/fingerprint.ts), and what was last achieved and is next.
 */
import type { Item, Milestone, MilestoneSection, SiteModel, Update } from '../content/model';
import { fingerprint, sameRisk } from '../digest/fingerprint';
import { itemsOf, openOf } from './index';

export interface OpenItem {
  kind: 'blockers' | 'risks';
  item: Item;
  /** The week it is listed in (the milestone's latest). */
  update: Update;
  /** Date of the first week of the unbroken run of weeks it has been listed in. */
  since: string;
}

/** The milestone's weeks, newest first, as (update, section) pairs. */
export function weeksOf(site: SiteModel, milestone: Pick<Milestone, 'key' | 'weeks'>, updateById: (id: string) => Update | undefined): Array<{ update: Update; section: MilestoneSection }> {
  const out: Array<{ update: Update; section: MilestoneSection }> = [];
  for (const id of milestone.weeks) {
    const update = updateById(id);
    const section = update?.sections.find((s) => s.key === milestone.key);
    if (update && section) out.push({ update, section });
  }
  return out.sort((a, b) => (a.update.date < b.update.date ? 1 : a.update.date > b.update.date ? -1 : 0));
}

/** Blockers first, then risks, of the latest week, each with the date it was first listed. */
export function openItems(weeks: ReadonlyArray<{ update: Update; section: MilestoneSection }>): OpenItem[] {
  const latest = weeks[0];
  if (!latest) return [];
  const out: OpenItem[] = [];
  for (const kind of ['blockers', 'risks'] as const) {
    for (const item of openOf(latest.section, kind)) {
      const fp = fingerprint(item.text);
      let since = latest.update.date;
      for (const older of weeks.slice(1)) {
        const listed = [...itemsOf(older.section, 'blockers'), ...itemsOf(older.section, 'risks')].some((i) => sameRisk(fingerprint(i.text), fp));
        if (!listed) break;
        since = older.update.date;
      }
      out.push({ kind, item, update: latest.update, since });
    }
  }
  return out;
}

/** The newest week with achieved items, and those items. */
export function lastAchieved(weeks: ReadonlyArray<{ update: Update; section: MilestoneSection }>): { update: Update; items: Item[] } | undefined {
  for (const w of weeks) {
    const items = itemsOf(w.section, 'achieved');
    if (items.length > 0) return { update: w.update, items };
  }
  return undefined;
}
