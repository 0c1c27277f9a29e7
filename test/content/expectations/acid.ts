import type { RecurringMilestone } from '.';

/**
 * acid: bold paragraphs and `### **Name - Area**` headings as sections; read off the files.
 */
export const acid: RecurringMilestone[] = [
  { path: ["Al / Comms"], weeks: ["2023-08-02", "2023-08-29"] },
  { path: ["Matt  / Copy"], weeks: ["2023-08-02", "2023-08-29", "2023-10-03"] },
  { path: ["Louisa / Events"], weeks: ["2023-08-02", "2023-08-29", "2023-09-21", "2023-10-03"] },
  { path: ["Movement Building"], weeks: ["2023-08-09", "2023-10-17", "2023-10-24"] },
  { path: ["Podcast"], weeks: ["2023-08-09", "2023-10-17", "2023-10-24"] },
  { path: ["Events"], weeks: ["2023-08-09", "2023-10-17", "2023-10-24"] },
  { path: ["Christian - Podcast"], weeks: ["2023-08-29", "2023-10-03"] },
  { path: ["Amir - Tech & Design"], weeks: ["2023-09-21", "2023-10-03"] },
  { path: ["Nick - Digital Content Studio"], weeks: ["2023-09-21", "2023-10-03"] },
  { path: ["Santiago - Movement Building"], weeks: ["2023-09-21", "2023-10-03"] },
  { path: ["Tech & Design"], weeks: ["2023-10-17", "2023-10-24"] },
  { path: ["Digital Content Studio"], weeks: ["2023-10-17", "2023-10-24"] },
  { path: ["Project Management"], weeks: ["2023-10-17", "2023-10-24"] },
];
