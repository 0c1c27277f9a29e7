import type { RecurringMilestone } from '.';

/**
 * sugarlabs (other-orgs): three mentored projects' weekly reports. No milestone is named: each
 * project is the thing followed, as its team's own part (titled by the folder), in every week
 * (weeks are the dates in the file names; the reports are dated by their reporting period).
 * Written after the unseen run, by reading the files.
 */
export const sugarlabs: Record<string, RecurringMilestone[]> = {
  "musicblocks-debugger": [{ path: ["Musicblocks debugger"], weeks: ["2025-06-08", "2025-06-15", "2025-06-22", "2025-06-29", "2025-07-06", "2025-07-13", "2025-07-20", "2025-07-27", "2025-08-04", "2025-08-10"] }],
  "musicblocks-v4-engine": [{ path: ["Musicblocks v4 engine"], weeks: ["2025-06-08", "2025-06-15", "2025-06-22", "2025-06-29", "2025-07-06", "2025-07-13", "2025-07-20", "2025-07-27", "2025-08-03", "2025-08-10"] }],
  "pippy-debugger": [{ path: ["Pippy debugger"], weeks: ["2025-06-08", "2025-06-15", "2025-06-23", "2025-06-29", "2025-07-07", "2025-07-14", "2025-07-21", "2025-08-02", "2025-08-04", "2025-08-16"] }],
};
