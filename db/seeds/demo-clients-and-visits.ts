import { nameKey } from '@ohjaamo/clients';
import { addDays, helsinkiDate, helsinkiDayRange } from '@ohjaamo/platform';
import { ageBandOf } from '@ohjaamo/visits';
import type { EntityManager } from 'typeorm';
import { demoId } from './demo-ids';
import {
  FINNISH_FIRST_NAMES,
  FINNISH_LAST_NAMES,
  OTHER_FIRST_NAMES,
  OTHER_LAST_NAMES,
  SWEDISH_FIRST_NAMES,
  SWEDISH_LAST_NAMES,
} from './demo-names';
import { DEMO_SITES } from './demo-organisations';
import { DemoRandom } from './demo-random';

export const DEMO_CLIENT_COUNT = 200;
export const DEMO_VISIT_COUNT = 2000;

const TOPICS = [
  'work',
  'education',
  'income_benefits',
  'housing',
  'health_wellbeing',
  'life_management',
  'other',
];
const CHANNELS = [
  ['walk_in', 60],
  ['appointment', 15],
  ['phone', 10],
  ['chat', 8],
  ['outreach', 5],
  ['group', 2],
] as const;
const END_REASONS = ['goal_reached', 'moved_away', 'no_contact', 'own_wish'] as const;
const ADVISERS = ['adviser', 'employment', 'kela', 'social', 'study', 'outreach'];

interface DemoClient {
  id: string;
  siteKey: string;
  age: number;
  language: string;
  firstVisitDone: boolean;
}

/**
 * About 200 young people and 2,000 visits over the last 12 months at the demo sites, with
 * the desk queue of the walk-ins, so that every screen and report shows something. The
 * people are invented; e-mail addresses use the reserved example.org domain.
 */
export async function insertClientsAndVisits(manager: EntityManager, today: Date): Promise<void> {
  const random = new DemoRandom(2026);
  const clients = await insertClients(manager, random, today);
  await insertVisits(manager, random, clients, today);
}

async function insertClients(
  manager: EntityManager,
  random: DemoRandom,
  today: Date,
): Promise<DemoClient[]> {
  const clients: DemoClient[] = [];
  for (let i = 0; i < DEMO_CLIENT_COUNT; i++) {
    const origin = random.weighted([
      ['fi', 78],
      ['sv', 12],
      ['other', 10],
    ] as const);
    const firstName =
      origin === 'fi'
        ? random.pick(FINNISH_FIRST_NAMES)
        : origin === 'sv'
          ? random.pick(SWEDISH_FIRST_NAMES)
          : random.pick(OTHER_FIRST_NAMES);
    const lastName =
      origin === 'fi'
        ? random.pick(FINNISH_LAST_NAMES)
        : origin === 'sv'
          ? random.pick(SWEDISH_LAST_NAMES)
          : random.pick(OTHER_LAST_NAMES);
    const language = origin === 'other' ? random.pick(['so', 'ar', 'ru', 'en', 'uk']) : origin;
    const age = random.int(15, 29);
    const birthDate = addDays(helsinkiDate(today), -(age * 365 + random.int(0, 364)));
    const site = random.weighted([
      ['helsinki', 75],
      ['porvoo', 25],
    ] as const);
    const municipality =
      site === 'helsinki' ? random.pick(['Helsinki', 'Helsinki', 'Vantaa', 'Espoo']) : 'Porvoo';
    const ended = random.chance(0.15);
    const createdAt = new Date(today.getTime() - random.int(20, 360) * 86_400_000);
    const id = demoId(`client:${i}`);
    await manager.query(
      `INSERT INTO clients (id, first_name, last_name, first_name_key, last_name_key, birth_date, email,
         preferred_contact, language, municipality, responsible_worker_id, status, ended_at, end_reason,
         created_by_organisation_id, created_by_user_id, created_at, updated_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17, 1)
       ON CONFLICT (id) DO NOTHING`,
      [
        id,
        firstName,
        lastName,
        nameKey(firstName),
        nameKey(lastName),
        birthDate,
        random.chance(0.6) ? `${nameKey(firstName)}.${nameKey(lastName)}${i}@example.org` : null,
        random.pick(['sms', 'email', 'phone', 'in_person']),
        language,
        municipality,
        demoId(`user:${random.pick(ADVISERS)}@demo.ohjaamo.fi`),
        ended ? 'ended' : 'active',
        ended ? new Date(createdAt.getTime() + random.int(30, 200) * 86_400_000) : null,
        ended ? random.pick(END_REASONS) : null,
        demoId(
          `org:${random.weighted([
            ['youth', 70],
            ['employment', 15],
            ['kela', 10],
            ['outreach', 5],
          ] as const)}`,
        ),
        demoId(`user:${site === 'helsinki' ? 'desk' : 'desk.porvoo'}@demo.ohjaamo.fi`),
        createdAt,
      ],
    );
    clients.push({ id, siteKey: site, age, language, firstVisitDone: false });
  }
  return clients;
}

