import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { isUuid } from '../shared/secrets';
import type { Weekday } from './opening-hours';
import { SiteAgencyDay } from './site-agency-day.entity';
import { Site } from './site.entity';

/** An agency present at a site on a given day. */
export interface AgencyPresence {
  organisationId: string;
  organisationName: string;
  organisationKind: string;
  /** "HH:MM"; null means the site's opening hours. */
  starts: string | null;
  ends: string | null;
}

/** Queries on sites and their weekly agency calendar. */
@Injectable()
export class SiteRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  findById(id: string, manager = this.dataSource.manager): Promise<Site | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return manager.findOneBy(Site, { id });
  }

  /** Which of these ids exist (the caller reports the others). */
  async existingIds(ids: string[], manager = this.dataSource.manager): Promise<Set<string>> {
    const valid = [...new Set(ids.filter(isUuid))];
    if (valid.length === 0) return new Set();
    const rows = await manager.find(Site, { select: { id: true }, where: { id: In(valid) } });
    return new Set(rows.map((row) => row.id));
  }

  list(filter: { active?: boolean } = {}): Promise<Site[]> {
    return this.dataSource.manager.find(Site, {
      where: filter.active === undefined ? {} : { active: filter.active },
      order: { name: 'ASC', id: 'ASC' },
    });
  }

  insert(manager: EntityManager, site: Partial<Site>): Promise<Site> {
    return manager.save(Site, manager.create(Site, site));
  }

  async update(manager: EntityManager, id: string, changes: Partial<Site>): Promise<void> {
    await manager.update(Site, { id }, changes);
  }

  calendar(siteId: string, manager = this.dataSource.manager): Promise<SiteAgencyDay[]> {
    if (!isUuid(siteId)) return Promise.resolve([]);
    return manager.find(SiteAgencyDay, {
      where: { siteId },
      // Whole-day presence (no hours) first, then by starting time.
      order: {
        weekday: 'ASC',
        starts: { direction: 'ASC', nulls: 'FIRST' },
        organisationId: 'ASC',
      },
    });
  }

  async replaceCalendar(
    manager: EntityManager,
    siteId: string,
    entries: Pick<SiteAgencyDay, 'organisationId' | 'weekday' | 'starts' | 'ends'>[],
  ): Promise<void> {
    await manager.delete(SiteAgencyDay, { siteId });
    if (entries.length === 0) return;
    await manager.insert(
      SiteAgencyDay,
      entries.map((entry) => ({ ...entry, siteId })),
    );
  }

  /** Active agencies on the calendar of a site for one weekday, by name. */
  async presentOn(siteId: string, weekday: Weekday): Promise<AgencyPresence[]> {
    if (!isUuid(siteId)) return [];
    const rows = await this.dataSource
      .createQueryBuilder(SiteAgencyDay, 'd')
      .innerJoin('d.organisation', 'o')
      .select([
        'o.id AS "organisationId"',
        'o.name AS "organisationName"',
        'o.kind AS "organisationKind"',
        'd.starts AS "starts"',
        'd.ends AS "ends"',
      ])
      .where('d.siteId = :siteId AND d.weekday = :weekday AND o.active', { siteId, weekday })
      .orderBy('o.name', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .getRawMany<AgencyPresence>();
    return rows;
  }
}
