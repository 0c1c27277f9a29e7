/**
 * Hand-written expectations per team, written by reading the markdown of ../shared (never by
 * running the parser): the milestones that recur across weeks, with the weeks they appear in.
 * `npm run fidelity` checks that each keeps one key in all its weeks; the tests check files.
 */
import { acid } from './acid';
import { codex } from './codex';
import { flow } from './flow';
import { innovationLab } from './innovation-lab';
import { nomos } from './nomos';
import { sugarlabs } from './sugarlabs';
import { vac } from './vac';
import { waku } from './waku';

export interface RecurringMilestone {
  /** Titles as written, outermost first where the title alone is ambiguous: ['P2P Privacy', 'Research']. */
  path: string[];
  /** Other ways the team writes the same name in some weeks (a tag with its unit in front). */
  also?: string[];
  /** Its tracker link, when it has one: then the link finds it, whatever the week's wording. */
  tracker?: string;
  /** Dates of the updates it appears in (the update's date as published). */
  weeks: string[];
}

export const EXPECTATIONS: Record<string, readonly RecurringMilestone[]> = {
  waku,
  nomos,
  codex,
  acid,
  innovation_lab: innovationLab,
  vac,
  flow,
  ...sugarlabs,
};
