import type { TestApp } from '../helpers/test-app';
import { day, type Headers } from './plans-fixtures';

// Shared set-up of the recruitment-event e2e tests (not a spec: no tests of its own).

let businessIds = 0;
/** A distinct valid business ID (Y-tunnus) per call. */
export function nextBusinessId(): string {
  for (;;) {
    const digits = String(2000000 + businessIds++ * 7).padStart(7, '0');
    const weights = [7, 9, 10, 5, 8, 4, 2];
    const sum = [...digits].reduce((total, d, i) => total + Number(d) * weights[i], 0);
    const remainder = sum % 11;
    if (remainder === 1) continue;
    return `${digits}-${remainder === 0 ? 0 : 11 - remainder}`;
  }
}

export async function employerOf(t: TestApp, adviser: Headers, name: string): Promise<string> {
  const res = await t.http
    .post('/api/v1/employers')
    .set(adviser)
    .send({ name, businessId: nextBusinessId(), contacts: [] })
    .expect(201);
  return res.body.id as string;
}

export function eventBody(siteId: string, over: Record<string, unknown> = {}) {
  return {
    siteId,
    title: 'Kaupan alan työnantajatreffit',
    theme: 'Kauppa',
    startsAt: `${day(1)}T12:00`,
    durationMinutes: 60,
    slotMinutes: 15,
    capacity: 10,
    ...over,
  };
}

export async function eventOf(
  t: TestApp,
  adviser: Headers,
  siteId: string,
  over: Record<string, unknown> = {},
): Promise<string> {
  const res = await t.http
    .post('/api/v1/events')
    .set(adviser)
    .send(eventBody(siteId, over))
    .expect(201);
  return res.body.id as string;
}

export async function guestOf(
  t: TestApp,
  adviser: Headers,
  eventId: string,
  name: string,
): Promise<string> {
  const res = await t.http
    .post(`/api/v1/events/${eventId}/registrations`)
    .set(adviser)
    .send({ guest: { name, phone: '040 765 4321', language: 'fi', consentToContact: true } })
    .expect(201);
  return res.body.id as string;
}

/** Moves an event into the past, as if its day had come and gone. */
export async function holdEvent(t: TestApp, eventId: string, daysAgo = 1): Promise<void> {
  await t.dataSource.query(
    `UPDATE recruitment_events
        SET starts_at = starts_at - make_interval(days => $2 + 1),
            ends_at = ends_at - make_interval(days => $2 + 1)
      WHERE id = $1`,
    [eventId, daysAgo],
  );
}
