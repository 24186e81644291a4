import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { VisitTopic } from './visit-topic.entity';

/** Queries on the topic list. */
@Injectable()
export class TopicRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  listActive(): Promise<VisitTopic[]> {
    return this.dataSource.manager.find(VisitTopic, {
      where: { active: true },
      order: { sortOrder: 'ASC', code: 'ASC' },
    });
  }

  listAll(): Promise<VisitTopic[]> {
    return this.dataSource.manager.find(VisitTopic, { order: { sortOrder: 'ASC', code: 'ASC' } });
  }

  findByCode(code: string, manager = this.dataSource.manager): Promise<VisitTopic | null> {
    return manager.findOneBy(VisitTopic, { code });
  }

  insert(manager: EntityManager, topic: Partial<VisitTopic>): Promise<VisitTopic> {
    return manager.save(VisitTopic, manager.create(VisitTopic, topic));
  }

  async update(manager: EntityManager, code: string, changes: Partial<VisitTopic>): Promise<void> {
    await manager.update(VisitTopic, { code }, changes);
  }
}
