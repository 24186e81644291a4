import { Inject, Injectable } from '@nestjs/common';
import { AuditService, type AuditEntryInput, type AuditLegalBasis } from '@ohjaamo/audit';
import {
  activeConsentsOf,
  isRecordSection,
  lapsedConsentsOf,
  RECORD_SECTIONS,
  type RecordSection,
} from '@ohjaamo/consent';
import { type Actor, DomainError, helsinkiDate } from '@ohjaamo/platform';
import { DataSource, EntityManager } from 'typeorm';
import { ClientAccessPolicy } from '../access/client-access.policy';
import { Client } from '../client.entity';
import { clientNotFound, forbidden } from '../client-errors';
import { readAuditRows } from './record-audit';
import { RecordEntriesRepository } from './record-entries.repository';
import { cleanEntry, entryErrors, type RecordEntryInput } from './record-entry-input';
import { toRecordEntryView, type RecordEntryView } from './record-entry-view';
import { visibilityOf, type RecordVisibility } from './record-visibility';

export const entryNotFound = (): DomainError => DomainError.notFound('record_entry_not_found');

/**
 * The shared client record. Reads go through the consent-based access policy (filtered in
 * SQL) and are audited with their legal basis; what the actor may not see is not found.
 */
@Injectable()
export class RecordEntriesService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(RecordEntriesRepository) private readonly entries: RecordEntriesRepository,
    @Inject(ClientAccessPolicy) private readonly policy: ClientAccessPolicy,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, clientId: string, section?: string): Promise<RecordEntryView[]> {
    if (section !== undefined && !isRecordSection(section)) {
      throw DomainError.validation([
        {
          field: 'section',
          code: 'unknownSection',
          messageKey: 'record.fieldErrors.unknownSection',
        },
      ]);
    }
    const basis = await this.requireReader(actor, clientId);
    const visible = await this.entries.visibleCurrent(
      this.dataSource.manager,
      actor,
      clientId,
      today(),
      section ? { section } : {},
    );
    const requested = section ? [section] : [...RECORD_SECTIONS];
    await this.auditAll(readAuditRows(actor, 'record.listed', clientId, visible, requested, basis));
    return visible.map((v) => toRecordEntryView(v.entry, v.consentId));
  }

  async get(actor: Actor, clientId: string, entryId: string): Promise<RecordEntryView> {
    await this.requireReader(actor, clientId);
    const [visible] = await this.entries.visibleCurrent(
      this.dataSource.manager,
      actor,
      clientId,
      today(),
      { entryId },
    );
    if (!visible) throw entryNotFound();
    await this.auditAll(readAuditRows(actor, 'record.read', clientId, [visible], []));
    return toRecordEntryView(visible.entry, visible.consentId);
  }

  async add(actor: Actor, clientId: string, input: RecordEntryInput): Promise<RecordEntryView> {
    await this.requireReader(actor, clientId);
    const errors = entryErrors(input);
    if (errors.length > 0) throw DomainError.validation(errors);
    const clean = cleanEntry(input);
    return this.dataSource.transaction(async (manager) => {
      const entry = await this.entries.insert(manager, {
        ...clean,
        clientId,
        version: 1,
        entryId: crypto.randomUUID(),
        recordedByOrganisationId: actor.organisationId,
        recordedByUserId: actor.userId,
      });
      await this.auditWrite(manager, actor, 'record.entry_added', clientId, clean.section, {});
      return toRecordEntryView(entry, null);
    });
  }

  /** A correction is a new version; the old one stays, closed. Own organisation's only. */
  async correct(
    actor: Actor,
    clientId: string,
    entryId: string,
    input: Omit<RecordEntryInput, 'section'>,
  ): Promise<RecordEntryView> {
    await this.requireReader(actor, clientId);
    return this.dataSource.transaction(async (manager) => {
      const current = await this.ownCurrent(manager, actor, clientId, entryId);
      const errors = entryErrors({ ...input, section: current.section });
      if (errors.length > 0) throw DomainError.validation(errors);
      const clean = cleanEntry({ ...input, section: current.section });
      await this.entries.closeVersion(manager, current.id);
      const next = await this.entries.insert(manager, {
        ...clean,
        entryId,
        clientId,
        version: current.version + 1,
        recordedByOrganisationId: actor.organisationId,
        recordedByUserId: actor.userId,
      });
      await this.auditWrite(manager, actor, 'record.entry_corrected', clientId, current.section, {
        version: next.version,
      });
      return toRecordEntryView(next, null);
    });
  }

  /** Soft deletion with a reason; the row stays for the record's history. */
  async remove(actor: Actor, clientId: string, entryId: string, reason: string): Promise<void> {
    await this.requireReader(actor, clientId);
    if (!reason?.trim()) {
      throw DomainError.validation([
        {
          field: 'reason',
          code: 'reasonRequired',
          messageKey: 'record.fieldErrors.reasonRequired',
        },
      ]);
    }
    await this.dataSource.transaction(async (manager) => {
      const current = await this.ownCurrent(manager, actor, clientId, entryId);
      await this.entries.markDeleted(manager, current.id, actor.userId, reason.trim());
      await this.auditWrite(manager, actor, 'record.entry_deleted', clientId, current.section, {});
    });
  }

  /** Who recorded the entries the actor was shown (the entries' reads are audited already). */
  recorderNames(entries: readonly RecordEntryView[]): Promise<Map<string, string>> {
    return this.entries.recorderNames(
      this.dataSource.manager,
      entries.map((e) => e.recordedByUserId),
    );
  }

  /** Per section and recording organisation: visible (and why) or hidden (and why). */
  async visibility(actor: Actor, clientId: string): Promise<RecordVisibility[]> {
    const basis = await this.requireClient(actor, clientId);
    const manager = this.dataSource.manager;
    const day = today();
    const [authors, consents, lapsed] = await Promise.all([
      this.entries.authorsBySection(manager, clientId),
      activeConsentsOf(manager, clientId, day),
      lapsedConsentsOf(manager, clientId, day),
    ]);
    const result = visibilityOf(actor, authors, consents, this.policy, lapsed);
    await this.audit.record({
      action: 'record.visibility_read',
      outcome: 'success',
      actor: { userId: actor.userId, organisationId: actor.organisationId, roles: actor.roles },
      subjectType: 'client',
      subjectId: clientId,
      clientId,
      sections: [...new Set(result.map((r) => r.section))],
      // Which agencies hold what is itself read on the registry's basis.
      legalBasis: basis,
      details: {
        visible: result.filter((r) => r.visible).length,
        hidden: result.filter((r) => !r.visible).length,
      },
    });
    return result;
  }

  private async ownCurrent(
    manager: EntityManager,
    actor: Actor,
    clientId: string,
    entryId: string,
  ) {
    const current = await this.entries.currentForUpdate(manager, clientId, entryId);
    if (!current) throw entryNotFound();
    if (current.recordedByOrganisationId !== actor.organisationId) {
      const consents = await activeConsentsOf(manager, clientId, today());
      const decision = this.policy.recordSection(
        actor,
        current.section,
        current.recordedByOrganisationId,
        consents,
      );
      // Seen under consent: refused; not seen at all: not found.
      throw decision.visible ? forbidden() : entryNotFound();
    }
    return current;
  }

  // The client must exist and be visible, and the actor's role must read records at all.
  private async requireReader(actor: Actor, clientId: string): Promise<AuditLegalBasis> {
    const basis = await this.requireClient(actor, clientId);
    if (!this.policy.mayReadRecord(actor)) throw clientNotFound();
    return basis;
  }

  /** The registry's legal basis for this actor and client (own record or statutory). */
  private async requireClient(actor: Actor, clientId: string): Promise<AuditLegalBasis> {
    const client = await this.dataSource.manager.findOne(Client, {
      where: { id: clientId },
      select: { id: true, createdByOrganisationId: true },
    });
    const access = client && this.policy.accessTo(actor, client);
    if (!access) throw clientNotFound();
    return access.legalBasis;
  }

  private async auditAll(rows: AuditEntryInput[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      for (const row of rows) await this.audit.record(row, manager);
    });
  }

  private async auditWrite(
    manager: EntityManager,
    actor: Actor,
    action: string,
    clientId: string,
    section: RecordSection,
    details: Record<string, number>,
  ): Promise<void> {
    await this.audit.record(
      {
        action,
        outcome: 'success',
        actor: { userId: actor.userId, organisationId: actor.organisationId, roles: actor.roles },
        subjectType: 'client',
        subjectId: clientId,
        clientId,
        sections: [section],
        legalBasis: 'own_record',
        details,
      },
      manager,
    );
  }
}

function today(): string {
  return helsinkiDate(new Date());
}
