/**
 * Calendar arithmetic in Finnish time. The database stores UTC; days, months and the
 * times people type or read are Europe/Helsinki. Finland changes the clocks at 03:00/04:00,
 * never at midnight, so every Helsinki midnight exists exactly once.
 */
const ZONE = 'Europe/Helsinki';
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  weekday: 'short',
});

const WEEKDAY_NUMBER: Record<string, number> = {
  Mon: 1,
  Tue: 2,
  Wed: 3,
  Thu: 4,
  Fri: 5,
  Sat: 6,
  Sun: 7,
};

function helsinkiParts(date: Date): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of PARTS.formatToParts(date)) {
    if (part.type === 'weekday') out.weekday = WEEKDAY_NUMBER[part.value] ?? 0;
    else if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return out;
}

/** "YYYY-MM-DD" of an instant on the calendar of Finland. */
export function helsinkiDate(date: Date): string {
  const p = helsinkiParts(date);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** ISO weekday (Monday 1 ... Sunday 7) of an instant in Finland. */
export function helsinkiWeekday(date: Date): number {
  return helsinkiParts(date).weekday;
}

/** Whether the text is a real calendar day written "YYYY-MM-DD". */
export function isCalendarDay(day: unknown): day is string {
  if (typeof day !== 'string') return false;
  const match = DAY.exec(day);
  if (!match) return false;
  const [year, month, date] = match.slice(1).map(Number);
  const check = new Date(Date.UTC(year, month - 1, date));
  return (
    check.getUTCFullYear() === year &&
    check.getUTCMonth() === month - 1 &&
    check.getUTCDate() === date
  );
}

/** The instants a Helsinki calendar day begins and ends (exclusive). */
export function helsinkiDayRange(day: string): { from: Date; to: Date } {
  return {
    from: helsinkiWallClockToUtc(day, 0, 0),
    to: helsinkiWallClockToUtc(addDays(day, 1), 0, 0),
  };
}

/** The instant a Helsinki calendar day begins, or null for anything but a real day. */
export function helsinkiDayStart(day: unknown): Date | null {
  return isCalendarDay(day) ? helsinkiWallClockToUtc(day, 0, 0) : null;
}

/** The calendar day `days` after `day` ("YYYY-MM-DD" in, out). */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number);
  const next = new Date(Date.UTC(year, month - 1, date + days));
  return `${next.getUTCFullYear()}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
}

/**
 * Parses what a `datetime-local` input sends ("YYYY-MM-DDTHH:MM", Finnish wall-clock time)
 * into an instant; null when it is not such a value.
 */
export function parseHelsinkiLocal(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const match = LOCAL_DATE_TIME.exec(value);
  if (!match || !isCalendarDay(value.slice(0, 10))) return null;
  const [hour, minute] = [Number(match[4]), Number(match[5])];
  if (hour > 23 || minute > 59) return null;
  return helsinkiWallClockToUtc(value.slice(0, 10), hour, minute);
}

/** The value a `datetime-local` input shows for an instant, in Finnish time. */
export function formatHelsinkiLocal(date: Date): string {
  const p = helsinkiParts(date);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

function helsinkiWallClockToUtc(day: string, hour: number, minute: number): Date {
  const [year, month, date] = day.split('-').map(Number);
  const wallClock = Date.UTC(year, month - 1, date, hour, minute);
  // Two rounds settle the offset also right after a clock change.
  let instant = wallClock - offsetAt(new Date(wallClock));
  instant = wallClock - offsetAt(new Date(instant));
  return new Date(instant);
}

// How far Helsinki wall-clock time is ahead of UTC at this instant, in milliseconds.
function offsetAt(date: Date): number {
  const p = helsinkiParts(date);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(date.getTime() / 1000) * 1000;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
