import { formatHelsinkiLocal, parseHelsinkiLocal, type FieldError } from '@ohjaamo/platform';
import type { LogVisitInput, UpdateVisitInput, Visit } from '@ohjaamo/visits';
import { asList } from '../ui/form';

/** What the desk form shows in its fields (strings, as the browser sends them back). */
export interface DeskVisitValues {
  idempotencyKey: string;
  siteId: string;
  clientId: string;
  startedAt: string;
  channel: string;
  topics: string[];
  age: string;
  gender: string;
  language: string;
  municipality: string;
  firstVisit: boolean;
  agencyIds: string[];
  referralOrganisationId: string;
  durationMinutes: string;
  note: string;
  version: string;
}

export function defaultValues(
  siteId: string,
  idempotencyKey: string,
  municipality: string,
): DeskVisitValues {
  return {
    idempotencyKey,
    siteId,
    clientId: '',
    startedAt: formatHelsinkiLocal(new Date()),
    channel: 'walk_in',
    topics: [],
    age: '',
    gender: '',
    language: '',
    municipality,
    firstVisit: false,
    agencyIds: [],
    referralOrganisationId: '',
    durationMinutes: '',
    note: '',
    version: '',
  };
}

export function valuesOfVisit(visit: Visit): DeskVisitValues {
  return {
    idempotencyKey: visit.idempotencyKey,
    siteId: visit.siteId,
    clientId: visit.clientId ?? '',
    startedAt: formatHelsinkiLocal(visit.startedAt),
    channel: visit.channel,
    topics: visit.topics,
    age: visit.age === null ? '' : String(visit.age),
    gender: visit.gender ?? '',
    language: visit.language ?? '',
    municipality: visit.municipality ?? '',
    firstVisit: visit.firstVisit,
    agencyIds: visit.agencyIds,
    referralOrganisationId: visit.referralOrganisationId ?? '',
    durationMinutes: visit.durationMinutes === null ? '' : String(visit.durationMinutes),
    note: visit.note ?? '',
    version: String(visit.version),
  };
}

/** The submitted form, kept as typed so a re-rendered form shows exactly what was sent. */
export function valuesFromBody(body: Record<string, unknown>): DeskVisitValues {
  const text = (key: string): string => {
    const value = body[key];
    return typeof value === 'string' ? value.trim() : '';
  };
  return {
    idempotencyKey: text('idempotencyKey'),
    siteId: text('siteId'),
    clientId: text('clientId'),
    startedAt: text('startedAt'),
    channel: text('channel') || 'walk_in',
    topics: asList(body.topics),
    age: text('age'),
    gender: text('gender'),
    language: text('language'),
    municipality: text('municipality'),
    firstVisit: body.firstVisit === 'on' || body.firstVisit === 'true',
    agencyIds: asList(body.agencyIds),
    referralOrganisationId: text('referralOrganisationId'),
    durationMinutes: text('durationMinutes'),
    note: typeof body.note === 'string' ? body.note : '',
    version: text('version'),
  };
}

/**
 * Turns form values into the service's input. Only the form's own concerns are checked
 * here (is it a number, a date); the visit rules themselves live in the service.
 */
export function toVisitInput(values: DeskVisitValues): {
  input: LogVisitInput;
  errors: FieldError[];
} {
  const errors: FieldError[] = [];
  const whole = (field: string, raw: string): number | null => {
    if (raw === '') return null;
    if (!/^-?\d+$/.test(raw)) {
      errors.push({ field, code: 'isInt' });
      return null;
    }
    return Number(raw);
  };
  let startedAt: Date | undefined;
  if (values.startedAt !== '') {
    startedAt = parseHelsinkiLocal(values.startedAt) ?? undefined;
    if (!startedAt) errors.push({ field: 'startedAt', code: 'isISO8601' });
  }
  const clientId = values.clientId || null;
  const input: LogVisitInput = {
    idempotencyKey: values.idempotencyKey || undefined,
    siteId: values.siteId,
    startedAt,
    channel: values.channel as LogVisitInput['channel'],
    clientId,
    // The anonymous profile describes visitors without a client record only.
    age: clientId ? null : whole('age', values.age),
    gender: clientId || values.gender === '' ? null : (values.gender as LogVisitInput['gender']),
    language: values.language === '' ? null : values.language,
    municipality: clientId || values.municipality === '' ? null : values.municipality,
    firstVisit: values.firstVisit,
    topics: values.topics,
    agencyIds: values.agencyIds,
    referralOrganisationId: values.referralOrganisationId || null,
    durationMinutes: whole('durationMinutes', values.durationMinutes),
    note: values.note.trim() === '' ? null : values.note.trim(),
  };
  return { input, errors };
}

export function toUpdateInput(values: DeskVisitValues): {
  input: UpdateVisitInput;
  errors: FieldError[];
} {
  const { input, errors } = toVisitInput(values);
  const version = Number(values.version);
  if (!Number.isInteger(version)) errors.push({ field: 'version', code: 'isInt' });
  const { idempotencyKey: _key, clientId: _client, ...changes } = input;
  return { input: { ...changes, version }, errors };
}
