import { followUpPoints, parseFollowUpMonths, type OutcomeCategory } from '@ohjaamo/outcomes';
import type { PlanSnapshot, PlanType } from '@ohjaamo/plans';
import { addDays, helsinkiDate } from '@ohjaamo/platform';
import type { EntityManager } from 'typeorm';
import { demoId } from './demo-ids';
import { DemoRandom } from './demo-random';

const LIFE_AREAS = ['money', 'work_study', 'housing', 'health', 'mood', 'relationships'];
const PLAN_TYPES: PlanType[] = ['shared_service_plan', 'activation_plan', 'welfare_plan'];
const GOALS = [
  'Haluan päästä opiskelemaan kokiksi',
  'Haluan oman asunnon ensi vuonna',
  'Haluan saada päivärytmin kuntoon',
  'Haluan löytää kesätyön',
  'Haluan että raha-asiat ovat järjestyksessä',
];
const ACTIONS = [
  'Hakee yhteishaussa',
  'Varaa ajan Kelan palveluneuvojalle',
  'Käy työpajalla kolmesti viikossa',
  'Tekee budjetin ohjaajan kanssa',
  'Hakee vuokra-asuntoa',
];
const OUTCOMES: [OutcomeCategory, string | null][] = [
  ['vocational', 'Stadin ammatti- ja aikuisopisto'],
  ['work_trial', 'Kahvila Kulma Oy'],
  ['apprenticeship', 'Rakennus Virtanen Oy'],
  ['youth_workshop', 'Nuorten työpaja Verstas'],
];
const MONTHS = parseFollowUpMonths('3,6,12');
const DAY_MS = 86_400_000;

interface DemoCase {
  clientId: string;
  workerId: string;
  ownerOrgId: string;
}

/**
 * A few shared plans (with their versions), self-assessments (a baseline and later
 * ones), outcomes with follow-ups, and concerns, on active demo clients, so that the plan
 * pages, "My tasks" and the coordinator's overdue count show something. Small on purpose.
 */
export async function insertPlansAndOutcomes(manager: EntityManager, now: Date): Promise<void> {
  const random = new DemoRandom(606);
  const today = helsinkiDate(now);
  const cases = await demoCases(manager);
  for (const [n, demo] of cases.entries()) {
    await insertPlan(manager, random, demo, n, today, now);
    await insertSelfAssessments(manager, random, demo, n, today);
    if (n % 2 === 0) await insertOutcome(manager, demo, n, today, now);
  }
  // One concern within its deadline and one overdue, for the task list and the coordinator.
  for (const [n, demo] of cases.slice(0, 2).entries()) {
    const raisedAt = new Date(now.getTime() - (n === 0 ? 1 : 5) * DAY_MS);
    await manager.query(
      `INSERT INTO concerns (id, client_id, description, site_id, organisation_id, raised_by_user_id,
         raised_at, react_by)
       SELECT $1, $2, $3, $4, u.organisation_id, $5, $6, $7 FROM staff_users u WHERE u.id = $5
       ON CONFLICT (id) DO NOTHING`,
      [
        demoId(`concern:${n}`),
        demo.clientId,
        n === 0 ? 'Ei ole vastannut viesteihin viikkoon' : 'Puhui asunnon menettämisestä',
        demoId('site:helsinki'),
        demo.workerId,
        raisedAt,
        new Date(raisedAt.getTime() + 3 * DAY_MS),
      ],
    );
  }
}

