import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@ohjaamo/audit';
import { type Actor, DomainError, type FieldError } from '@ohjaamo/platform';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { auditActor, CLIENT_SECTIONS } from '../shared/audit-actor';
import { helsinkiDayRange, isCalendarDay } from '@ohjaamo/platform';
import { ReferenceRepository } from '../shared/reference.repository';
import { isUuid } from '../shared/uuid';
import type { Visit } from './visit.entity';
import { VisitReferenceChecker } from './visit-reference-checker';
import { VisitRepository } from './visit.repository';
import { loggedToday, newVisitRow } from './visit-rows';
import { VisitViewer } from './visit-viewer';
import {
  visitColumns,
  visitFieldErrors,
  type LogVisitInput,
  type UpdateVisitInput,
} from './visit-rules';
import type { VisitReadOptions, VisitView } from './visit-view';
import { isOneOf, VISIT_CHANNELS, type VisitChannel } from './visit-vocabulary';

export interface VisitListQuery {
  siteId?: string;
  /** Helsinki calendar day "YYYY-MM-DD" of the start time. */
  day?: string;
  clientId?: string;
  channel?: VisitChannel;
  topic?: string;
  limit?: number;
  offset?: number;
}

export interface VisitPage {
  items: VisitView[];
  total: number;
  limit: number;
  offset: number;
}

export const VISIT_LIST_MAX_LIMIT = 200;

/**
 * Logging, correcting, undoing and listing visits. Every change is audited in its own
 * transaction; a visit linked to a client also leaves a row in that client's access report.
 */
