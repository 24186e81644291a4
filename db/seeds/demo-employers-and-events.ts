import { generateSchedule, type SchedulingInput } from '@ohjaamo/employers';
import { addDays, helsinkiDate, parseHelsinkiLocal } from '@ohjaamo/platform';
import type { EntityManager } from 'typeorm';
import { demoId } from './demo-ids';

// A few employers with contact persons and vacancies, one upcoming recruitment event
// with its timetable, and one past event with outcomes and follow-ups (over a quarter of
// its participants hired), so the event pages and the report show something.

const EMPLOYERS = [
  {
    key: 'kauppa',
    name: 'Kauppa Virtanen Oy',
    businessId: '0737546-2',
    industry: 'Kauppa',
    contact: ['Maija Virtanen', 'maija.virtanen@example.org', 'fi'],
    vacancies: [
      ['summer_job', 'Kesämyyjä', 0, 60],
      ['apprenticeship', 'Myyjä, oppisopimus', -10, 50],
    ],
  },
  {
    key: 'kahvila',
    name: 'Kahvila Aalto',
    businessId: '1572860-0',
    industry: 'Ravintola-ala',
    contact: ['Erik Lindholm', 'erik.lindholm@example.org', 'sv'],
    vacancies: [['work_trial', 'Kahvilatyöntekijä, työkokeilu', -5, 40]],
  },
  {
    key: 'rakennus',
    name: 'Rakennus Nieminen Oy',
    businessId: '2617416-4',
    industry: 'Rakentaminen',
    contact: ['Juha Nieminen', 'juha.nieminen@example.org', 'fi'],
    vacancies: [['wage_subsidy', 'Rakennusapulainen', 0, null]],
  },
  {
    key: 'varasto',
    name: 'Logistiikka Laine Oy',
    businessId: '0112038-9',
    industry: 'Logistiikka',
    contact: ['Anna Laine', 'anna.laine@example.org', 'en'],
    vacancies: [['hidden_job', 'Varastotyöntekijä', -20, null]],
  },
] as const;

const ADVISER = 'user:adviser@demo.ohjaamo.fi';
const GUESTS = ['Aleksi Guest', 'Noora Guest', 'Leo Guest'];

interface DemoEvent {
  key: string;
  title: string;
  theme: string;
  day: string;
  durationMinutes: number;
  employers: { key: string; tables: number }[];
  /** Indexes of demo clients registered; guests follow them. */
  clients: number[];
  past: boolean;
}

export async function insertEmployersAndEvents(manager: EntityManager, today: Date): Promise<void> {
  const createdBy = demoId(ADVISER);
  const todayDay = helsinkiDate(today);
  for (const e of EMPLOYERS) {
    const employerId = demoId(`employer:${e.key}`);
    await manager.query(
      `INSERT INTO employers (id, name, business_id, industry, consent_to_contact, consent_date,
         created_by_user_id, version)
       VALUES ($1, $2, $3, $4, true, $5, $6, 1) ON CONFLICT (id) DO NOTHING`,
      [employerId, e.name, e.businessId, e.industry, addDays(todayDay, -90), createdBy],
    );
    await manager.query(
      `INSERT INTO employer_contacts (id, employer_id, position, name, email, language)
       VALUES ($1, $2, 0, $3, $4, $5) ON CONFLICT (id) DO NOTHING`,
      [demoId(`contact:${e.key}`), employerId, ...e.contact],
    );
    for (const [i, [kind, title, opens, closes]] of e.vacancies.entries()) {
      await manager.query(
        `INSERT INTO vacancies (id, employer_id, kind, title, opens_on, closes_on)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING`,
        [
          demoId(`vacancy:${e.key}:${i}`),
          employerId,
          kind,
          title,
          addDays(todayDay, opens),
          closes === null ? null : addDays(todayDay, closes),
        ],
      );
    }
  }
  const events: DemoEvent[] = [
    {
      key: 'upcoming',
      title: 'Kaupan ja ravintola-alan työnantajatreffit',
      theme: 'Kauppa ja ravintolat',
      day: addDays(todayDay, 7),
      durationMinutes: 120,
      employers: [
        { key: 'kauppa', tables: 2 },
        { key: 'kahvila', tables: 1 },
        { key: 'varasto', tables: 1 },
      ],
      clients: [0, 1, 2, 3, 4, 5],
      past: false,
    },
    {
      key: 'past',
      title: 'Vartissa töihin: rakentaminen ja logistiikka',
      theme: 'Rakentaminen',
      day: addDays(todayDay, -60),
      durationMinutes: 90,
      employers: [
        { key: 'rakennus', tables: 2 },
        { key: 'varasto', tables: 1 },
      ],
      clients: [6, 7, 8, 9, 10],
      past: true,
    },
  ];
  for (const event of events) await insertEvent(manager, event, createdBy);
}

