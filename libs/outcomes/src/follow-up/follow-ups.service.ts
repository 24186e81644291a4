import { Inject, Injectable } from '@nestjs/common';
import { type Actor, DomainError, type FieldError } from '@ohjaamo/platform';
import { DataSource } from 'typeorm';
import { OutcomeClientGate } from '../client-gate';
import { outcomeErrors, type OutcomeInput } from '../outcome/outcome-rules';
import {
  toFollowUpView,
  toOutcomeView,
  type FollowUpView,
  type OutcomeView,
} from '../outcome/outcome-view';
import { OutcomesService } from '../outcome/outcomes.service';
import { FollowUp } from './follow-up.entity';

export interface FollowUpInput {
  stillHolds: boolean;
  /** Required, with or without a new outcome, when the outcome no longer holds. */
  newSituation?: string | null;
  newOutcome?: OutcomeInput | null;
}

export interface FollowUpResult {
  followUp: FollowUpView;
  newOutcome: OutcomeView | null;
}

/** An open follow-up on a client the worker is responsible for. Ids and codes only. */
export interface FollowUpTask {
  followUpId: string;
  clientId: string;
  outcomeId: string;
  category: string;
  months: number;
  dueOn: string;
}

export const followUpNotFound = (): DomainError => DomainError.notFound('follow_up_not_found');

@Injectable()
export class FollowUpsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OutcomeClientGate) private readonly gate: OutcomeClientGate,
    @Inject(OutcomesService) private readonly outcomes: OutcomesService,
  ) {}

  async record(actor: Actor, followUpId: string, input: FollowUpInput): Promise<FollowUpResult> {
    const found = await this.dataSource.manager.findOne(FollowUp, {
      where: { id: followUpId },
      select: { id: true, clientId: true },
    });
    if (!found) throw followUpNotFound();
    const access = await this.gate.open(actor, found.clientId);
    const errors = followUpErrors(input);
    if (errors.length > 0) throw DomainError.validation(errors);
    return this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(FollowUp, {
        where: { id: followUpId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!current) throw followUpNotFound();
      if (current.recordedAt) throw DomainError.conflict('follow_up_already_recorded');
      const next =
        input.newOutcome && !input.stillHolds
          ? await this.outcomes.insert(manager, actor, current.clientId, input.newOutcome)
          : null;
      current.stillHolds = input.stillHolds;
      current.newSituation = input.stillHolds ? null : input.newSituation?.trim() || null;
      current.newOutcomeId = next?.outcome.id ?? null;
      current.recordedAt = new Date();
      current.recordedByUserId = actor.userId;
      const saved = await manager.save(current);
      await this.gate.record(
        actor,
        access,
        'follow_up.recorded',
        { months: saved.months, stillHolds: saved.stillHolds, newOutcome: next !== null },
        manager,
      );
      return {
        followUp: toFollowUpView(saved),
        newOutcome: next ? toOutcomeView(next.outcome, next.followUps) : null,
      };
    });
  }

  /** Open follow-ups of the clients the actor is the responsible worker of, soonest first. */
  async tasks(actor: Actor): Promise<FollowUpTask[]> {
    const rows: {
      followUpId: string;
      clientId: string;
      outcomeId: string;
      category: string;
      months: number;
      dueOn: string;
      owner: string;
    }[] = await this.dataSource.query(
      `SELECT f.id AS "followUpId", f.client_id AS "clientId", f.outcome_id AS "outcomeId",
              o.category, f.months, to_char(f.due_on, 'YYYY-MM-DD') AS "dueOn",
              c.created_by_organisation_id AS owner
         FROM follow_ups f
         JOIN outcomes o ON o.id = f.outcome_id
         JOIN clients c ON c.id = f.client_id
        WHERE f.recorded_at IS NULL
          AND c.responsible_worker_id = $1
          AND c.status = 'active'
        ORDER BY f.due_on, f.months
        LIMIT 500`,
      [actor.userId],
    );
    // The list shows which clients have follow-ups: one audit row per client.
    const owners = new Map(rows.map((r) => [r.clientId, r.owner]));
    await this.dataSource.transaction(async (manager) => {
      for (const [clientId, owner] of owners) {
        const count = rows.filter((r) => r.clientId === clientId).length;
        await this.gate.recordFor(
          actor,
          clientId,
          owner,
          'follow_up.tasks_listed',
          { count },
          manager,
        );
      }
    });
    return rows.map(({ owner: _owner, ...r }) => ({ ...r, months: Number(r.months) }));
  }
}

function followUpErrors(input: FollowUpInput): FieldError[] {
  if (input.stillHolds) return [];
  const errors: FieldError[] = [];
  if (!input.newSituation?.trim() && !input.newOutcome) {
    errors.push({
      field: 'newSituation',
      code: 'newSituationRequired',
      messageKey: 'outcomes.fieldErrors.newSituationRequired',
    });
  }
  if (input.newOutcome) errors.push(...outcomeErrors(input.newOutcome, 'newOutcome.'));
  return errors;
}
