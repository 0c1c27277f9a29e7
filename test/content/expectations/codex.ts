import type { RecurringMilestone } from '.';

export const codex: RecurringMilestone[] = [];
