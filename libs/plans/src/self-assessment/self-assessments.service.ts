import { Inject, Injectable } from '@nestjs/common';
import { type Actor, DomainError, helsinkiDate, isCalendarDay } from '@ohjaamo/platform';
import { DataSource } from 'typeorm';
import { PlanClientGate } from '../client-gate';
import { LifeArea } from './life-area.entity';
import { scoreErrors, type ScoreInput } from './self-assessment-rules';
import { trendOf, type AreaTrend } from './self-assessment-trend';
import { SelfAssessment } from './self-assessment.entity';

export interface SelfAssessmentInput {
  /** Defaults to today in Helsinki. */
  assessedOn?: string;
  scores: ScoreInput[];
}

export interface SelfAssessmentView {
  id: string;
  assessedOn: string;
  scores: ScoreInput[];
  /** The earliest assessment of the client. */
  baseline: boolean;
  recordedByUserId: string;
  recordedAt: Date;
}

/** Self-assessments of life areas, repeated over time; the first one is the baseline. */
@Injectable()
export class SelfAssessmentsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PlanClientGate) private readonly gate: PlanClientGate,
  ) {}

  lifeAreas(): Promise<LifeArea[]> {
    return this.dataSource.manager.find(LifeArea, {
      where: { active: true },
      order: { sortOrder: 'ASC', code: 'ASC' },
    });
  }

  async record(
    actor: Actor,
    clientId: string,
    input: SelfAssessmentInput,
  ): Promise<SelfAssessmentView> {
    const access = await this.gate.open(actor, clientId);
    const assessedOn = input.assessedOn ?? helsinkiDate(new Date());
    const areas = new Set((await this.lifeAreas()).map((a) => a.code));
    const errors = scoreErrors(input.scores, areas);
    if (!isCalendarDay(assessedOn)) {
      errors.unshift({
        field: 'assessedOn',
        code: 'invalidDate',
        messageKey: 'plans.fieldErrors.invalidDate',
      });
    }
    if (errors.length > 0) throw DomainError.validation(errors);
    const scores = Object.fromEntries(input.scores.map((s) => [s.area, s.score]));
    const saved = await this.dataSource.transaction(async (manager) => {
      const row = await manager.save(
        manager.create(SelfAssessment, {
          clientId,
          assessedOn,
          scores,
          recordedByUserId: actor.userId,
        }),
      );
      await this.gate.record(
        actor,
        access,
        'self_assessment.recorded',
        { areas: input.scores.length },
        manager,
      );
      return row;
    });
    const first = await this.firstId(clientId);
    return toView(saved, first);
  }

  async list(actor: Actor, clientId: string): Promise<SelfAssessmentView[]> {
    const access = await this.gate.open(actor, clientId);
    const rows = await this.ordered(clientId);
    await this.gate.record(actor, access, 'self_assessment.listed', { count: rows.length });
    const first = rows[0]?.id ?? null;
    return rows.map((r) => toView(r, first)).reverse();
  }

  async trend(actor: Actor, clientId: string): Promise<AreaTrend[]> {
    const access = await this.gate.open(actor, clientId);
    const [rows, areas] = await Promise.all([this.ordered(clientId), this.lifeAreas()]);
    await this.gate.record(actor, access, 'self_assessment.trend_read', { count: rows.length });
    return trendOf(
      rows,
      areas.map((a) => a.code),
    );
  }

  // Oldest first; ties on the same day in the order they were recorded.
  private ordered(clientId: string): Promise<SelfAssessment[]> {
    return this.dataSource.manager.find(SelfAssessment, {
      where: { clientId },
      order: { assessedOn: 'ASC', recordedAt: 'ASC' },
    });
  }

  private async firstId(clientId: string): Promise<string | null> {
    return (await this.ordered(clientId))[0]?.id ?? null;
  }
}

function toView(row: SelfAssessment, firstId: string | null): SelfAssessmentView {
  return {
    id: row.id,
    assessedOn: row.assessedOn,
    scores: Object.entries(row.scores).map(([area, score]) => ({ area, score })),
    baseline: row.id === firstId,
    recordedByUserId: row.recordedByUserId,
    recordedAt: row.recordedAt,
  };
}
