import type { RecurringMilestone } from '.';

export const innovationLab: RecurringMilestone[] = [];
