import { helsinkiDate, helsinkiDayStart } from '@ohjaamo/platform';

/** A Helsinki calendar month written "YYYY-MM". */
export type ReportMonthKey = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isReportMonth(value: unknown): value is ReportMonthKey {
  return typeof value === 'string' && MONTH.test(value) && Number(value.slice(0, 4)) >= 2000;
}

/** The month `count` months after `month` (negative: before). */
export function addMonths(month: ReportMonthKey, count: number): ReportMonthKey {
  const [year, mon] = month.split('-').map(Number);
  const index = year * 12 + (mon - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The Helsinki month an instant falls in. */
export function monthOf(instant: Date): ReportMonthKey {
  return helsinkiDate(instant).slice(0, 7);
}

/** "YYYY-MM-01", the month's first day, as the rollup tables store it. */
export function firstDay(month: ReportMonthKey): string {
  return `${month}-01`;
}

/** The instants the Helsinki month begins and ends (exclusive). */
export function monthRange(month: ReportMonthKey): { from: Date; to: Date } {
  return {
    from: helsinkiDayStart(firstDay(month))!,
    to: helsinkiDayStart(firstDay(addMonths(month, 1)))!,
  };
}

/** The months from `from` to `to`, both included, oldest first. */
export function monthsBetween(from: ReportMonthKey, to: ReportMonthKey): ReportMonthKey[] {
  const out: ReportMonthKey[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}