async function insertVisits(
  manager: EntityManager,
  random: DemoRandom,
  clients: DemoClient[],
  today: Date,
): Promise<void> {
  const todayDay = helsinkiDate(today);
  const queueNumbers = new Map<string, number>();
  // Oldest first, so a client's first visit really is the first one.
  const days = Array.from({ length: DEMO_VISIT_COUNT }, () => random.int(1, 358)).sort(
    (a, b) => b - a,
  );
  for (let i = 0; i < DEMO_VISIT_COUNT; i++) {
    const siteKey = random.weighted([
      ['helsinki', 75],
      ['porvoo', 25],
    ] as const);
    const site = DEMO_SITES.find((s) => s.key === siteKey)!;
    const day = openDayNear(site.openingHours, addDays(todayDay, -days[i]));
    const weekday = String(isoWeekday(day)) as keyof typeof site.openingHours;
    const hours = site.openingHours[weekday][0];
    const opens = Number(hours.opens.slice(0, 2));
    const closes = Number(hours.closes.slice(0, 2));
    const startedAt = new Date(
      helsinkiDayRange(day).from.getTime() + random.int(opens * 60, closes * 60 - 15) * 60_000,
    );
    const client = random.chance(0.38)
      ? random.pick(clients.filter((c) => c.siteKey === siteKey))
      : null;
    const age = client ? null : random.int(15, 30);
    const channel = random.weighted(CHANNELS);
    const present = Object.entries(site.calendar)
      .filter(([, weekdays]) => (weekdays as readonly number[]).includes(isoWeekday(day)))
      .map(([org]) => org);
    const agencies = random.some(present.length ? present : ['youth'], random.int(1, 2));
    const firstVisit = client ? !client.firstVisitDone : random.chance(0.35);
    if (client) client.firstVisitDone = true;
    const desk = siteKey === 'helsinki' ? 'desk' : 'desk.porvoo';
    const visitId = demoId(`visit:${i}`);
    await manager.query(
      `INSERT INTO visits (id, site_id, started_at, channel, client_id, age, age_band, gender, language, municipality,
         first_visit, topics, agency_ids, referral_organisation_id, duration_minutes, logged_by_user_id,
         logged_by_organisation_id, idempotency_key, created_at, updated_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $3, $3, 1)
       ON CONFLICT (id) DO NOTHING`,
      [
        visitId,
        demoId(`site:${siteKey}`),
        startedAt,
        channel,
        client?.id ?? null,
        age,
        age === null ? null : ageBandOf(age),
        client
          ? null
          : random.weighted([
              ['female', 45],
              ['male', 45],
              ['other', 3],
              ['not_told', 7],
            ] as const),
        client
          ? client.language.slice(0, 2)
          : random.weighted([
              ['fi', 78],
              ['sv', 10],
              ['en', 6],
              ['ru', 3],
              ['so', 3],
            ] as const),
        client
          ? null
          : siteKey === 'helsinki'
            ? random.pick(['Helsinki', 'Vantaa', 'Espoo'])
            : 'Porvoo',
        firstVisit,
        random.some(TOPICS.slice(0, 6), random.int(1, 3)),
        agencies.map((org) => demoId(`org:${org}`)),
        random.chance(0.15)
          ? demoId(`org:${random.pick(['employment', 'kela', 'social', 'workshop', 'education'])}`)
          : null,
        random.int(5, 60),
        demoId(`user:${desk}@demo.ohjaamo.fi`),
        demoId('org:youth'),
        demoId(`visit-key:${i}`),
      ],
    );
    if (channel === 'walk_in') {
      const key = `${siteKey}:${day}`;
      const number = (queueNumbers.get(key) ?? 0) + 1;
      queueNumbers.set(key, number);
      const left = random.chance(0.05);
      const wait = random.int(0, 35 * 60);
      const calledAt = new Date(startedAt.getTime() + wait * 1000);
      await manager.query(
        `INSERT INTO desk_queue_entries (id, site_id, queue_day, queue_number, status, visit_id, client_id,
           organisation_id, arrived_by_user_id, arrived_at, called_at, done_at, left_at, wait_seconds,
           created_at, updated_at, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $10, $10, 1)
         ON CONFLICT DO NOTHING`,
        [
          demoId(`queue:${i}`),
          demoId(`site:${siteKey}`),
          day,
          number,
          left ? 'left_unserved' : 'done',
          visitId,
          client?.id ?? null,
          left ? null : demoId(`org:${agencies[0]}`),
          demoId(`user:${desk}@demo.ohjaamo.fi`),
          startedAt,
          left ? null : calledAt,
          left ? null : new Date(calledAt.getTime() + random.int(5, 45) * 60_000),
          left ? calledAt : null,
          left ? null : wait,
        ],
      );
    }
  }
}

// A day the site is open, at or before the given day.
function openDayNear(openingHours: Partial<Record<string, unknown>>, day: string): string {
  let candidate = day;
  while (!openingHours[String(isoWeekday(candidate))]) candidate = addDays(candidate, -1);
  return candidate;
}

function isoWeekday(day: string): number {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}
