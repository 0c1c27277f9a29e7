import type { RecurringMilestone } from '.';

export const acid: RecurringMilestone[] = [];
