import { Inject, Injectable } from '@nestjs/common';
import { type Actor, addDays, helsinkiDate } from '@ohjaamo/platform';
import { DataSource } from 'typeorm';
import { PlanClientGate } from '../client-gate';

/** An open plan action the worker is named responsible for. Ids, text of the action, date. */
export interface PlanActionTask {
  clientId: string;
  /** Position of the action in the current plan version. */
  actionIndex: number;
  what: string;
  dueDate: string | null;
}

/** A plan whose review falls due soon, of a client the worker is responsible for. */
export interface PlanReviewTask {
  clientId: string;
  reviewDate: string;
}

export interface PlanTasks {
  actions: PlanActionTask[];
  reviews: PlanReviewTask[];
}

/** Reviews this many days ahead (and any overdue) are on the task list. */
export const REVIEW_HORIZON_DAYS = 30;

/**
 * The plan side of a worker's task list, filtered in SQL to active clients: actions of
 * any plan where the worker is named responsible, and reviews of the plans of the
 * clients they are the responsible worker of. Each client listed is audited.
 */
@Injectable()
export class PlanTasksService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PlanClientGate) private readonly gate: PlanClientGate,
  ) {}

  async tasks(actor: Actor, now = new Date()): Promise<PlanTasks> {
    const actions: (PlanActionTask & { owner: string })[] = await this.dataSource.query(
      `SELECT p.client_id AS "clientId", (a.ordinality - 1)::int AS "actionIndex",
              a.action->>'what' AS what, a.action->>'dueDate' AS "dueDate",
              c.created_by_organisation_id AS owner
         FROM plans p
         JOIN clients c ON c.id = p.client_id AND c.status = 'active'
         CROSS JOIN LATERAL jsonb_array_elements(p.content->'actions') WITH ORDINALITY AS a(action, ordinality)
        WHERE a.action->>'status' = 'open'
          AND a.action->'responsible'->>'kind' = 'staff'
          AND a.action->'responsible'->>'staffUserId' = $1::text
        ORDER BY a.action->>'dueDate' NULLS LAST, p.client_id, a.ordinality
        LIMIT 500`,
      [actor.userId],
    );
    const reviews: (PlanReviewTask & { owner: string })[] = await this.dataSource.query(
      `SELECT p.client_id AS "clientId", to_char(p.review_date, 'YYYY-MM-DD') AS "reviewDate",
              c.created_by_organisation_id AS owner
         FROM plans p
         JOIN clients c ON c.id = p.client_id AND c.status = 'active'
        WHERE c.responsible_worker_id = $1 AND p.review_date <= $2::date
        ORDER BY p.review_date
        LIMIT 500`,
      [actor.userId, addDays(helsinkiDate(now), REVIEW_HORIZON_DAYS)],
    );
    const owners = new Map([...actions, ...reviews].map((r) => [r.clientId, r.owner]));
    await this.dataSource.transaction(async (manager) => {
      for (const [clientId, owner] of owners) {
        const count =
          actions.filter((a) => a.clientId === clientId).length +
          reviews.filter((r) => r.clientId === clientId).length;
        await this.gate.recordFor(actor, clientId, owner, 'plan.tasks_listed', { count }, manager);
      }
    });
    return {
      actions: actions.map(({ owner: _owner, ...a }) => a),
      reviews: reviews.map(({ owner: _owner, ...r }) => r),
    };
  }
}
