/** Event-day attendance of a young person or an employer. */
export const ATTENDANCE = ['registered', 'arrived', 'late', 'no_show'] as const;
export type Attendance = (typeof ATTENDANCE)[number];

/** Attendances that count as present (a late arrival still meets employers). */
export const PRESENT: readonly Attendance[] = ['arrived', 'late'];
