import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { isUuid } from '../shared/secrets';
import { Organisation } from './organisation.entity';

/** Queries on organisations. */
@Injectable()
export class OrganisationRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  findById(id: string, manager = this.dataSource.manager): Promise<Organisation | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return manager.findOneBy(Organisation, { id });
  }

  /** Which of these ids exist (the caller reports the others). */
  async existingIds(ids: string[], manager = this.dataSource.manager): Promise<Set<string>> {
    const valid = [...new Set(ids.filter(isUuid))];
    if (valid.length === 0) return new Set();
    const rows = await manager.find(Organisation, {
      select: { id: true },
      where: { id: In(valid) },
    });
    return new Set(rows.map((row) => row.id));
  }

  list(filter: { active?: boolean } = {}): Promise<Organisation[]> {
    return this.dataSource.manager.find(Organisation, {
      where: filter.active === undefined ? {} : { active: filter.active },
      order: { name: 'ASC', id: 'ASC' },
    });
  }

  insert(manager: EntityManager, organisation: Partial<Organisation>): Promise<Organisation> {
    return manager.save(Organisation, manager.create(Organisation, organisation));
  }

  async update(manager: EntityManager, id: string, changes: Partial<Organisation>): Promise<void> {
    await manager.update(Organisation, { id }, changes);
  }
}
