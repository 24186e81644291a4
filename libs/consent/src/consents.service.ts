import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditService, type AuditLegalBasis } from '@ohjaamo/audit';
import { type Actor, DomainError, type FieldError, helsinkiDate } from '@ohjaamo/platform';
import { DataSource, EntityManager, In } from 'typeorm';
import { recordRoleView } from './access-policy';
import {
  clientNotFound,
  consentNotFound,
  consentNotGiven,
  consentNotRequested,
} from './consent-errors';
import { ConsentEvidence } from './consent-evidence.entity';
import { checkConsentInput, type ConsentInput, type ValidConsentInput } from './consent-input';
import { ConsentStatusChange } from './consent-status-change.entity';
import type { ConsentMethod, ConsentStatus } from './consent-status';
import { toConsentView, type ConsentEvidenceView, type ConsentView } from './consent-view';
import { Consent } from './consent.entity';
import { checkEvidence } from './evidence-check';

/**
 * Written consents: recorded, withdrawn, replaced, never edited. Every read and write
 * leaves an audit row; consents are seen by advisers only (a consent card names agencies).
 */
@Injectable()
export class ConsentsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  /**
   * Records a consent the client has given, with its evidence (a scan or a captured
   * signature) when there is one. Field errors in the scope or the evidence: nothing stored.
   */
  async give(
    actor: Actor,
    clientId: string,
    input: ConsentInput,
    evidence?: Buffer,
  ): Promise<ConsentView> {
    this.requireAdviser(actor);
    const value = await this.validate(input);
    const mime = evidence ? this.checkedEvidence(evidence) : null;
    return this.dataSource.transaction(async (manager) => {
      await this.requireClient(manager, clientId);
      const consent = await this.insertGiven(manager, actor, clientId, value, null);
      await this.record(actor, 'consent.given', consent, 'own_record', manager);
      if (evidence && mime) await this.storeEvidence(manager, actor, consent, evidence, mime);
      return toConsentView(consent, today());
    });
  }

  /**
   * Records that consent with this scope was asked for but not (yet) given: `requested`, or
   * `refused` when the young person said no (requested → refused, both steps in the
   * history). Neither lets anything through; refusing never blocks the service.
   */
  async recordUnsigned(
    actor: Actor,
    clientId: string,
    input: ConsentInput,
    outcome: 'requested' | 'refused',
  ): Promise<ConsentView> {
    this.requireAdviser(actor);
    const value = await this.validate(input);
    return this.dataSource.transaction(async (manager) => {
      await this.requireClient(manager, clientId);
      let consent = await manager.save(
        manager.create(Consent, {
          ...value,
          clientId,
          status: 'requested',
          recordedByUserId: actor.userId,
          recordedByOrganisationId: actor.organisationId,
          replacesConsentId: null,
        }),
      );
      await this.addHistory(manager, consent.id, null, 'requested', actor, null);
      await this.record(actor, 'consent.requested', consent, 'own_record', manager);
      if (outcome === 'refused') consent = await this.refuseIn(manager, actor, consent.id);
      return toConsentView(consent, today());
    });
  }

  /**
   * The young person gives a consent that was asked for earlier, with exactly the scope
   * on the form they were shown: requested → given, with the method and evidence. Anything
   * but a requested consent still within its period: a conflict.
   */
  async giveRequested(
    actor: Actor,
    clientId: string,
    id: string,
    method: ConsentMethod,
    evidence?: Buffer,
  ): Promise<ConsentView> {
    this.requireAdviser(actor);
    const mime = evidence ? this.checkedEvidence(evidence) : null;
    return this.dataSource.transaction(async (manager) => {
      const [, affected]: [unknown[], number] = await manager.query(
        `UPDATE consents SET status = 'given', method = $3, updated_at = now()
          WHERE id = $1 AND client_id = $2 AND status = 'requested' AND valid_until >= $4::date
          RETURNING id`,
        [id, clientId, method, today()],
      );
      const consent = await manager.findOneBy(Consent, { id });
      if (!consent || consent.clientId !== clientId) throw consentNotFound();
      if (affected === 0) throw consentNotRequested();
      await this.addHistory(manager, id, 'requested', 'given', actor, null);
      await this.record(actor, 'consent.given', consent, this.basis(actor, consent), manager);
      if (evidence && mime) await this.storeEvidence(manager, actor, consent, evidence, mime);
      return toConsentView(consent, today());
    });
  }

  /** A requested consent the young person refused. Anything but `requested`: a conflict. */
  async refuse(actor: Actor, id: string): Promise<ConsentView> {
    this.requireAdviser(actor);
    return this.dataSource.transaction(async (manager) =>
      toConsentView(await this.refuseIn(manager, actor, id), today()),
    );
  }

  /** The scope's field errors without storing anything (the consent wizard's first step). */
  async checkScope(input: ConsentInput): Promise<FieldError[]> {
    try {
      await this.validate(input);
      return [];
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'validation') return error.fieldErrors;
      throw error;
    }
  }

  async listForClient(actor: Actor, clientId: string): Promise<ConsentView[]> {
    this.requireAdviser(actor);
    await this.requireClient(this.dataSource.manager, clientId);
    const consents = await this.dataSource.manager.find(Consent, {
      where: { clientId },
      order: { createdAt: 'DESC' },
    });
    await this.audit.record({
      action: 'consent.listed',
      outcome: 'success',
      clientId,
      sections: ['consent'],
      legalBasis: 'statutory',
      details: { count: consents.length },
    });
    const day = today();
    return consents.map((c) => toConsentView(c, day));
  }

  /**
   * The consent card: every consent of the client, newest first, each with its status
   * history and evidence (hashes, not content). One audit row for the whole card.
   */
  async cardOf(actor: Actor, clientId: string): Promise<ConsentView[]> {
    this.requireAdviser(actor);
    await this.requireClient(this.dataSource.manager, clientId);
    const manager = this.dataSource.manager;
    const consents = await manager.find(Consent, {
      where: { clientId },
      order: { createdAt: 'DESC' },
    });
    const ids = consents.map((c) => c.id);
    const [history, evidence] = ids.length
      ? await Promise.all([
          manager.find(ConsentStatusChange, {
            where: { consentId: In(ids) },
            order: { at: 'ASC' },
          }),
          manager.find(ConsentEvidence, {
            where: { consentId: In(ids) },
            order: { uploadedAt: 'ASC' },
            select: {
              id: true,
              consentId: true,
              mimeType: true,
              sizeBytes: true,
              sha256: true,
              uploadedAt: true,
            },
          }),
        ])
      : [[], []];
    await this.audit.record({
      action: 'consent.card_read',
      outcome: 'success',
      actor: { userId: actor.userId, organisationId: actor.organisationId, roles: actor.roles },
      subjectType: 'client',
      subjectId: clientId,
      clientId,
      sections: ['consent'],
      legalBasis: 'statutory',
      details: { count: consents.length },
    });
    const day = today();
    return consents.map((c) =>
      toConsentView(
        c,
        day,
        history.filter((h) => h.consentId === c.id),
        evidence.filter((e) => e.consentId === c.id),
      ),
    );
  }

  /** One consent with its status history and evidence (hashes, not content). */
  async get(actor: Actor, id: string): Promise<ConsentView> {
    this.requireAdviser(actor);
    const consent = await this.dataSource.manager.findOneBy(Consent, { id });
    if (!consent) throw consentNotFound();
    const [history, evidence] = await Promise.all([
      this.dataSource.manager.find(ConsentStatusChange, {
        where: { consentId: id },
        order: { at: 'ASC' },
      }),
      this.dataSource.manager.find(ConsentEvidence, {
        where: { consentId: id },
        order: { uploadedAt: 'ASC' },
      }),
    ]);
    await this.record(actor, 'consent.read', consent, this.basis(actor, consent));
    return toConsentView(consent, today(), history, evidence);
  }

  /** The consent for rendering its printable form, audited like any read. */
  async forForm(actor: Actor, id: string): Promise<Consent> {
    this.requireAdviser(actor);
    const consent = await this.dataSource.manager.findOneBy(Consent, { id });
    if (!consent) throw consentNotFound();
    await this.record(actor, 'consent.form_printed', consent, this.basis(actor, consent));
    return consent;
  }

  /**
   * Withdraws a given consent; the next request already runs without it. The conditional
   * UPDATE lets exactly one of simultaneous withdrawals through; the others get a conflict.
   */
  async withdraw(actor: Actor, id: string, reason: string | null): Promise<ConsentView> {
    this.requireAdviser(actor);
    return this.dataSource.transaction(async (manager) => {
      // For an UPDATE, TypeORM's postgres driver answers [rows, affected count].
      const [, affected]: [unknown[], number] = await manager.query(
        `UPDATE consents SET status = 'withdrawn', updated_at = now()
          WHERE id = $1 AND status = 'given' AND valid_until >= $2::date RETURNING id`,
        [id, today()],
      );
      const consent = await manager.findOneBy(Consent, { id });
      if (!consent) throw consentNotFound();
      if (affected === 0) throw consentNotGiven();
      await this.addHistory(manager, id, 'given', 'withdrawn', actor, reason);
      await this.record(actor, 'consent.withdrawn', consent, this.basis(actor, consent), manager);
      return toConsentView(consent, today());
    });
  }

  /**
   * A correction: a new given consent (with its evidence, if any) replaces this one, which
   * becomes `replaced`.
   */
  async replace(
    actor: Actor,
    id: string,
    input: ConsentInput,
    evidence?: Buffer,
    clientId?: string,
  ): Promise<ConsentView> {
    this.requireAdviser(actor);
    const value = await this.validate(input);
    const mime = evidence ? this.checkedEvidence(evidence) : null;
    return this.dataSource.transaction(async (manager) => {
      const old = await manager.findOne(Consent, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      // A page names the client too: another client's consent is not found there.
      if (!old || (clientId !== undefined && old.clientId !== clientId)) throw consentNotFound();
      if (old.status !== 'given' || old.validUntil < today()) throw consentNotGiven();
      await manager.update(Consent, { id }, { status: 'replaced' });
      await this.addHistory(manager, id, 'given', 'replaced', actor, 'corrected');
      const consent = await this.insertGiven(manager, actor, old.clientId, value, id);
      await this.record(actor, 'consent.replaced', consent, 'own_record', manager, {
        replacesConsentId: id,
      });
      if (evidence && mime) await this.storeEvidence(manager, actor, consent, evidence, mime);
      return toConsentView(consent, today());
    });
  }

  /** Stores a scan or captured signature with its SHA-256. Wrong type or size: 422. */
  async addEvidence(
    actor: Actor,
    id: string,
    content: Buffer | undefined,
  ): Promise<ConsentView['evidence']> {
    this.requireAdviser(actor);
    const consent = await this.dataSource.manager.findOneBy(Consent, { id });
    if (!consent) throw consentNotFound();
    const mime = this.checkedEvidence(content);
    return this.dataSource.transaction(async (manager) => [
      await this.storeEvidence(manager, actor, consent, content!, mime),
    ]);
  }

  /**
   * Marks given consents past their last day (Helsinki) as expired, with a history step
   * and an audit row each. Access already ends at midnight without it; this keeps the
   * stored status truthful. Safe to run twice: only `given` rows change.
   */
  async expireDue(day: string = today()): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [rows]: [{ id: string; client_id: string }[], number] = await manager.query(
        `UPDATE consents SET status = 'expired', updated_at = now()
          WHERE status = 'given' AND valid_until < $1::date RETURNING id, client_id`,
        [day],
      );
      for (const row of rows) {
        await manager.insert(ConsentStatusChange, {
          consentId: row.id,
          fromStatus: 'given',
          toStatus: 'expired',
          byUserId: null,
          reason: 'period_ended',
        });
        await this.audit.record(
          {
            action: 'consent.expired',
            outcome: 'success',
            actor: null,
            subjectType: 'consent',
            subjectId: row.id,
            clientId: row.client_id,
            sections: ['consent'],
            consentId: row.id,
          },
          manager,
        );
      }
      return rows.length;
    });
  }

  private async refuseIn(manager: EntityManager, actor: Actor, id: string): Promise<Consent> {
    const [, affected]: [unknown[], number] = await manager.query(
      `UPDATE consents SET status = 'refused', updated_at = now()
        WHERE id = $1 AND status = 'requested' RETURNING id`,
      [id],
    );
    const consent = await manager.findOneBy(Consent, { id });
    if (!consent) throw consentNotFound();
    if (affected === 0) throw consentNotRequested();
    await this.addHistory(manager, id, 'requested', 'refused', actor, null);
    await this.record(actor, 'consent.refused', consent, this.basis(actor, consent), manager);
    return consent;
  }

  // The evidence's type, or its field errors thrown before anything is written.
  private checkedEvidence(content: Buffer | undefined): string {
    const checked = checkEvidence(content);
    if (checked.errors.length > 0) throw DomainError.validation(checked.errors);
    return checked.mime!;
  }

  private async storeEvidence(
    manager: EntityManager,
    actor: Actor,
    consent: Consent,
    bytes: Buffer,
    mimeType: string,
  ): Promise<ConsentEvidenceView> {
    const evidence = await manager.save(
      manager.create(ConsentEvidence, {
        consentId: consent.id,
        mimeType,
        sizeBytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        content: bytes,
        uploadedByUserId: actor.userId,
      }),
    );
    await this.record(
      actor,
      'consent.evidence_added',
      consent,
      this.basis(actor, consent),
      manager,
      { mimeType: evidence.mimeType, sizeBytes: evidence.sizeBytes },
    );
    return {
      id: evidence.id,
      mimeType: evidence.mimeType,
      sizeBytes: evidence.sizeBytes,
      sha256: evidence.sha256,
      uploadedAt: evidence.uploadedAt,
    };
  }

  private async insertGiven(
    manager: EntityManager,
    actor: Actor,
    clientId: string,
    value: ValidConsentInput,
    replacesConsentId: string | null,
  ): Promise<Consent> {
    const consent = await manager.save(
      manager.create(Consent, {
        ...value,
        clientId,
        status: 'given',
        recordedByUserId: actor.userId,
        recordedByOrganisationId: actor.organisationId,
        replacesConsentId,
      }),
    );
    await this.addHistory(manager, consent.id, null, 'given', actor, null);
    return consent;
  }

  private async addHistory(
    manager: EntityManager,
    consentId: string,
    fromStatus: ConsentStatus | null,
    toStatus: ConsentStatus,
    actor: Actor,
    reason: string | null,
  ): Promise<void> {
    await manager.insert(ConsentStatusChange, {
      consentId,
      fromStatus,
      toStatus,
      byUserId: actor.userId,
      reason,
    });
  }

  private async validate(input: ConsentInput): Promise<ValidConsentInput> {
    const ids = (input.organisationIds ?? []).filter((id) => UUID.test(id));
    const found: { id: string }[] = ids.length
      ? await this.dataSource.manager.query(
          `SELECT id FROM organisations WHERE id = ANY($1::uuid[])`,
          [ids],
        )
      : [];
    const { errors, value } = checkConsentInput(input, new Set(found.map((r) => r.id)));
    if (!value) throw DomainError.validation(errors);
    return value;
  }

  private async requireClient(manager: EntityManager, clientId: string): Promise<void> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM clients WHERE id = $1`, [clientId]);
    if (rows.length === 0) throw clientNotFound();
  }

  // Consents are handled by advisers; anyone else reads them as not found.
  private requireAdviser(actor: Actor): void {
    if (recordRoleView(actor) !== 'record') throw consentNotFound();
  }

  private basis(actor: Actor, consent: Consent): AuditLegalBasis {
    return consent.recordedByOrganisationId === actor.organisationId ? 'own_record' : 'statutory';
  }

  private async record(
    actor: Actor,
    action: string,
    consent: Consent,
    legalBasis: AuditLegalBasis,
    manager?: EntityManager,
    details: Record<string, string | number> = {},
  ): Promise<void> {
    await this.audit.record(
      {
        action,
        outcome: 'success',
        actor: { userId: actor.userId, organisationId: actor.organisationId, roles: actor.roles },
        subjectType: 'consent',
        subjectId: consent.id,
        clientId: consent.clientId,
        sections: ['consent'],
        legalBasis,
        consentId: consent.id,
        details,
      },
      manager,
    );
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function today(): string {
  return helsinkiDate(new Date());
}
