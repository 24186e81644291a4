import type { Organisation, Site, StaffUser } from '@ohjaamo/identity';
import { addDays, helsinkiDate, parseHelsinkiLocal } from '@ohjaamo/platform';
import type { DataSource } from 'typeorm';
import { insertClient } from './jobs-harness';

// Data set-up of the reminder-kind tests, straight into the tables like jobs-harness does
// (the services' own tests cover how these rows are made).

export const TODAY = helsinkiDate(new Date());
/** Noon in Helsinki today: outside quiet hours whenever the tests run. */
export const NOON = parseHelsinkiLocal(`${TODAY}T12:00`)!;
/** The Helsinki day `offset` days from today, "YYYY-MM-DD". */
export const day = (offset: number): string => addDays(TODAY, offset);
/** A day as staff messages write it (Finnish form): 24.11.2026. */
export const fiDate = (d: string): string => {
  const [y, m, dd] = d.split('-').map(Number);
  return `${dd}.${m}.${y}`;
};

/** A client with a chosen contact method; the registry's columns, nothing more. */
export async function insertContactableClient(
  dataSource: DataSource,
  values: {
    organisationId: string;
    responsibleWorkerId?: string | null;
    preferredContact?: 'sms' | 'email' | 'phone' | 'in_person' | null;
    language?: string;
    email?: string;
  },
): Promise<string> {
  const id = await insertClient(dataSource, {
    organisationId: values.organisationId,
    responsibleWorkerId: values.responsibleWorkerId ?? null,
    createdAt: new Date(),
    language: values.language ?? 'fi',
  });
  await dataSource.query(
    `UPDATE clients SET preferred_contact = $2, email = COALESCE($3, email) WHERE id = $1`,
    [id, values.preferredContact ?? null, values.email ?? null],
  );
  return id;
}

export async function insertOutcomeWithFollowUp(
  dataSource: DataSource,
  values: { clientId: string; recorder: StaffUser; dueOn: string; months?: number },
): Promise<{ outcomeId: string; followUpId: string }> {
  const [outcome] = await dataSource.query<{ id: string }[]>(
    `INSERT INTO outcomes (client_id, category, start_date, source,
       recorded_by_user_id, recorded_by_organisation_id)
     VALUES ($1, 'vocational', ($2::date - interval '3 months')::date, 'agency_record', $3, $4)
     RETURNING id`,
    [values.clientId, values.dueOn, values.recorder.id, values.recorder.organisationId],
  );
  const [followUp] = await dataSource.query<{ id: string }[]>(
    `INSERT INTO follow_ups (outcome_id, client_id, months, due_on)
     VALUES ($1, $2, $3, $4) RETURNING id`,
    [outcome.id, values.clientId, values.months ?? 3, values.dueOn],
  );
  return { outcomeId: outcome.id, followUpId: followUp.id };
}

export interface ActionSpec {
  what: string;
  responsible:
    | { kind: 'staff'; staffUserId: string }
    | { kind: 'agency'; organisationId: string }
    | { kind: 'young_person' };
  dueDate: string | null;
  status?: 'open' | 'done' | 'cancelled';
}

export async function insertPlan(
  dataSource: DataSource,
  values: {
    clientId: string;
    author: StaffUser;
    startDate: string;
    reviewDate?: string | null;
    actions?: ActionSpec[];
  },
): Promise<string> {
  const content = {
    goals: ['Haluan päästä opiskelemaan kokiksi'],
    actions: (values.actions ?? []).map((a) => ({ status: 'open', ...a })),
    concern: null,
    ifAgreementsNotKept: null,
    participants: [],
  };
  const [plan] = await dataSource.query<{ id: string }[]>(
    `INSERT INTO plans (client_id, type, start_date, review_date, content, version,
       updated_by_user_id)
     VALUES ($1, 'shared_service_plan', $2, $3, $4, 1, $5) RETURNING id`,
    [
      values.clientId,
      values.startDate,
      values.reviewDate ?? null,
      JSON.stringify(content),
      values.author.id,
    ],
  );
  return plan.id;
}

export async function insertConsent(
  dataSource: DataSource,
  values: {
    clientId: string;
    recorder: StaffUser;
    validFrom: string;
    validUntil: string;
    status?: 'given' | 'expired' | 'withdrawn' | 'replaced';
  },
): Promise<string> {
  const [consent] = await dataSource.query<{ id: string }[]>(
    `INSERT INTO consents (client_id, status, organisation_kinds, sections, purpose,
       valid_from, valid_until, form_version, form_language, method,
       recorded_by_user_id, recorded_by_organisation_id)
     VALUES ($1, $2, '{kela}', '{plan}', 'Yhteinen suunnitelma', $3, $4, '2026-1', 'fi',
       'signed_paper', $5, $6) RETURNING id`,
    [
      values.clientId,
      values.status ?? 'given',
      values.validFrom,
      values.validUntil,
      values.recorder.id,
      values.recorder.organisationId,
    ],
  );
  return consent.id;
}

export async function insertConcern(
  dataSource: DataSource,
  values: {
    clientId: string;
    raisedBy: StaffUser;
    organisation: Organisation;
    site: Site | null;
    raisedAt: Date;
    reactBy: Date;
  },
): Promise<string> {
  const [concern] = await dataSource.query<{ id: string }[]>(
    `INSERT INTO concerns (client_id, description, site_id, organisation_id,
       raised_by_user_id, raised_at, react_by)
     VALUES ($1, 'Ei ole tullut sovitusti', $2, $3, $4, $5, $6) RETURNING id`,
    [
      values.clientId,
      values.site?.id ?? null,
      values.organisation.id,
      values.raisedBy.id,
      values.raisedAt,
      values.reactBy,
    ],
  );
  return concern.id;
}

/** The text of a received mail, quoted-printable decoded (Finnish letters, long lines). */
export function mailText(raw: string): string {
  const body = raw.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const hex = body[i] === '=' ? /^[0-9A-F]{2}$/.exec(body.slice(i + 1, i + 3)) : null;
    if (hex) {
      bytes.push(parseInt(hex[0], 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(body[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
