import { Inject, Injectable } from '@nestjs/common';
import { type Actor, DomainError, type FieldError } from '@ohjaamo/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { PlanClientGate } from '../client-gate';
import type { PlanInput } from './plan-content';
import { planNotFound, planVersionConflict, unknownParty } from './plan-errors';
import { cleanPlan, planErrors } from './plan-rules';
import type { PlanVersionView, PlanView } from './plan-view';
import { Plan } from './plan.entity';
import { PlansRepository } from './plans.repository';

/**
 * One client, one shared plan. A save names the version it started from; when someone
 * saved in between, nothing is written and the caller gets `plan_version_conflict`.
 */
@Injectable()
export class PlansService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PlansRepository) private readonly plans: PlansRepository,
    @Inject(PlanClientGate) private readonly gate: PlanClientGate,
  ) {}

  async get(actor: Actor, clientId: string): Promise<PlanView> {
    const access = await this.gate.open(actor, clientId);
    const plan = await this.plans.byClient(this.dataSource.manager, clientId);
    await this.gate.record(actor, access, 'plan.read', { found: plan !== null });
    if (!plan) throw planNotFound();
    return this.view(this.dataSource.manager, plan);
  }

  /** `version` 0 creates the plan; otherwise it must be the current version. */
  async save(actor: Actor, clientId: string, input: PlanInput, version: number): Promise<PlanView> {
    const access = await this.gate.open(actor, clientId);
    const errors = planErrors(input);
    if (errors.length > 0) throw DomainError.validation(errors);
    const clean = cleanPlan(input);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const partyErrors = await this.unknownParties(manager, clean);
        if (partyErrors.length > 0) throw DomainError.validation(partyErrors);
        const current = await this.plans.byClientForUpdate(manager, clientId);
        if ((current?.version ?? 0) !== version) throw planVersionConflict();
        const { type, startDate, reviewDate, ...content } = clean;
        const fields = { type, startDate, reviewDate, content, updatedByUserId: actor.userId };
        let saved: Plan;
        if (current) {
          await manager.update(Plan, { id: current.id }, { ...fields, version: version + 1 });
          saved = (await this.plans.byClient(manager, clientId))!;
        } else {
          const created = manager.create(Plan, { ...fields, clientId, version: 1 });
          saved = await manager.save(created);
        }
        await this.plans.addVersion(manager, saved, clean, actor.userId, actor.organisationId);
        await this.gate.record(actor, access, 'plan.saved', { version: saved.version }, manager);
        return this.view(manager, saved);
      });
    } catch (error) {
      // Two first saves at once: the unique client index lets one through.
      if ((error as { code?: string }).code === '23505') throw planVersionConflict();
      throw error;
    }
  }

  async versions(actor: Actor, clientId: string): Promise<PlanVersionView[]> {
    const access = await this.gate.open(actor, clientId);
    const manager = this.dataSource.manager;
    const plan = await this.plans.byClient(manager, clientId);
    const rows = plan ? await this.plans.versions(manager, plan.id) : [];
    await this.gate.record(actor, access, 'plan.versions_read', { count: rows.length });
    if (!plan) throw planNotFound();
    return rows.map((r) => ({
      version: r.version,
      savedAt: r.savedAt,
      savedByUserId: r.savedByUserId,
      savedByOrganisationId: r.savedByOrganisationId,
      plan: r.snapshot,
    }));
  }

  private async unknownParties(manager: EntityManager, plan: PlanInput): Promise<FieldError[]> {
    const parties = [
      ...plan.actions.map((a, i) => ({ party: a.responsible, field: `actions.${i}.responsible` })),
      ...plan.participants.map((p, i) => ({ party: p, field: `participants.${i}` })),
    ];
    const { staff, agencies } = idsOf(parties.map((p) => p.party));
    const names = await this.plans.names(manager, staff, agencies);
    return parties
      .filter(({ party }) => {
        const id =
          'staffUserId' in party
            ? party.staffUserId
            : 'organisationId' in party
              ? party.organisationId
              : null;
        return id !== null && !names.has(id);
      })
      .map(({ field }) => unknownParty(field));
  }

  private async view(manager: EntityManager, plan: Plan): Promise<PlanView> {
    const { staff, agencies } = idsOf(plan.content.participants);
    const names = await this.plans.names(manager, staff, agencies);
    return {
      id: plan.id,
      clientId: plan.clientId,
      type: plan.type,
      startDate: plan.startDate,
      reviewDate: plan.reviewDate,
      goals: plan.content.goals,
      actions: plan.content.actions,
      concern: plan.content.concern,
      ifAgreementsNotKept: plan.content.ifAgreementsNotKept,
      participants: plan.content.participants.map((p) => ({
        ...p,
        name: names.get(p.kind === 'staff' ? p.staffUserId : p.organisationId) ?? null,
      })),
      version: plan.version,
      updatedAt: plan.updatedAt,
      updatedByUserId: plan.updatedByUserId,
    };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Ids that are not uuids cannot exist; leaving them out keeps the query from failing.
function idsOf(parties: readonly object[]): { staff: string[]; agencies: string[] } {
  const staff: string[] = [];
  const agencies: string[] = [];
  for (const party of parties as { staffUserId?: string; organisationId?: string }[]) {
    if (party.staffUserId && UUID.test(party.staffUserId)) staff.push(party.staffUserId);
    if (party.organisationId && UUID.test(party.organisationId))
      agencies.push(party.organisationId);
  }
  return { staff, agencies };
}
