import type { RecurringMilestone } from '.';

export const waku: RecurringMilestone[] = [];
