import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@ohjaamo/audit';
import { SitesService } from '@ohjaamo/identity';
import { type Actor, DomainError, type FieldError } from '@ohjaamo/platform';
import { auditTime, concat, from, Observable, of, switchMap } from 'rxjs';
import { DataSource, type EntityManager } from 'typeorm';
import { auditActor, CLIENT_SECTIONS } from '../shared/audit-actor';
import { helsinkiDate } from '@ohjaamo/platform';
import { ReferenceRepository } from '../shared/reference.repository';
import { isUuid } from '../shared/uuid';
import { VisitRepository } from '../visits/visit.repository';
import type { DeskBoard } from './desk-board';
import type { DeskQueueEntry } from './desk-queue-entry.entity';
import { DeskQueueEvents } from './desk-queue-events';
import { DeskQueueRepository } from './desk-queue.repository';

export interface ArrivalInput {
  /** The visit logged for this arrival, if the desk logged it first. */
  visitId?: string | null;
  clientId?: string | null;
  /** The agency the visitor came for, when known. */
  requestedOrganisationId?: string | null;
}

export interface CallInput {
  /** Defaults to the caller's own organisation. */
  organisationId?: string;
  /** Defaults to the caller when they call for their own organisation without naming anyone. */
  staffUserId?: string | null;
}

// Bursts of changes (and the LISTEN echo of our own) become one board refresh.
const BOARD_COALESCE_MS = 100;

const rule = (field: string, code: string): FieldError => ({
  field,
  code,
  messageKey: `visits.validation.${code}`,
});

/**
 * The front-desk queue of a site: arrivals, calling a visitor in, finishing, leaving
 * unserved, and the live board. An invalid transition (calling someone already called)
 * is a 409 conflict; the status check and the change are one UPDATE.
 */
