import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { isUuid } from '../shared/uuid';
import { Visit } from './visit.entity';
import type { VisitChannel } from './visit-vocabulary';

/** Every column of a new visit but those the database fills in. */
export type NewVisit = Omit<
  Visit,
  | 'id'
  | 'createdAt'
  | 'updatedAt'
  | 'version'
  | 'site'
  | 'client'
  | 'referralOrganisation'
  | 'loggedByUser'
  | 'loggedByOrganisation'
>;

export interface VisitListFilter {
  /** The sites the caller may see: every query is scoped to them. */
  siteIds: readonly string[];
  from?: Date;
  to?: Date;
  clientId?: string;
  channel?: VisitChannel;
  topic?: string;
  limit: number;
  offset: number;
}

/** Queries on visits. Undone visits are left out of every list. */
@Injectable()
export class VisitRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  findById(id: string, manager = this.dataSource.manager): Promise<Visit | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return manager.findOneBy(Visit, { id });
  }

  findByIdempotencyKey(loggedByUserId: string, idempotencyKey: string): Promise<Visit | null> {
    return this.dataSource.manager.findOneBy(Visit, { loggedByUserId, idempotencyKey });
  }

  /**
   * Inserts unless this user already used the key; returns the saved visit, or null when
   * the key was taken (ON CONFLICT waits for a concurrent insert of the same key to
   * finish). `visit` names every column, so no read-back is needed.
   */
  async insertUnlessKeyUsed(manager: EntityManager, visit: NewVisit): Promise<Visit | null> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(Visit)
      .values(visit)
      .orIgnore()
      .returning(['id', 'created_at', 'updated_at', 'version'])
      .updateEntity(false)
      .execute();
    const row = (
      result.raw as { id: string; created_at: Date; updated_at: Date; version: number }[]
    )[0];
    if (!row) return null;
    return Object.assign(new Visit(), visit, {
      id: row.id,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      version: row.version,
    });
  }

  /** Applies the changes only if nobody saved the visit since `version`. */
  async updateIfVersion(
    manager: EntityManager,
    id: string,
    version: number,
    changes: Partial<Visit>,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(Visit)
      .set(changes)
      .where('id = :id AND version = :version AND undone_at IS NULL', { id, version })
      .execute();
    return result.affected === 1;
  }

  async markUndone(manager: EntityManager, id: string): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(Visit)
      .set({ undoneAt: () => 'now()' })
      .where('id = :id AND undone_at IS NULL', { id })
      .execute();
    return result.affected === 1;
  }

  /** Links an anonymous visit; false when it has meanwhile been linked or undone. */
  async linkClient(manager: EntityManager, id: string, clientId: string): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(Visit)
      .set({ clientId })
      .where('id = :id AND client_id IS NULL AND undone_at IS NULL', { id })
      .execute();
    return result.affected === 1;
  }

  /** Newest first, filtered and paged in SQL, with the total for the pager. */
  async list(filter: VisitListFilter): Promise<{ items: Visit[]; total: number }> {
    if (filter.siteIds.length === 0) return { items: [], total: 0 };
    const query = this.dataSource.manager
      .createQueryBuilder(Visit, 'v')
      .where('v.undone_at IS NULL')
      .andWhere('v.site_id IN (:...siteIds)', { siteIds: filter.siteIds });
    if (filter.from) query.andWhere('v.started_at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('v.started_at < :to', { to: filter.to });
    if (filter.clientId) query.andWhere('v.client_id = :clientId', { clientId: filter.clientId });
    if (filter.channel) query.andWhere('v.channel = :channel', { channel: filter.channel });
    if (filter.topic) query.andWhere(':topic = ANY(v.topics)', { topic: filter.topic });
    const [items, total] = await query
      .orderBy('v.started_at', 'DESC')
      .addOrderBy('v.id', 'DESC')
      .limit(filter.limit)
      .offset(filter.offset)
      .getManyAndCount();
    return { items, total };
  }
}
