import { type OpeningHours, WEEKDAYS } from '@ohjaamo/identity';
import type { FieldError } from '@ohjaamo/platform';

// Each weekday has rows of two time inputs named opens-<day>-<row> and closes-<day>-<row>.
const HOURS_INPUT = /^(opens|closes)-([1-7])-(\d)$/;
/** Rows shown per weekday: a second period covers a lunch break. */
export const MIN_ROWS = 2;

export type HoursRows = Record<number, { opens: string; closes: string }[]>;

/** The hours inputs of a submitted form, and everything else in it. */
export function splitHoursInputs(body: Record<string, unknown>): {
  rows: HoursRows;
  rest: Record<string, unknown>;
} {
  const rows: HoursRows = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const match = HOURS_INPUT.exec(key);
    if (!match) {
      rest[key] = value;
      continue;
    }
    const [, which, day, row] = match;
    const dayRows = (rows[Number(day)] ??= []);
    while (dayRows.length <= Number(row)) dayRows.push({ opens: '', closes: '' });
    dayRows[Number(row)][which as 'opens' | 'closes'] =
      typeof value === 'string' ? value.trim() : '';
  }
  return { rows, rest };
}

/** Rows as stored: a site's opening hours, one row per period. */
export function rowsOf(hours: OpeningHours): HoursRows {
  const rows: HoursRows = {};
  for (const day of WEEKDAYS)
    rows[day] = (hours[`${day}`] ?? []).map((r) => ({ opens: r.opens, closes: r.closes }));
  return rows;
}

/**
 * Opening hours from the rows: fully empty rows are closed periods and left out. Returns
 * for each weekday which form row each stored period came from, to put errors back.
 */
export function openingHoursOf(rows: HoursRows): {
  hours: OpeningHours;
  rowOf: Record<number, number[]>;
} {
  const hours: OpeningHours = {};
  const rowOf: Record<number, number[]> = {};
  for (const day of WEEKDAYS) {
    const periods: { opens: string; closes: string }[] = [];
    const origin: number[] = [];
    (rows[day] ?? []).forEach((row, index) => {
      if (row.opens === '' && row.closes === '') return;
      periods.push({ opens: row.opens, closes: row.closes });
      origin.push(index);
    });
    if (periods.length > 0) hours[`${day}`] = periods;
    rowOf[day] = origin;
  }
  return { hours, rowOf };
}

/** Service errors on openingHours.<day>.<i>.<opens|closes> as errors on the form's inputs. */
export function hoursErrorsToInputs(
  errors: FieldError[],
  rowOf: Record<number, number[]>,
): FieldError[] {
  return errors.map((error) => {
    const parts = error.field.split('.');
    if (parts[0] !== 'openingHours') return error;
    const day = Number(parts[1]) || 1;
    const row = parts[2] === undefined ? 0 : (rowOf[day]?.[Number(parts[2])] ?? 0);
    const which = parts[3] === 'closes' ? 'closes' : 'opens';
    return { ...error, field: `${which}-${day}-${row}` };
  });
}
