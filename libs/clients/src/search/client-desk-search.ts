import { Inject, Injectable } from '@nestjs/common';
import { type Actor, DomainError, FieldEncryption } from '@ohjaamo/platform';
import { ClientAccessPolicy } from '../access/client-access.policy';
import { ClientAuditTrail } from '../client-audit-trail';
import { forbidden } from '../client-errors';
import type { DeskClientSummary, DeskSearchCriteria } from '../client-input';
import { ClientsRepository } from '../clients.repository';
import { identityCodeBlindIndex } from '../identity-code/identity-code-index';
import { resolveDeskSearch } from './desk-search-criteria';

export const DESK_SEARCH_LIMIT = 20;

/**
 * The desk's look-up: at most DESK_SEARCH_LIMIT summaries that identify a person and
 * nothing more. One audit row names the criteria used and the result count, never the
 * values searched for.
 */
@Injectable()
export class ClientDeskSearch {
  constructor(
    @Inject(ClientsRepository) private readonly clients: ClientsRepository,
    @Inject(ClientAccessPolicy) private readonly policy: ClientAccessPolicy,
    @Inject(ClientAuditTrail) private readonly audit: ClientAuditTrail,
    @Inject(FieldEncryption) private readonly encryption: FieldEncryption,
  ) {}

  async search(actor: Actor, criteria: DeskSearchCriteria): Promise<DeskClientSummary[]> {
    if (!this.policy.maySearch(actor)) throw forbidden();
    const { errors, search } = resolveDeskSearch(criteria);
    if (errors.length > 0) throw DomainError.validation(errors);
    const { identityCode, used, ...query } = search;
    const results = await this.clients.searchForDesk(
      {
        ...query,
        ...(identityCode
          ? { identityCodeHash: identityCodeBlindIndex(this.encryption, identityCode) }
          : {}),
      },
      DESK_SEARCH_LIMIT,
    );
    // A search spans clients: there is no single client, so no legal basis of one.
    await this.audit.record(actor, {
      action: 'client.search',
      sections: ['basic'],
      details: { criteria: used, results: results.length },
    });
    return results;
  }
}
