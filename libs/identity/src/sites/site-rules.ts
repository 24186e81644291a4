import { helsinkiWeekday as weekdayInHelsinki, type FieldError } from '@ohjaamo/platform';
import { WEEKDAYS, type OpeningHours, type Weekday } from './opening-hours';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const POSTAL_CODE = /^\d{5}$/;

export interface CalendarEntryInput {
  organisationId: string;
  weekday: number;
  starts?: string | null;
  ends?: string | null;
}

export function postalCodeErrors(field: string, value: unknown): FieldError[] {
  return typeof value === 'string' && POSTAL_CODE.test(value.trim())
    ? []
    : [rule(field, 'postalCodeInvalid')];
}

export function isWeekday(value: unknown): value is Weekday {
  return (WEEKDAYS as readonly unknown[]).includes(value);
}

/**
 * Opening hours: keys "1" (Monday) to "7" (Sunday), each a list of "HH:MM" ranges that
 * open before they close and do not overlap.
 */
export function openingHoursErrors(field: string, value: unknown): FieldError[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return [rule(field, 'openingHoursInvalid')];
  }
  const errors: FieldError[] = [];
  for (const [key, ranges] of Object.entries(value as Record<string, unknown>)) {
    const dayField = `${field}.${key}`;
    if (!isWeekday(Number(key)) || String(Number(key)) !== key) {
      errors.push(rule(dayField, 'weekdayInvalid'));
      continue;
    }
    if (!Array.isArray(ranges)) {
      errors.push(rule(dayField, 'openingHoursInvalid'));
      continue;
    }
    const valid: { opens: string; closes: string }[] = [];
    ranges.forEach((range: unknown, i) => {
      const rangeField = `${dayField}.${i}`;
      const { opens, closes } = (range ?? {}) as Record<string, unknown>;
      const rangeErrors = timeRangeErrors(rangeField, opens, closes, 'opens', 'closes');
      errors.push(...rangeErrors);
      if (rangeErrors.length === 0)
        valid.push({ opens: opens as string, closes: closes as string });
    });
    const sorted = [...valid].sort((a, b) => a.opens.localeCompare(b.opens));
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i].opens < sorted[i - 1].closes) {
        errors.push(rule(dayField, 'timeRangesOverlap'));
        break;
      }
    }
  }
  return errors;
}

/** Stored form: weekdays in order, ranges sorted by opening time. */
export function normaliseOpeningHours(hours: OpeningHours): OpeningHours {
  const out: OpeningHours = {};
  for (const day of WEEKDAYS) {
    const ranges = hours[`${day}`];
    if (ranges && ranges.length > 0) {
      out[`${day}`] = ranges
        .map(({ opens, closes }) => ({ opens, closes }))
        .sort((a, b) => a.opens.localeCompare(b.opens));
    }
  }
  return out;
}

/**
 * The weekly agency calendar: weekday 1..7, hours both given (starts before ends) or both
 * left out (the site's opening hours), and each agency at most once a weekday.
 * Whether the organisations exist is checked by the caller against the database.
 */
export function calendarEntryErrors(entries: unknown): FieldError[] {
  if (!Array.isArray(entries)) return [{ field: 'entries', code: 'isArray' }];
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  entries.forEach((entry: unknown, i) => {
    const field = `entries.${i}`;
    const { organisationId, weekday, starts, ends } = (entry ?? {}) as Record<string, unknown>;
    if (typeof organisationId !== 'string' || organisationId === '') {
      errors.push({ field: `${field}.organisationId`, code: 'isNotEmpty' });
    }
    if (!isWeekday(weekday)) errors.push(rule(`${field}.weekday`, 'weekdayInvalid'));
    const hasStarts = starts !== undefined && starts !== null;
    const hasEnds = ends !== undefined && ends !== null;
    if (hasStarts !== hasEnds) {
      errors.push(rule(`${field}.${hasStarts ? 'ends' : 'starts'}`, 'timeRangeIncomplete'));
    } else if (hasStarts) {
      errors.push(...timeRangeErrors(field, starts, ends, 'starts', 'ends'));
    }
    const key = `${String(organisationId)}:${String(weekday)}`;
    if (seen.has(key)) errors.push(rule(field, 'calendarDuplicate'));
    seen.add(key);
  });
  return errors;
}

/** ISO weekday (Monday = 1) of an instant on the calendar of Finland. */
export function helsinkiWeekday(date: Date): Weekday {
  return weekdayInHelsinki(date) as Weekday;
}

function timeRangeErrors(
  field: string,
  from: unknown,
  to: unknown,
  fromName: string,
  toName: string,
): FieldError[] {
  const errors: FieldError[] = [];
  const fromOk = typeof from === 'string' && TIME.test(from);
  const toOk = typeof to === 'string' && TIME.test(to);
  if (!fromOk) errors.push(rule(`${field}.${fromName}`, 'timeInvalid'));
  if (!toOk) errors.push(rule(`${field}.${toName}`, 'timeInvalid'));
  // Zero-padded "HH:MM" strings compare in time order.
  if (fromOk && toOk && from >= to) errors.push(rule(`${field}.${toName}`, 'timeRangeInvalid'));
  return errors;
}

function rule(field: string, code: string): FieldError {
  return { field, code, messageKey: `identity.${code}` };
}
