import type { RecurringMilestone } from '.';

/**
 * innovation_lab: narrative weeks with `**Milestone**: X` and `**Next milestone**: X` lines;
 * the next milestone of one week is the milestone of a later one. Read off the three files.
 */
export const innovationLab: RecurringMilestone[] = [
  // 2023-07-12 "**Next milestone**: group chat support", 2023-08-02 "**Milestone**: group chat support".
  { path: ['group chat support'], weeks: ['2023-07-12', '2023-08-02'] },
  // 2023-08-02 and 2023-08-11, both as "**Next milestone**:".
  { path: ['Splitter Waku Object supporting group chats and smart contracts'], weeks: ['2023-08-02', '2023-08-11'] },
  // `### Conversation`: the comments thread pasted under the report.
  { path: ['Conversation'], weeks: ['2023-07-12', '2023-08-02'] },
];
