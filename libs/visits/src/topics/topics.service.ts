import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@ohjaamo/audit';
import { DomainError } from '@ohjaamo/platform';
import { DataSource } from 'typeorm';
import { TopicRepository } from './topic.repository';
import { topicErrors, type TopicChanges, type TopicInput } from './topic-rules';
import type { VisitTopic } from './visit-topic.entity';

/** The configurable topic list of visits (fi/sv/en labels). Changes are audited. */
@Injectable()
export class TopicsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(TopicRepository) private readonly topics: TopicRepository,
  ) {}

  listActive(): Promise<VisitTopic[]> {
    return this.topics.listActive();
  }

  /** Active and retired topics, for the people who manage the list. */
  listAll(): Promise<VisitTopic[]> {
    return this.topics.listAll();
  }

  async create(input: TopicInput): Promise<VisitTopic> {
    const errors = topicErrors(input, true);
    if (errors.length > 0) throw DomainError.validation(errors);
    return this.dataSource.transaction(async (manager) => {
      if (await this.topics.findByCode(input.code, manager)) {
        throw DomainError.validation([
          { field: 'code', code: 'topicCodeTaken', messageKey: 'visits.validation.topicCodeTaken' },
        ]);
      }
      const topic = await this.topics.insert(manager, {
        code: input.code,
        labelFi: input.labelFi.trim(),
        labelSv: input.labelSv.trim(),
        labelEn: input.labelEn.trim(),
        active: input.active ?? true,
        sortOrder: input.sortOrder ?? 0,
      });
      await this.audit.record(
        {
          action: 'admin.visit_topic_created',
          outcome: 'success',
          subjectType: 'visit_topic',
          subjectId: topic.code,
        },
        manager,
      );
      return topic;
    });
  }

  async update(code: string, input: TopicChanges): Promise<VisitTopic> {
    const errors = topicErrors(input, false);
    if (errors.length > 0) throw DomainError.validation(errors);
    return this.dataSource.transaction(async (manager) => {
      const current = await this.topics.findByCode(code, manager);
      if (!current) throw DomainError.notFound('visit_topic_not_found');
      const next: Partial<VisitTopic> = {
        labelFi: input.labelFi?.trim(),
        labelSv: input.labelSv?.trim(),
        labelEn: input.labelEn?.trim(),
        active: input.active,
        sortOrder: input.sortOrder,
      };
      const changes: Partial<VisitTopic> = {};
      for (const [key, value] of Object.entries(next) as [keyof VisitTopic, unknown][]) {
        if (value !== undefined && value !== current[key]) {
          (changes as Record<string, unknown>)[key] = value;
        }
      }
      const changed = Object.keys(changes);
      if (changed.length === 0) return current;
      await this.topics.update(manager, code, changes);
      await this.audit.record(
        {
          action: 'admin.visit_topic_updated',
          outcome: 'success',
          subjectType: 'visit_topic',
          subjectId: code,
          details: { changed },
        },
        manager,
      );
      return (await this.topics.findByCode(code, manager)) as VisitTopic;
    });
  }
}
