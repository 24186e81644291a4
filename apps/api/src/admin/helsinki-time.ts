const ZONE = 'Europe/Helsinki';
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function helsinkiParts(date: Date): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of PARTS.formatToParts(date)) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return out;
}

/** "YYYY-MM-DD" of an instant on the calendar of Finland. */
export function helsinkiDate(date: Date): string {
  const p = helsinkiParts(date);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** Whether the text is a real calendar day written "YYYY-MM-DD". */
export function isCalendarDay(day: string): boolean {
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

/**
 * The instant a Helsinki calendar day begins, or null for anything but a real
 * "YYYY-MM-DD". Finland changes the clocks at 03:00/04:00, never at midnight.
 */
export function helsinkiDayStart(day: string): Date | null {
  if (!isCalendarDay(day)) return null;
  const [year, month, date] = day.split('-').map(Number);
  const wallClock = Date.UTC(year, month - 1, date);
  let instant = wallClock - offsetAt(new Date(wallClock));
  instant = wallClock - offsetAt(new Date(instant));
  return new Date(instant);
}

/** The calendar day `days` after `day` ("YYYY-MM-DD" in, out). */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number);
  const next = new Date(Date.UTC(year, month - 1, date + days));
  return `${next.getUTCFullYear()}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
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
