/**
 * The calendar day `months` after `day`, clamped to the month's last day (31 January
 * plus one month is 28 or 29 February), so a follow-up never drifts into the next month.
 */
export function addMonths(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  const d = Math.min(date, lastDay);
  return `${target.getUTCFullYear()}-${pad(target.getUTCMonth() + 1)}-${pad(d)}`;
}

/** "3,6,12" → [3, 6, 12], sorted, without repeats. */
export function parseFollowUpMonths(setting: string): number[] {
  return [...new Set(setting.split(',').map((m) => Number(m.trim())))]
    .filter((m) => Number.isInteger(m) && m > 0)
    .sort((a, b) => a - b);
}

/** The follow-up points of an outcome that starts on `startDate`. */
export function followUpPoints(
  startDate: string,
  months: readonly number[],
): { months: number; dueOn: string }[] {
  return months.map((m) => ({ months: m, dueOn: addMonths(startDate, m) }));
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
