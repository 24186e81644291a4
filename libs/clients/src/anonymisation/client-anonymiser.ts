import { Inject, Injectable } from '@nestjs/common';
import { AuditService, type AuditActorInput, type AuditLegalBasis } from '@ohjaamo/audit';
import type { EntityManager } from 'typeorm';

/** Why a client is anonymised, as the audit row records it. */
export interface AnonymisationReason {
  /** Null for the system itself (retention). */
  actor: AuditActorInput | null;
  legalBasis: AuditLegalBasis;
  /** `retention`, or the erasure request's purpose. */
  purpose: string;
  /** Non-personal facts only: the reason code, a request reference. */
  details: Record<string, string>;
}

/**
 * The one home of client anonymisation, used by retention (the worker) and by erasure on
 * request (the client's rights). The client row stays, so visits keep pointing at it and
 * "returning visitor" statistics still count, but names become a placeholder and identity,
 * contact and address data are cleared. Visits keep their anonymous statistics (age band,
 * gender, language, municipality) and lose the exact age and free-text notes. An active
 * relationship ends (at the client's own wish): nobody can work with a person who is gone.
 */
@Injectable()
export class ClientAnonymiser {
  constructor(@Inject(AuditService) private readonly audit: AuditService) {}

  /**
   * Anonymises inside the caller's transaction and writes the audit row there too.
   * False when the client was anonymised already (a second run does nothing).
   */
  async anonymise(
    manager: EntityManager,
    clientId: string,
    reason: AnonymisationReason,
  ): Promise<boolean> {
    // Conditional on anonymised_at under the row lock the UPDATE takes: exactly once.
    const [, changed] = await manager.query<[unknown, number]>(
      `UPDATE clients SET
         first_name = '-', last_name = '-', first_name_key = '-', last_name_key = '-',
         identity_code_encrypted = NULL, identity_code_hash = NULL, birth_date = NULL,
         phone = NULL, phone_digits = NULL, email = NULL, preferred_contact = NULL,
         street_address = NULL, postal_code = NULL, post_office = NULL,
         status = 'ended', ended_at = COALESCE(ended_at, now()),
         end_reason = COALESCE(end_reason, 'own_wish'),
         anonymised_at = now(), updated_at = now(), version = version + 1
       WHERE id = $1 AND anonymised_at IS NULL`,
      [clientId],
    );
    if (changed === 0) return false;
    await manager.query(
      `UPDATE visits SET age = NULL, note = NULL, referral_note = NULL WHERE client_id = $1`,
      [clientId],
    );
    await this.audit.record(
      {
        action: 'client.anonymised',
        outcome: 'success',
        actor: reason.actor,
        subjectType: 'client',
        subjectId: clientId,
        clientId,
        sections: ['basic', 'contact_details', 'identity_code', 'visits'],
        legalBasis: reason.legalBasis,
        purpose: reason.purpose,
        details: reason.details,
      },
      manager,
    );
    return true;
  }
}
