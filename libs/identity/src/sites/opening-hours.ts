/** ISO weekday numbers, Monday = 1 ... Sunday = 7. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Opening hours of a site: for each weekday, zero or more "HH:MM" ranges. */
export type OpeningHours = Partial<Record<`${Weekday}`, { opens: string; closes: string }[]>>;
