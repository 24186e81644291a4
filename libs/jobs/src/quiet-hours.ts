import { addDays, helsinkiDate, parseHelsinkiLocal } from '@ohjaamo/platform';

/** Quiet hours "HH-HH" in Helsinki time, e.g. "21-08": start inclusive, end exclusive. */
export function parseQuietHours(value: string): { start: number; end: number } {
  const [start, end] = value.split('-').map(Number);
  return { start, end };
}

function helsinkiHour(instant: Date): number {
  return Number(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Helsinki',
      hour: '2-digit',
      hourCycle: 'h23',
    }).format(instant),
  );
}

/** The first instant at or after `instant` outside quiet hours. */
export function nextAllowedInstant(instant: Date, quietHours: string): Date {
  const { start, end } = parseQuietHours(quietHours);
  const hour = helsinkiHour(instant);
  const wraps = start > end;
  const quiet = wraps ? hour >= start || hour < end : hour >= start && hour < end;
  if (!quiet) return instant;
  const today = helsinkiDate(instant);
  // After the start on a wrapping range, the quiet time ends tomorrow morning.
  const day = wraps && hour >= start ? addDays(today, 1) : today;
  return parseHelsinkiLocal(`${day}T${String(end).padStart(2, '0')}:00`)!;
}