async function insertEvent(
  manager: EntityManager,
  event: DemoEvent,
  createdBy: string,
): Promise<void> {
  const eventId = demoId(`event:${event.key}`);
  const startsAt = parseHelsinkiLocal(`${event.day}T13:00`)!;
  const endsAt = new Date(startsAt.getTime() + event.durationMinutes * 60_000);
  const rounds = event.durationMinutes / 15;
  const inserted = await manager.query<{ id: string }[]>(
    `INSERT INTO recruitment_events (id, site_id, title, theme, starts_at, ends_at, slot_minutes,
       rounds, capacity, created_by_user_id, version)
     VALUES ($1, $2, $3, $4, $5, $6, 15, $7, 30, $8, 1) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      eventId,
      demoId('site:helsinki'),
      event.title,
      event.theme,
      startsAt,
      endsAt,
      rounds,
      createdBy,
    ],
  );
  // Loaded before: the event, and whatever was done with it since, stays as it is.
  if (inserted.length === 0) return;
  const employerIds = event.employers.map((e) => demoId(`event-employer:${event.key}:${e.key}`));
  for (const [i, e] of event.employers.entries()) {
    await manager.query(
      `INSERT INTO event_employers (id, event_id, employer_id, tables, attendance)
       VALUES ($1, $2, $3, $4, $5)`,
      [
        employerIds[i],
        eventId,
        demoId(`employer:${e.key}`),
        e.tables,
        event.past ? 'arrived' : 'registered',
      ],
    );
  }
  const registrations: string[] = [];
  const people = [
    ...event.clients.map((c) => ({ client: c })),
    ...GUESTS.map((g) => ({ guest: g })),
  ];
  for (const [i, person] of people.entries()) {
    const id = demoId(`registration:${event.key}:${i}`);
    registrations.push(id);
    // In the past event the last guest did not come and one young person was late.
    const attendance = !event.past
      ? 'registered'
      : i === people.length - 1
        ? 'no_show'
        : i === 1
          ? 'late'
          : 'arrived';
    await manager.query(
      `INSERT INTO event_registrations (id, event_id, number, client_id, guest_name, guest_phone,
         guest_language, guest_consent_to_contact, attendance, checked_in_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        id,
        eventId,
        i + 1,
        'client' in person ? demoId(`client:${person.client}`) : null,
        'guest' in person ? person.guest : null,
        'guest' in person ? `040 555 010${i}` : null,
        'guest' in person ? 'fi' : null,
        'guest' in person,
        attendance,
        attendance === 'arrived' || attendance === 'late' ? startsAt : null,
      ],
    );
    // Everyone ranks the employers, each starting from a different one.
    for (let rank = 0; rank < employerIds.length; rank++) {
      await manager.query(
        `INSERT INTO event_preferences (registration_id, event_employer_id, rank) VALUES ($1, $2, $3)`,
        [id, employerIds[(i + rank) % employerIds.length], rank + 1],
      );
    }
  }
  await manager.query(
    `INSERT INTO event_interests (event_employer_id, registration_id) VALUES ($1, $2), ($1, $3)`,
    [employerIds[0], registrations[0], registrations[2]],
  );
  const input: SchedulingInput = {
    rounds,
    employers: event.employers.map((e, i) => ({ id: employerIds[i], tables: e.tables })),
    participants: registrations.map((id, i) => ({
      id,
      preferences: employerIds.map((_, rank) => employerIds[(i + rank) % employerIds.length]),
    })),
    interest: [registrations[0], registrations[2]].map((participantId) => ({
      employerId: employerIds[0],
      participantId,
    })),
  };
  const { meetings, score } = generateSchedule(input);
  for (const m of meetings) {
    const index = registrations.indexOf(m.participantId);
    // Outcomes of the past event: a second interview for the first meeting of each, and
    // a hire for the first three participants with their first employer.
    const outcome = event.past
      ? index < 3 && m.employerId === input.participants[index].preferences[0]
        ? 'hired'
        : index < people.length - 1
          ? 'second_interview'
          : null
      : null;
    await manager.query(
      `INSERT INTO event_meetings (id, event_id, round, event_employer_id, registration_id,
         "table", outcome, open_application_left, outcome_recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        demoId(`meeting:${event.key}:${m.round}:${m.employerId}:${m.table}`),
        eventId,
        m.round + 1,
        m.employerId,
        m.participantId,
        m.table + 1,
        outcome,
        event.past && index === 3,
        outcome ? endsAt : null,
      ],
    );
  }
  await manager.query(
    `UPDATE recruitment_events SET schedule_score = $2, scheduled_at = $3 WHERE id = $1`,
    [eventId, JSON.stringify(score), startsAt],
  );
  if (!event.past) return;
  // One-month follow-ups: the three hired stayed with the employer they met first.
  for (const [index, registrationId] of registrations.slice(0, people.length - 1).entries()) {
    const hired = index < 3;
    await manager.query(
      `INSERT INTO event_follow_ups (id, registration_id, months, hired, event_employer_id,
         hired_on, recorded_at, recorded_by_user_id)
       VALUES ($1, $2, 1, $3, $4, $5, $6, $7)`,
      [
        demoId(`event-follow-up:${event.key}:${index}`),
        registrationId,
        hired,
        hired ? input.participants[index].preferences[0] : null,
        hired ? addDays(event.day, 14) : null,
        new Date(endsAt.getTime() + 31 * 86_400_000),
        createdBy,
      ],
    );
  }
}
