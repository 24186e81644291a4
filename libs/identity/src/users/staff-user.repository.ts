import { Inject, Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { isUuid } from '../shared/secrets';
import { StaffUserSite } from './staff-user-site.entity';
import { StaffUser } from './staff-user.entity';

/** A staff user as lists show it: no password hash, no TOTP secret. */
export type StaffUserSummary = Pick<
  StaffUser,
  | 'id'
  | 'organisationId'
  | 'email'
  | 'displayName'
  | 'roles'
  | 'language'
  | 'active'
  | 'deactivatedAt'
  | 'totpEnabledAt'
  | 'lockedUntil'
  | 'lastSignInAt'
  | 'createdAt'
>;

export interface StaffUserListQuery {
  search?: string;
  organisationId?: string;
  active?: boolean;
  limit: number;
  offset: number;
}

const SUMMARY_COLUMNS = [
  'id',
  'organisationId',
  'email',
  'displayName',
  'roles',
  'language',
  'active',
  'deactivatedAt',
  'totpEnabledAt',
  'lockedUntil',
  'lastSignInAt',
  'createdAt',
] as const satisfies readonly (keyof StaffUser)[];

/** Queries on staff_users and staff_user_sites. */
@Injectable()
export class StaffUserRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  findById(id: string, manager = this.dataSource.manager): Promise<StaffUser | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return manager.findOneBy(StaffUser, { id });
  }

  /** Locks the row for the rest of the transaction (counters, state changes). */
  findByIdForUpdate(manager: EntityManager, id: string): Promise<StaffUser | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return manager
      .createQueryBuilder(StaffUser, 'u')
      .setLock('pessimistic_write')
      .where('u.id = :id', { id })
      .getOne();
  }

  /** Case-insensitive, matching the unique index on lower(email). */
  findByEmail(email: string, manager = this.dataSource.manager): Promise<StaffUser | null> {
    return manager
      .createQueryBuilder(StaffUser, 'u')
      .where('lower(u.email) = lower(:email)', { email: email.trim() })
      .getOne();
  }

  async emailTaken(email: string, exceptId?: string): Promise<boolean> {
    const query = this.dataSource
      .createQueryBuilder(StaffUser, 'u')
      .where('lower(u.email) = lower(:email)', { email: email.trim() });
    if (exceptId) query.andWhere('u.id <> :exceptId', { exceptId });
    return (await query.getCount()) > 0;
  }

  insert(manager: EntityManager, user: Partial<StaffUser>): Promise<StaffUser> {
    return manager.save(StaffUser, manager.create(StaffUser, user));
  }

  async update(manager: EntityManager, id: string, changes: Partial<StaffUser>): Promise<void> {
    await manager.update(StaffUser, { id }, changes);
  }

  async siteIdsOf(userId: string, manager = this.dataSource.manager): Promise<string[]> {
    if (!isUuid(userId)) return [];
    const rows = await manager.find(StaffUserSite, {
      select: { siteId: true },
      where: { userId },
      order: { siteId: 'ASC' },
    });
    return rows.map((row) => row.siteId);
  }

  async replaceSites(manager: EntityManager, userId: string, siteIds: string[]): Promise<void> {
    await manager.delete(StaffUserSite, { userId });
    if (siteIds.length === 0) return;
    await manager.insert(
      StaffUserSite,
      siteIds.map((siteId) => ({ userId, siteId })),
    );
  }

  async list(query: StaffUserListQuery): Promise<{ items: StaffUserSummary[]; total: number }> {
    const builder = this.dataSource
      .createQueryBuilder(StaffUser, 'u')
      .select(SUMMARY_COLUMNS.map((column) => `u.${column}`))
      .orderBy('u.displayName', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .take(query.limit)
      .skip(query.offset);
    const search = query.search?.trim();
    if (search) {
      const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      builder.andWhere(
        new Brackets((or) =>
          or
            .where('u.displayName ILIKE :pattern', { pattern })
            .orWhere('u.email ILIKE :pattern', { pattern }),
        ),
      );
    }
    if (query.organisationId !== undefined) {
      builder.andWhere('u.organisationId = :organisationId', {
        organisationId: query.organisationId,
      });
    }
    if (query.active !== undefined)
      builder.andWhere('u.active = :active', { active: query.active });
    const [items, total] = await builder.getManyAndCount();
    return { items, total };
  }
}
