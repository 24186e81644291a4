import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@ohjaamo/audit';
import { AppConfig, type Actor, DomainError, type FieldError } from '@ohjaamo/platform';
import { DataSource } from 'typeorm';
import { OutcomeClientGate } from '../client-gate';
import { Concern } from './concern.entity';

export interface ConcernInput {
  description: string;
  /** Defaults to the actor's only site; required when they work at several. */
  siteId?: string | null;
}

export interface ConcernView {
  id: string;
  clientId: string;
  description: string;
  siteId: string | null;
  organisationId: string;
  raisedByUserId: string;
  raisedAt: Date;
  reactBy: Date;
  resolvedAt: Date | null;
  resolvedByUserId: string | null;
  resolution: string | null;
  overdue: boolean;
}

/** Overdue concerns of one site and organisation: a count and ids, no client data. */
export interface OverdueGroup {
  siteId: string | null;
  organisationId: string;
  count: number;
  concernIds: string[];
}

/** An open concern on the worker's task list: raised by them or about their client. */
export interface ConcernTask {
  concernId: string;
  clientId: string;
  reactBy: Date;
  overdue: boolean;
}

export const concernNotFound = (): DomainError => DomainError.notFound('concern_not_found');

const DAY_MS = 86_400_000;

/** Concerns with a reaction deadline (Joensuu's 3 days); overdue ones reach the coordinator. */
@Injectable()
export class ConcernsService {
  private readonly reactionDays: number;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OutcomeClientGate) private readonly gate: OutcomeClientGate,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(AppConfig) config: AppConfig,
  ) {
    this.reactionDays = config.CONCERN_REACTION_DAYS;
  }

  async raise(actor: Actor, clientId: string, input: ConcernInput): Promise<ConcernView> {
    const access = await this.gate.open(actor, clientId);
    const siteId = input.siteId ?? (actor.siteIds.length === 1 ? actor.siteIds[0] : null);
    const errors: FieldError[] = [];
    if (!input.description?.trim()) errors.push(fieldError('description', 'descriptionRequired'));
    if (input.siteId && !actor.siteIds.includes(input.siteId))
      errors.push(fieldError('siteId', 'notYourSite'));
    if (!siteId && actor.siteIds.length > 1) errors.push(fieldError('siteId', 'siteRequired'));
    if (errors.length > 0) throw DomainError.validation(errors);
    const raisedAt = new Date();
    return this.dataSource.transaction(async (manager) => {
      const concern = await manager.save(
        manager.create(Concern, {
          clientId,
          description: input.description.trim(),
          siteId,
          organisationId: actor.organisationId,
          raisedByUserId: actor.userId,
          raisedAt,
          reactBy: new Date(raisedAt.getTime() + this.reactionDays * DAY_MS),
          resolvedAt: null,
          resolvedByUserId: null,
          resolution: null,
        }),
      );
      await this.gate.record(
        actor,
        access,
        'concern.raised',
        { reactionDays: this.reactionDays },
        manager,
        'plan',
      );
      return toConcernView(concern);
    });
  }

  /** A client's concerns, newest first (the client's export); audited as the plan section. */
  async listForClient(actor: Actor, clientId: string): Promise<ConcernView[]> {
    const access = await this.gate.open(actor, clientId);
    const concerns = await this.dataSource.manager.find(Concern, {
      where: { clientId },
      order: { raisedAt: 'DESC' },
    });
    await this.gate.record(
      actor,
      access,
      'concern.listed',
      { count: concerns.length },
      undefined,
      'plan',
    );
    return concerns.map((c) => toConcernView(c));
  }

  async resolve(actor: Actor, concernId: string, resolution?: string | null): Promise<ConcernView> {
    const found = await this.dataSource.manager.findOne(Concern, {
      where: { id: concernId },
      select: { id: true, clientId: true },
    });
    if (!found) throw concernNotFound();
    const access = await this.gate.open(actor, found.clientId);
    return this.dataSource.transaction(async (manager) => {
      const concern = await manager.findOne(Concern, {
        where: { id: concernId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!concern) throw concernNotFound();
      if (concern.resolvedAt) throw DomainError.conflict('concern_already_resolved');
      concern.resolvedAt = new Date();
      concern.resolvedByUserId = actor.userId;
      concern.resolution = resolution?.trim() || null;
      const saved = await manager.save(concern);
      const late = saved.resolvedAt!.getTime() > saved.reactBy.getTime();
      await this.gate.record(actor, access, 'concern.resolved', { late }, manager, 'plan');
      return toConcernView(saved);
    });
  }

  /** A client's concerns, open ones first, each by its deadline. */
  async list(actor: Actor, clientId: string): Promise<ConcernView[]> {
    const access = await this.gate.open(actor, clientId);
    const rows = await this.dataSource.manager.find(Concern, {
      where: { clientId },
      order: { raisedAt: 'DESC' },
    });
    await this.gate.record(
      actor,
      access,
      'concern.listed',
      { count: rows.length },
      undefined,
      'plan',
    );
    const now = new Date();
    const open = (c: Concern): number => (c.resolvedAt === null ? 0 : 1);
    return rows
      .sort(
        (a, b) =>
          open(a) - open(b) || (open(a) === 0 ? a.reactBy.getTime() - b.reactBy.getTime() : 0),
      )
      .map((c) => toConcernView(c, now));
  }

  /**
   * Open concerns the worker raised or that concern a client they are the responsible
   * worker of (active clients), soonest deadline first. One audit row per client.
   */
  async tasks(actor: Actor): Promise<ConcernTask[]> {
    const rows: { concernId: string; clientId: string; reactBy: Date; owner: string }[] =
      await this.dataSource.query(
        `SELECT k.id AS "concernId", k.client_id AS "clientId", k.react_by AS "reactBy",
                c.created_by_organisation_id AS owner
           FROM concerns k
           JOIN clients c ON c.id = k.client_id AND c.status = 'active'
          WHERE k.resolved_at IS NULL
            AND (k.raised_by_user_id = $1 OR c.responsible_worker_id = $1)
          ORDER BY k.react_by
          LIMIT 500`,
        [actor.userId],
      );
    const owners = new Map(rows.map((r) => [r.clientId, r.owner]));
    await this.dataSource.transaction(async (manager) => {
      for (const [clientId, owner] of owners) {
        const count = rows.filter((r) => r.clientId === clientId).length;
        await this.gate.recordFor(
          actor,
          clientId,
          owner,
          'concern.tasks_listed',
          { count },
          manager,
          'plan',
        );
      }
    });
    const now = Date.now();
    return rows.map(({ owner: _owner, ...r }) => ({
      ...r,
      reactBy: new Date(r.reactBy),
      overdue: new Date(r.reactBy).getTime() < now,
    }));
  }

  /**
   * Overdue, unresolved concerns at the coordinator's sites or of their organisation,
   * counted per site and organisation. Ids only: coordinators see no client data.
   */
  async overdueSummary(actor: Actor): Promise<{ total: number; groups: OverdueGroup[] }> {
    const rows: {
      siteId: string | null;
      organisationId: string;
      count: string;
      concernIds: string[];
    }[] = await this.dataSource.query(
      `SELECT site_id AS "siteId", organisation_id AS "organisationId",
                count(*) AS count, array_agg(id ORDER BY react_by) AS "concernIds"
           FROM concerns
          WHERE resolved_at IS NULL AND react_by < now()
            AND (site_id = ANY($1::uuid[]) OR organisation_id = $2)
          GROUP BY site_id, organisation_id
          ORDER BY site_id, organisation_id`,
      [actor.siteIds, actor.organisationId],
    );
    const groups = rows.map((r) => ({ ...r, count: Number(r.count) }));
    const total = groups.reduce((sum, g) => sum + g.count, 0);
    await this.audit.record({
      action: 'concern.overdue_summary_read',
      outcome: 'success',
      actor: { userId: actor.userId, organisationId: actor.organisationId, roles: actor.roles },
      details: { total },
    });
    return { total, groups };
  }
}

function fieldError(field: string, code: string): FieldError {
  return { field, code, messageKey: `concerns.fieldErrors.${code}` };
}

export function toConcernView(c: Concern, now = new Date()): ConcernView {
  return {
    id: c.id,
    clientId: c.clientId,
    description: c.description,
    siteId: c.siteId,
    organisationId: c.organisationId,
    raisedByUserId: c.raisedByUserId,
    raisedAt: c.raisedAt,
    reactBy: c.reactBy,
    resolvedAt: c.resolvedAt,
    resolvedByUserId: c.resolvedByUserId,
    resolution: c.resolution,
    overdue: c.resolvedAt === null && c.reactBy.getTime() < now.getTime(),
  };
}