// Eight active demo clients: five of the main demo adviser, so their tasks show, and three
// of other advisers.
async function demoCases(manager: EntityManager): Promise<DemoCase[]> {
  const ids = Array.from({ length: 200 }, (_, i) => demoId(`client:${i}`));
  const rows: { id: string; worker: string; owner: string }[] = await manager.query(
    `SELECT id, responsible_worker_id AS worker, created_by_organisation_id AS owner
       FROM clients WHERE id = ANY($1::uuid[]) AND status = 'active'
        AND responsible_worker_id IS NOT NULL`,
    [ids],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ordered = ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  const main = demoId('user:adviser@demo.ohjaamo.fi');
  const picked = [
    ...ordered.filter((r) => r.worker === main).slice(0, 5),
    ...ordered.filter((r) => r.worker !== main).slice(0, 3),
  ];
  return picked.map((r) => ({ clientId: r.id, workerId: r.worker, ownerOrgId: r.owner }));
}

async function insertPlan(
  manager: EntityManager,
  random: DemoRandom,
  demo: DemoCase,
  n: number,
  today: string,
  now: Date,
): Promise<void> {
  const startDate = addDays(today, -random.int(20, 90));
  const first: PlanSnapshot = {
    type: PLAN_TYPES[n % PLAN_TYPES.length],
    startDate,
    reviewDate: addDays(today, n % 3 === 0 ? 10 : 60),
    goals: [GOALS[n % GOALS.length]],
    actions: [
      {
        what: ACTIONS[n % ACTIONS.length],
        responsible: { kind: 'young_person' },
        dueDate: addDays(today, 14),
        status: 'open',
      },
      {
        what: ACTIONS[(n + 1) % ACTIONS.length],
        responsible: { kind: 'staff', staffUserId: demo.workerId },
        dueDate: addDays(today, n % 2 === 0 ? -3 : 7),
        status: 'open',
      },
    ],
    concern: n % 2 === 0 ? 'Päivärytmi puuttuu ja raha-asiat huolettavat' : null,
    ifAgreementsNotKept: 'Ohjaaja soittaa ja sovitaan uusi tapaaminen viikon sisällä',
    participants: [
      { kind: 'staff', staffUserId: demo.workerId },
      { kind: 'agency', organisationId: demoId('org:kela') },
    ],
  };
  // Every other plan has a second version: the goals refined after a meeting.
  const versions: PlanSnapshot[] =
    n % 2 === 0 ? [first] : [first, { ...first, goals: [...first.goals, GOALS[(n + 2) % 5]] }];
  const current = versions[versions.length - 1];
  const planId = demoId(`plan:${n}`);
  const savedAt = (v: number): Date => new Date(now.getTime() - (versions.length - v + 1) * DAY_MS);
  const { type, startDate: start, reviewDate, ...content } = current;
  await manager.query(
    `INSERT INTO plans (id, client_id, type, start_date, review_date, content, version,
       updated_by_user_id, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
    [
      planId,
      demo.clientId,
      type,
      start,
      reviewDate,
      JSON.stringify(content),
      versions.length,
      demo.workerId,
      savedAt(versions.length),
    ],
  );
  for (const [i, snapshot] of versions.entries()) {
    await manager.query(
      `INSERT INTO plan_versions (id, plan_id, version, snapshot, saved_by_user_id,
         saved_by_organisation_id, saved_at)
       SELECT $1, $2, $3, $4, $5, u.organisation_id, $6 FROM staff_users u WHERE u.id = $5
       ON CONFLICT DO NOTHING`,
      [
        demoId(`plan-version:${n}:${i + 1}`),
        planId,
        i + 1,
        JSON.stringify(snapshot),
        demo.workerId,
        savedAt(i + 1),
      ],
    );
  }
}

async function insertSelfAssessments(
  manager: EntityManager,
  random: DemoRandom,
  demo: DemoCase,
  n: number,
  today: string,
): Promise<void> {
  const baseline = Object.fromEntries(LIFE_AREAS.map((a) => [a, random.int(2, 6)]));
  const rounds = 2 + (n % 2);
  for (let round = 0; round < rounds; round++) {
    const scores = Object.fromEntries(
      LIFE_AREAS.map((a) => [
        a,
        Math.max(1, Math.min(10, baseline[a] + round * random.int(-1, 2))),
      ]),
    );
    await manager.query(
      `INSERT INTO self_assessments (id, client_id, assessed_on, scores, recorded_by_user_id)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [
        demoId(`self-assessment:${n}:${round}`),
        demo.clientId,
        addDays(today, -90 + round * 40),
        JSON.stringify(scores),
        demo.workerId,
      ],
    );
  }
}

async function insertOutcome(
  manager: EntityManager,
  demo: DemoCase,
  n: number,
  today: string,
  now: Date,
): Promise<void> {
  const [category, place] = OUTCOMES[(n / 2) % OUTCOMES.length];
  const outcomeId = demoId(`outcome:${n}`);
  const startDate = addDays(today, -(100 + n * 20));
  await manager.query(
    `INSERT INTO outcomes (id, client_id, category, start_date, employer_or_institution, source,
       recorded_by_user_id, recorded_by_organisation_id)
     SELECT $1, $2, $3, $4, $5, 'young_person', $6, u.organisation_id FROM staff_users u WHERE u.id = $6
     ON CONFLICT DO NOTHING`,
    [outcomeId, demo.clientId, category, startDate, place, demo.workerId],
  );
  for (const point of followUpPoints(startDate, MONTHS)) {
    // Points more than a month past are recorded (the outcome held); later ones are open.
    const recorded = point.dueOn < addDays(today, -30);
    await manager.query(
      `INSERT INTO follow_ups (id, outcome_id, client_id, months, due_on, still_holds,
         recorded_at, recorded_by_user_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
      [
        demoId(`follow-up:${n}:${point.months}`),
        outcomeId,
        demo.clientId,
        point.months,
        point.dueOn,
        recorded ? true : null,
        recorded ? now : null,
        recorded ? demo.workerId : null,
      ],
    );
  }
}