@Injectable()
export class DeskQueueService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(SitesService) private readonly sites: SitesService,
    @Inject(DeskQueueRepository) private readonly queue: DeskQueueRepository,
    @Inject(DeskQueueEvents) private readonly events: DeskQueueEvents,
    @Inject(ReferenceRepository) private readonly references: ReferenceRepository,
    @Inject(VisitRepository) private readonly visits: VisitRepository,
  ) {}

  async arrive(actor: Actor, siteId: string, input: ArrivalInput = {}): Promise<DeskQueueEntry> {
    this.assertSite(actor, siteId);
    const site = siteId.toLowerCase();
    const errors = await this.arrivalErrors(site, input);
    if (errors.length > 0) throw DomainError.validation(errors);
    const day = helsinkiDate(new Date());
    const clientId = input.clientId?.toLowerCase() ?? null;
    const entry = await this.dataSource.transaction(async (manager) => {
      const saved = await this.queue.insert(manager, {
        siteId: site,
        queueDay: day,
        queueNumber: await this.queue.nextQueueNumber(manager, site, day),
        status: 'arrived',
        visitId: input.visitId?.toLowerCase() ?? null,
        clientId,
        requestedOrganisationId: input.requestedOrganisationId?.toLowerCase() ?? null,
        arrivedByUserId: actor.userId,
      });
      if (clientId) {
        await this.audit.record(
          {
            action: 'client.write',
            outcome: 'success',
            actor: auditActor(actor),
            subjectType: 'desk_queue_entry',
            subjectId: saved.id,
            clientId,
            sections: CLIENT_SECTIONS,
            details: { change: 'desk.arrived' },
          },
          manager,
        );
      }
      await this.events.notify(manager, site);
      return saved;
    });
    this.events.emit(site);
    return (await this.queue.findById(entry.id)) as DeskQueueEntry;
  }

  /** The visitor sits down to wait, optionally for a named agency. */
  async wait(
    actor: Actor,
    entryId: string,
    requestedOrganisationId?: string | null,
  ): Promise<DeskQueueEntry> {
    const entry = await this.get(actor, entryId);
    if (requestedOrganisationId) {
      const known = await this.references.existingOrganisationIds([requestedOrganisationId]);
      if (!known.has(requestedOrganisationId.toLowerCase())) {
        throw DomainError.validation([rule('requestedOrganisationId', 'organisationNotFound')]);
      }
    }
    return this.change(entry, (manager) =>
      this.queue.markWaiting(manager, entry.id, requestedOrganisationId?.toLowerCase() ?? null),
    );
  }

  /** A professional takes the visitor in; the time waited is stored. */
  async call(actor: Actor, entryId: string, input: CallInput = {}): Promise<DeskQueueEntry> {
    const entry = await this.get(actor, entryId);
    const organisationId = (input.organisationId ?? actor.organisationId).toLowerCase();
    const staffUserId =
      input.staffUserId !== undefined
        ? (input.staffUserId?.toLowerCase() ?? null)
        : organisationId === actor.organisationId
          ? actor.userId
          : null;
    const errors: FieldError[] = [];
    if (!isUuid(organisationId)) errors.push({ field: 'organisationId', code: 'isUUID' });
    else if (
      !(await this.references.existingOrganisationIds([organisationId])).has(organisationId)
    ) {
      errors.push(rule('organisationId', 'organisationNotFound'));
    }
    if (staffUserId !== null) {
      const staff = isUuid(staffUserId)
        ? await this.references.staffUserOrganisations([staffUserId])
        : new Map();
      if (!staff.has(staffUserId)) errors.push(rule('staffUserId', 'staffUserNotFound'));
      else if (staff.get(staffUserId) !== organisationId)
        errors.push(rule('staffUserId', 'staffUserNotInOrganisation'));
    }
    if (errors.length > 0) throw DomainError.validation(errors);
    return this.change(entry, (manager) =>
      this.queue.markCalled(manager, entry.id, organisationId, staffUserId),
    );
  }

  async finish(actor: Actor, entryId: string): Promise<DeskQueueEntry> {
    const entry = await this.get(actor, entryId);
    return this.change(entry, (manager) => this.queue.markDone(manager, entry.id));
  }

  async leftUnserved(actor: Actor, entryId: string): Promise<DeskQueueEntry> {
    const entry = await this.get(actor, entryId);
    return this.change(entry, (manager) => this.queue.markLeft(manager, entry.id));
  }

  async get(actor: Actor, entryId: string): Promise<DeskQueueEntry> {
    const entry = await this.queue.findById(entryId);
    if (!entry || !actor.siteIds.includes(entry.siteId))
      throw DomainError.notFound('queue_entry_not_found');
    return entry;
  }

  /** Who is waiting and for how long, who is with whom, and the agencies present today. */
  async board(actor: Actor, siteId: string): Promise<DeskBoard> {
    this.assertSite(actor, siteId);
    const site = siteId.toLowerCase();
    const now = new Date();
    const day = helsinkiDate(now);
    const [waiting, withProfessional, agenciesPresent, today] = await Promise.all([
      this.queue.waitingOn(site, day),
      this.queue.withProfessionalOn(site, day),
      this.sites.agenciesPresentOn(site, now),
      this.queue.countsOn(site, day),
    ]);
    return {
      siteId: site,
      day,
      generatedAt: now,
      waiting,
      withProfessional,
      agenciesPresent,
      today,
    };
  }

  /**
   * The board now and after every change, for a live view. Site access is checked once,
   * up front; the stream ends when the application shuts down.
   */
  boardUpdates(actor: Actor, siteId: string): Observable<DeskBoard> {
    this.assertSite(actor, siteId);
    const site = siteId.toLowerCase();
    return concat(of(undefined), this.events.changes(site).pipe(auditTime(BOARD_COALESCE_MS))).pipe(
      // switchMap: a newer change supersedes a board still being read.
      switchMap(() => from(this.board(actor, site))),
    );
  }

  /** A site the actor does not work at reads as not found. */
  assertSite(actor: Actor, siteId: string): void {
    if (!isUuid(siteId) || !actor.siteIds.includes(siteId.toLowerCase())) {
      throw DomainError.notFound('site_not_found');
    }
  }

  private async change(
    entry: DeskQueueEntry,
    apply: (manager: EntityManager) => Promise<boolean>,
  ): Promise<DeskQueueEntry> {
    await this.dataSource.transaction(async (manager) => {
      if (!(await apply(manager))) throw DomainError.conflict('queue_transition_invalid');
      await this.events.notify(manager, entry.siteId);
    });
    this.events.emit(entry.siteId);
    return (await this.queue.findById(entry.id)) as DeskQueueEntry;
  }

  private async arrivalErrors(siteId: string, input: ArrivalInput): Promise<FieldError[]> {
    const errors: FieldError[] = [];
    if (input.visitId) {
      const visit = isUuid(input.visitId) ? await this.visits.findById(input.visitId) : null;
      if (!visit || visit.siteId !== siteId || visit.undoneAt)
        errors.push(rule('visitId', 'visitNotFound'));
    }
    if (input.clientId && !(await this.references.clientExists(input.clientId))) {
      errors.push(rule('clientId', 'clientNotFound'));
    }
    if (input.requestedOrganisationId) {
      const known = await this.references.existingOrganisationIds([input.requestedOrganisationId]);
      if (!known.has(input.requestedOrganisationId.toLowerCase())) {
        errors.push(rule('requestedOrganisationId', 'organisationNotFound'));
      }
    }
    return errors;
  }
}
