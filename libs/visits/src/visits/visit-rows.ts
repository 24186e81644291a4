import type { Actor } from '@ohjaamo/platform';
import { helsinkiDate } from '@ohjaamo/platform';
import type { Visit } from './visit.entity';
import type { NewVisit } from './visit.repository';
import { visitColumns, type LogVisitInput } from './visit-rules';

// Every column spelled out: the insert returns only what the database generates.
export function newVisitRow(
  actor: Actor,
  input: LogVisitInput,
  idempotencyKey: string,
  now: Date,
): NewVisit {
  const columns = visitColumns(input);
  return {
    siteId: columns.siteId as string,
    startedAt: columns.startedAt ?? now,
    channel: columns.channel ?? 'walk_in',
    clientId: columns.clientId ?? null,
    age: columns.age ?? null,
    ageBand: columns.ageBand ?? null,
    gender: columns.gender ?? null,
    language: columns.language ?? null,
    municipality: columns.municipality ?? null,
    firstVisit: columns.firstVisit ?? false,
    topics: columns.topics ?? [],
    agencyIds: columns.agencyIds ?? [],
    professionalIds: columns.professionalIds ?? [],
    servicesGiven: columns.servicesGiven ?? [],
    referralOrganisationId: columns.referralOrganisationId ?? null,
    referralNote: columns.referralNote ?? null,
    durationMinutes: columns.durationMinutes ?? null,
    note: columns.note ?? null,
    loggedByUserId: actor.userId,
    loggedByOrganisationId: actor.organisationId,
    idempotencyKey,
    undoneAt: null,
  };
}

/** Visits may be corrected or undone on the Helsinki day they were logged. */
export function loggedToday(visit: Visit, now = new Date()): boolean {
  return helsinkiDate(visit.createdAt) === helsinkiDate(now);
}
