import type { RecurringMilestone } from '.';

/**
 * codex: 2023 `## Client` → `### Milestone: X` / `### Epic: X`, 2024 `## Client, Testing and
 * Infrastructure` → `### Client` …, `## Marketplace`, `## Research`; read off the headings. A
 * week whose heading holds nothing but the template's empty labels (`Completed:` / `Ongoing:`:
 * the three Client epics on 2024-02-26, End-to-end Testing on 2024-03-11) is no week of it.
 */
export const codex: RecurringMilestone[] = [
  { path: ["Client", "Milestone: Block Merkelization"], weeks: ["2023-08-31", "2023-09-15", "2023-09-29", "2023-10-23"] },
  { path: ["Client", "Milestone: Block Exchange protocol refinements and simulations"], weeks: ["2023-08-31", "2023-09-15", "2023-09-29", "2023-10-23"] },
  { path: ["Client", "Milestone: Async Disc Access & Threading support"], weeks: ["2023-08-31", "2023-09-15", "2023-09-29", "2023-10-23"] },
  { path: ["Client", "Milestone: Client stability and debugging"], weeks: ["2023-08-31", "2023-09-15", "2023-09-29", "2023-10-23"] },
  { path: ["Research", "Milestone: Publications"], weeks: ["2023-09-15", "2023-09-29", "2023-10-23"] },
  { path: ["Client", "Epic: Wiring the Proving System"], weeks: ["2023-11-03", "2023-11-10", "2024-01-22", "2024-01-29", "2024-02-05", "2024-02-19"] },
  { path: ["Client", "Epic: Improve Client Stability"], weeks: ["2023-11-03", "2023-11-10", "2024-01-22", "2024-01-29", "2024-02-05", "2024-02-19"] },
  { path: ["Marketplace", "Epic: End-to-end Testing"], weeks: ["2023-11-03", "2023-11-10", "2024-01-22", "2024-01-29", "2024-02-05", "2024-02-12", "2024-02-19", "2024-02-26", "2024-03-04"] },
  { path: ["Client", "Epic: Nim Improvements"], weeks: ["2024-01-29", "2024-02-05", "2024-02-19"] },
  { path: ["Client, Testing and Infrastructure", "Epic: Nim Improvements"], weeks: ["2024-02-12", "2024-03-04"] },
  { path: ["Client, Testing and Infrastructure", "Epic: Wiring the Proving System"], weeks: ["2024-02-12", "2024-03-04", "2024-03-11"] },
  { path: ["Client, Testing and Infrastructure", "Epic: Improve Client Stability"], weeks: ["2024-02-12", "2024-03-04", "2024-03-11"] },
  { path: ["Client, Testing and Infrastructure", "Client"], weeks: ["2024-03-18", "2024-03-25", "2024-04-01"] },
  { path: ["Client, Testing and Infrastructure", "Infrastructure"], weeks: ["2024-03-18", "2024-03-25", "2024-04-01"] },
];
