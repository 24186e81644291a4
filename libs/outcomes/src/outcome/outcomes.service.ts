import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, type Actor, DomainError } from '@ohjaamo/platform';
import { DataSource, In, type EntityManager } from 'typeorm';
import { OutcomeClientGate } from '../client-gate';
import { followUpPoints, parseFollowUpMonths } from '../follow-up/follow-up-schedule';
import { FollowUp } from '../follow-up/follow-up.entity';
import { cleanOutcome, outcomeErrors, type OutcomeInput } from './outcome-rules';
import { toOutcomeView, type OutcomeView } from './outcome-view';
import { Outcome } from './outcome.entity';

/** Outcomes (transitions) of a client; each gets its follow-up points when recorded. */
@Injectable()
export class OutcomesService {
  private readonly months: number[];

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OutcomeClientGate) private readonly gate: OutcomeClientGate,
    @Inject(AppConfig) config: AppConfig,
  ) {
    this.months = parseFollowUpMonths(config.FOLLOW_UP_MONTHS);
  }

  async record(actor: Actor, clientId: string, input: OutcomeInput): Promise<OutcomeView> {
    const access = await this.gate.open(actor, clientId);
    const errors = outcomeErrors(input);
    if (errors.length > 0) throw DomainError.validation(errors);
    return this.dataSource.transaction(async (manager) => {
      const { outcome, followUps } = await this.insert(manager, actor, clientId, input);
      await this.gate.record(
        actor,
        access,
        'outcome.recorded',
        { category: outcome.category },
        manager,
      );
      return toOutcomeView(outcome, followUps);
    });
  }

  async list(actor: Actor, clientId: string): Promise<OutcomeView[]> {
    const access = await this.gate.open(actor, clientId);
    const manager = this.dataSource.manager;
    const outcomes = await manager.find(Outcome, {
      where: { clientId },
      order: { startDate: 'DESC', recordedAt: 'DESC' },
    });
    const followUps = outcomes.length
      ? await manager.find(FollowUp, { where: { outcomeId: In(outcomes.map((o) => o.id)) } })
      : [];
    await this.gate.record(actor, access, 'outcome.listed', { count: outcomes.length });
    return outcomes.map((o) => toOutcomeView(o, followUps));
  }

  /** Inserts an outcome and its follow-up points; validated by the caller. */
  async insert(
    manager: EntityManager,
    actor: Actor,
    clientId: string,
    input: OutcomeInput,
  ): Promise<{ outcome: Outcome; followUps: FollowUp[] }> {
    const outcome = await manager.save(
      manager.create(Outcome, {
        ...cleanOutcome(input),
        clientId,
        recordedByUserId: actor.userId,
        recordedByOrganisationId: actor.organisationId,
      }),
    );
    const followUps = await manager.save(
      followUpPoints(outcome.startDate, this.months).map((p) =>
        manager.create(FollowUp, {
          ...p,
          outcomeId: outcome.id,
          clientId,
          stillHolds: null,
          newSituation: null,
          newOutcomeId: null,
          recordedAt: null,
          recordedByUserId: null,
        }),
      ),
    );
    return { outcome, followUps };
  }
}
