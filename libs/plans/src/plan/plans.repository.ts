import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PlanSnapshot } from './plan-content';
import { PlanVersion } from './plan-version.entity';
import { Plan } from './plan.entity';

@Injectable()
export class PlansRepository {
  byClient(manager: EntityManager, clientId: string): Promise<Plan | null> {
    return manager.findOne(Plan, { where: { clientId } });
  }

  /** The row locked until the transaction ends, so concurrent saves queue up here. */
  byClientForUpdate(manager: EntityManager, clientId: string): Promise<Plan | null> {
    return manager.findOne(Plan, { where: { clientId }, lock: { mode: 'pessimistic_write' } });
  }

  versions(manager: EntityManager, planId: string): Promise<PlanVersion[]> {
    return manager.find(PlanVersion, { where: { planId }, order: { version: 'DESC' } });
  }

  async addVersion(
    manager: EntityManager,
    plan: Plan,
    snapshot: PlanSnapshot,
    userId: string,
    organisationId: string,
  ): Promise<void> {
    await manager.insert(PlanVersion, {
      planId: plan.id,
      version: plan.version,
      snapshot,
      savedByUserId: userId,
      savedByOrganisationId: organisationId,
    });
  }

  /** Names of the staff users and organisations a plan mentions, by id. */
  async names(
    manager: EntityManager,
    staffUserIds: string[],
    organisationIds: string[],
  ): Promise<Map<string, string>> {
    const rows: { id: string; name: string }[] = await manager.query(
      `SELECT id, display_name AS name FROM staff_users WHERE id = ANY($1::uuid[])
        UNION ALL
       SELECT id, name FROM organisations WHERE id = ANY($2::uuid[])`,
      [staffUserIds, organisationIds],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