@Injectable()
export class VisitsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(VisitRepository) private readonly visits: VisitRepository,
    @Inject(VisitReferenceChecker) private readonly referenceChecker: VisitReferenceChecker,
    @Inject(ReferenceRepository) private readonly references: ReferenceRepository,
    @Inject(VisitViewer) private readonly viewer: VisitViewer,
  ) {}

  /**
   * Logs a visit. With an idempotency key this user already used, nothing is written and
   * the first visit comes back with `created: false`.
   */
  async log(
    actor: Actor,
    input: LogVisitInput,
    options: VisitReadOptions,
  ): Promise<{ view: VisitView; created: boolean }> {
    const now = new Date();
    const errors = visitFieldErrors(input, { now, siteIds: actor.siteIds, creating: true });
    if (input.idempotencyKey !== undefined && !isUuid(input.idempotencyKey)) {
      errors.push({ field: 'idempotencyKey', code: 'isUUID' });
    }
    if (errors.length === 0) errors.push(...(await this.referenceChecker.errors(input)));
    if (errors.length > 0) throw DomainError.validation(errors);

    const idempotencyKey = input.idempotencyKey?.toLowerCase() ?? randomUUID();
    const inserted = await this.dataSource.transaction(async (manager) => {
      const visit = await this.visits.insertUnlessKeyUsed(
        manager,
        newVisitRow(actor, input, idempotencyKey, now),
      );
      if (!visit) return null;
      await this.recordChange(manager, actor, 'visit.created', visit.id, visit.clientId, {
        siteId: visit.siteId,
        channel: visit.channel,
      });
      return visit;
    });
    const visit =
      inserted ?? (await this.visits.findByIdempotencyKey(actor.userId, idempotencyKey));
    if (!visit) throw new Error('visit missing right after it was written');
    return { view: await this.viewer.viewOne(actor, visit, options), created: inserted !== null };
  }

  async get(actor: Actor, id: string, options: VisitReadOptions): Promise<VisitView> {
    return this.viewer.viewOne(actor, await this.requireVisible(actor, id), options);
  }

  /** Corrections by the person who logged the visit, on the same Helsinki day. */
  async update(
    actor: Actor,
    id: string,
    input: UpdateVisitInput,
    options: VisitReadOptions,
  ): Promise<VisitView> {
    const current = await this.requireVisible(actor, id);
    this.assertEditable(actor, current);
    const { version, ...fields } = input;
    const errors = visitFieldErrors(fields, {
      now: new Date(),
      siteIds: actor.siteIds,
      creating: false,
    });
    if (!Number.isInteger(version)) errors.push({ field: 'version', code: 'isInt' });
    if (errors.length === 0)
      errors.push(...(await this.referenceChecker.errors(fields, current.topics)));
    if (errors.length > 0) throw DomainError.validation(errors);

    const changes = visitColumns(fields);
    if (Object.keys(changes).length === 0) {
      if (version !== current.version) throw DomainError.conflict('visit_version_conflict');
      return this.viewer.viewOne(actor, current, options);
    }
    const changed = Object.keys(changes).filter(
      (key) =>
        JSON.stringify(changes[key as keyof Visit]) !== JSON.stringify(current[key as keyof Visit]),
    );
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.visits.updateIfVersion(manager, id, version, changes))) {
        throw DomainError.conflict('visit_version_conflict');
      }
      await this.recordChange(manager, actor, 'visit.updated', id, current.clientId, { changed });
    });
    return this.get(actor, id, options);
  }

  /** Takes a visit back (a mistaken or doubled entry); it then counts nowhere. */
  async undo(actor: Actor, id: string): Promise<void> {
    const visit = await this.requireVisible(actor, id, { includeUndone: true });
    if (visit.undoneAt) return;
    this.assertEditable(actor, visit);
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.visits.markUndone(manager, id))) return;
      await this.recordChange(manager, actor, 'visit.undone', id, visit.clientId, {});
    });
  }

  /** Links an anonymous visit to the client the young person later became. */
  async linkClient(
    actor: Actor,
    visitId: string,
    clientId: string,
    options: VisitReadOptions,
  ): Promise<VisitView> {
    const visit = await this.requireVisible(actor, visitId);
    if (!isUuid(clientId) || !(await this.references.clientExists(clientId))) {
      throw DomainError.validation([
        {
          field: 'clientId',
          code: 'clientNotFound',
          messageKey: 'visits.validation.clientNotFound',
        },
      ]);
    }
    const target = clientId.toLowerCase();
    if (visit.clientId === target) return this.viewer.viewOne(actor, visit, options);
    if (visit.clientId) throw DomainError.conflict('visit_already_linked');
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.visits.linkClient(manager, visitId, target))) {
        throw DomainError.conflict('visit_already_linked');
      }
      await this.recordChange(manager, actor, 'visit.client_linked', visitId, target, {});
    });
    return this.get(actor, visitId, options);
  }

  /** Visits of the actor's sites, newest first. A site the actor does not work at reads as not found. */
  async list(actor: Actor, query: VisitListQuery, options: VisitReadOptions): Promise<VisitPage> {
    const errors: FieldError[] = [];
    if (query.day !== undefined && !isCalendarDay(query.day)) {
      errors.push({ field: 'day', code: 'isDateString' });
    }
    if (query.channel !== undefined && !isOneOf(VISIT_CHANNELS, query.channel)) {
      errors.push({ field: 'channel', code: 'isIn' });
    }
    if (query.clientId !== undefined && !isUuid(query.clientId)) {
      errors.push({ field: 'clientId', code: 'isUUID' });
    }
    if (errors.length > 0) throw DomainError.validation(errors);
    const siteId = query.siteId?.toLowerCase();
    if (siteId !== undefined && !actor.siteIds.includes(siteId)) {
      throw DomainError.notFound('site_not_found');
    }
    // Filtering by client would tell who visited; only those who may identify clients can.
    if (query.clientId !== undefined && !options.showClients) throw DomainError.notFound();

    const limit = Math.min(Math.max(query.limit ?? 50, 1), VISIT_LIST_MAX_LIMIT);
    const offset = Math.max(query.offset ?? 0, 0);
    const range = query.day ? helsinkiDayRange(query.day) : undefined;
    const { items, total } = await this.visits.list({
      siteIds: siteId ? [siteId] : actor.siteIds,
      from: range?.from,
      to: range?.to,
      clientId: query.clientId?.toLowerCase(),
      channel: query.channel,
      topic: query.topic,
      limit,
      offset,
    });
    return { items: await this.viewer.views(actor, items, options), total, limit, offset };
  }

  /** A client's visits at the actor's sites (the visit history on the client's page). */
  async historyForClient(
    actor: Actor,
    clientId: string,
    paging: { limit?: number; offset?: number } = {},
  ): Promise<VisitPage> {
    if (!isUuid(clientId) || !(await this.references.clientExists(clientId))) {
      throw DomainError.notFound('client_not_found');
    }
    return this.list(actor, { clientId, ...paging }, { showClients: true });
  }

  private async requireVisible(
    actor: Actor,
    id: string,
    options: { includeUndone?: boolean } = {},
  ): Promise<Visit> {
    const visit = await this.visits.findById(id);
    if (
      !visit ||
      !actor.siteIds.includes(visit.siteId) ||
      (visit.undoneAt && !options.includeUndone)
    ) {
      throw DomainError.notFound('visit_not_found');
    }
    return visit;
  }

  private assertEditable(actor: Actor, visit: Visit): void {
    if (visit.loggedByUserId !== actor.userId)
      throw new DomainError('forbidden', 'visit_not_logged_by_you');
    if (!loggedToday(visit)) throw new DomainError('forbidden', 'visit_edit_day_over');
  }

  private async recordChange(
    manager: EntityManager,
    actor: Actor,
    action: string,
    visitId: string,
    clientId: string | null,
    details: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record(
      {
        action,
        outcome: 'success',
        actor: auditActor(actor),
        subjectType: 'visit',
        subjectId: visitId,
        details,
      },
      manager,
    );
    if (clientId) {
      await this.audit.record(
        {
          action: 'client.write',
          actor: auditActor(actor),
          outcome: 'success',
          subjectType: 'visit',
          subjectId: visitId,
          clientId,
          sections: CLIENT_SECTIONS,
          details: { change: action },
        },
        manager,
      );
    }
  }
}
