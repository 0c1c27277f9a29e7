import type { RecurringMilestone } from '.';

export const nomos: RecurringMilestone[] = [];
