import { type FieldError, LANGUAGES, parseHelsinkiLocal } from '@ohjaamo/platform';
import { phoneDigits } from '@ohjaamo/clients';

export interface EventInput {
  siteId: string;
  title: string;
  theme?: string | null;
  /** "YYYY-MM-DDTHH:MM" in Finnish time, or an ISO instant with its offset. */
  startsAt: string;
  /** Either the end (same forms as the start) or the duration. */
  endsAt?: string | null;
  durationMinutes?: number | null;
  slotMinutes?: number | null;
  capacity: number;
}

export interface CleanEvent {
  siteId: string;
  title: string;
  theme: string | null;
  startsAt: Date;
  endsAt: Date;
  slotMinutes: number;
  rounds: number;
  capacity: number;
}

export interface GuestInput {
  name: string;
  phone?: string | null;
  email?: string | null;
  language?: string | null;
  consentToContact?: boolean;
}

export const DEFAULT_SLOT_MINUTES = 15;
export const MAX_EVENT_ROUNDS = 100;
export const MAX_EVENT_CAPACITY = 2000;
const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export const eventError = (
  field: string,
  code: string,
  params?: Record<string, string | number>,
): FieldError => ({ field, code, messageKey: `events.fieldErrors.${code}`, params });

/** An instant typed as Finnish wall-clock time, or given with its UTC offset. */
export function parseEventTime(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const local = parseHelsinkiLocal(value);
  if (local) return local;
  if (!ZONED.test(value)) return null;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

/**
 * The rules of a new event: a site the user works at, a start that is not in the past,
 * an end after it, a slot length that divides the duration into whole rounds.
 */
export function cleanEvent(
  input: EventInput,
  actorSiteIds: readonly string[],
  now: Date,
): { value: CleanEvent | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (!actorSiteIds.includes(input.siteId)) errors.push(eventError('siteId', 'siteNotYours'));
  const title = input.title?.trim() ?? '';
  if (!title) errors.push(eventError('title', 'titleRequired'));
  const startsAt = parseEventTime(input.startsAt);
  if (!startsAt) errors.push(eventError('startsAt', 'invalidDateTime'));
  else if (startsAt.getTime() < now.getTime()) errors.push(eventError('startsAt', 'inThePast'));

  let durationMinutes: number | null = null;
  const hasEnd = input.endsAt != null && input.endsAt !== '';
  const hasDuration = input.durationMinutes != null;
  if (hasEnd === hasDuration) {
    errors.push(eventError('endsAt', 'endOrDuration'));
  } else if (hasEnd) {
    const endsAt = parseEventTime(input.endsAt);
    if (!endsAt) errors.push(eventError('endsAt', 'invalidDateTime'));
    else if (startsAt && endsAt.getTime() <= startsAt.getTime()) {
      errors.push(eventError('endsAt', 'endBeforeStart'));
    } else if (startsAt) durationMinutes = (endsAt.getTime() - startsAt.getTime()) / 60_000;
  } else if (!Number.isInteger(input.durationMinutes) || input.durationMinutes! <= 0) {
    errors.push(eventError('durationMinutes', 'durationInvalid'));
  } else durationMinutes = input.durationMinutes!;

  const slotMinutes = input.slotMinutes ?? DEFAULT_SLOT_MINUTES;
  if (!Number.isInteger(slotMinutes) || slotMinutes < 5 || slotMinutes > 120) {
    errors.push(eventError('slotMinutes', 'slotInvalid'));
  } else if (durationMinutes !== null) {
    if (!Number.isInteger(durationMinutes) || durationMinutes % slotMinutes !== 0) {
      errors.push(
        eventError('slotMinutes', 'slotNotDivisor', {
          slot: slotMinutes,
          duration: Math.round(durationMinutes),
        }),
      );
    } else if (durationMinutes / slotMinutes > MAX_EVENT_ROUNDS) {
      errors.push(eventError('slotMinutes', 'tooManyRounds', { max: MAX_EVENT_ROUNDS }));
    }
  }
  if (
    !Number.isInteger(input.capacity) ||
    input.capacity < 1 ||
    input.capacity > MAX_EVENT_CAPACITY
  ) {
    errors.push(eventError('capacity', 'capacityInvalid', { max: MAX_EVENT_CAPACITY }));
  }
  if (errors.length > 0 || !startsAt || durationMinutes === null) return { value: null, errors };
  return {
    value: {
      siteId: input.siteId,
      title,
      theme: input.theme?.trim() ? input.theme.trim() : null,
      startsAt,
      endsAt: new Date(startsAt.getTime() + durationMinutes * 60_000),
      slotMinutes,
      rounds: durationMinutes / slotMinutes,
      capacity: input.capacity,
    },
    errors,
  };
}

/** A guest's details: a name and a way to reach them. Field names are under `guest.`. */
export function guestErrors(guest: GuestInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!guest.name?.trim()) errors.push(eventError('guest.name', 'nameRequired'));
  const phone = guest.phone?.trim() || null;
  const email = guest.email?.trim() || null;
  if (phone && phoneDigits(phone) === null) {
    errors.push(eventError('guest.phone', 'phoneInvalid'));
  }
  if (email && !EMAIL.test(email)) errors.push({ field: 'guest.email', code: 'isEmail' });
  if (!phone && !email) errors.push(eventError('guest.phone', 'contactRequired'));
  const language = guest.language ?? 'fi';
  if (!(LANGUAGES as readonly string[]).includes(language)) {
    errors.push(eventError('guest.language', 'unknownLanguage'));
  }
  return errors;
}
