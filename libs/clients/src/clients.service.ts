import { Inject, Injectable } from '@nestjs/common';
import { type Actor, DomainError, FieldEncryption } from '@ohjaamo/platform';
import { DataSource, EntityManager } from 'typeorm';
import { ClientAccessPolicy, type RegistryAccess } from './access/client-access.policy';
import { mergeSections, sectionsOfFields } from './access/registry-sections';
import { ClientAuditTrail } from './client-audit-trail';
import type { Client } from './client.entity';
import {
  changedColumns,
  changedFields,
  givenFields,
  notWritable,
  snapshotOf,
} from './client-changes';
import {
  clientNotFound,
  forbidden,
  identityCodeTakenError,
  PossibleDuplicatesError,
  versionConflict,
} from './client-errors';
import type {
  CreateClientInput,
  CreateClientOptions,
  DeskClientSummary,
  DeskSearchCriteria,
  UpdateClientInput,
} from './client-input';
import { END_REASONS, type EndReason } from './client-status';
import { toClientView, type ClientView } from './client-view';
import { ClientsRepository, isUniqueViolation } from './clients.repository';
import { ResponsibleWorkerCheck } from './responsible-worker.check';
import { identityCodeBlindIndex } from './identity-code/identity-code-index';
import { prepareClientFields, type ClientColumns } from './rules/client-field-rules';
import { helsinkiDate } from '@ohjaamo/platform';
import { ClientDeskSearch } from './search/client-desk-search';

/**
 * The client registry. Every read and write of client data is checked against the access
 * policy and leaves an audit row; a client the actor may not see is "not found".
 */
@Injectable()
export class ClientsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ClientsRepository) private readonly clients: ClientsRepository,
    @Inject(ClientAccessPolicy) private readonly policy: ClientAccessPolicy,
    @Inject(ClientAuditTrail) private readonly audit: ClientAuditTrail,
    @Inject(ResponsibleWorkerCheck) private readonly workers: ResponsibleWorkerCheck,
    @Inject(FieldEncryption) private readonly encryption: FieldEncryption,
    @Inject(ClientDeskSearch) private readonly deskSearch: ClientDeskSearch,
  ) {}

  /**
   * Registers a client. An identity code already in the registry is refused; likely
   * duplicates (same birth date and a similar name, or the same phone) are refused with
   * PossibleDuplicatesError unless the user has acknowledged them.
   */
  async create(
    actor: Actor,
    input: CreateClientInput,
    options: CreateClientOptions = {},
  ): Promise<ClientView> {
    const access = this.policy.accessTo(actor, { createdByOrganisationId: actor.organisationId });
    if (!access) throw forbidden();
    const prepared = prepareClientFields(input, null, helsinkiDate(new Date()));
    const workerErrors = await this.workers.errors(prepared.columns.responsibleWorkerId);
    const errors = [...prepared.errors, ...workerErrors];
    if (errors.length > 0) throw DomainError.validation(errors);

    const code = prepared.identityCode ?? null;
    const hash = code ? this.blindIndex(code.code) : null;
    if (hash && (await this.clients.identityCodeHashTaken(hash))) {
      await this.audit.record(actor, {
        action: 'client.created',
        outcome: 'failure',
        sections: ['identity_code'],
        details: { reason: 'identity_code_taken' },
      });
      throw identityCodeTakenError();
    }
    if (!options.acknowledgeDuplicates) await this.refuseLikelyDuplicates(actor, prepared.columns);

    const fields = givenFields(input);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const { id } = await this.clients.insert(manager, {
          ...prepared.columns,
          identityCodeEncrypted: code ? this.encryption.encrypt(code.code) : null,
          identityCodeHash: hash,
          status: 'active',
          createdByOrganisationId: actor.organisationId,
          createdByUserId: actor.userId,
        });
        await this.audit.record(
          actor,
          {
            action: 'client.created',
            clientId: id,
            sections: mergeSections(access.sections, sectionsOfFields(fields)),
            legalBasis: access.legalBasis,
            details: { fields },
          },
          manager,
        );
        return toClientView(await this.require(manager, id), access);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw identityCodeTakenError();
      throw error;
    }
  }

  async get(actor: Actor, id: string): Promise<ClientView> {
    const { client, access } = await this.visible(actor, id, 'client.read');
    await this.audit.record(actor, {
      action: 'client.read',
      clientId: client.id,
      sections: access.sections,
      legalBasis: access.legalBasis,
    });
    return toClientView(client, access);
  }

  /**
   * Changes the fields given. `version` is the one the user saw; if the client has been
   * saved since, nothing is changed and a conflict is raised.
   */
  async update(
    actor: Actor,
    id: string,
    input: UpdateClientInput,
    version: number,
  ): Promise<ClientView> {
    const today = helsinkiDate(new Date());
    try {
      return await this.dataSource.transaction(async (manager) => {
        const current = await this.clients.findByIdForUpdate(manager, id);
        const access = current && this.policy.accessTo(actor, current);
        if (!current || !access) throw clientNotFound();
        if (current.version !== version) throw versionConflict();

        const prepared = prepareClientFields(input, snapshotOf(current), today);
        const errors = [
          ...notWritable(input, access),
          ...prepared.errors,
          ...(await this.workers.errors(prepared.columns.responsibleWorkerId)),
        ];
        if (errors.length > 0) throw DomainError.validation(errors);

        const changes = changedColumns(current, prepared.columns);
        if (prepared.identityCode !== undefined) {
          Object.assign(
            changes,
            await this.identityCodeChange(manager, current, prepared.identityCode),
          );
        }
        const changed = changedFields(changes);
        if (changed.length > 0) await this.clients.update(manager, id, changes);
        await this.audit.record(
          actor,
          {
            action: 'client.updated',
            clientId: id,
            sections: mergeSections(access.sections, sectionsOfFields(changed)),
            legalBasis: access.legalBasis,
            details: { changed },
          },
          manager,
        );
        return toClientView(await this.require(manager, id), access);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw identityCodeTakenError();
      throw error;
    }
  }

  /** Ends the client relationship with a reason; it can be reopened. */
  end(actor: Actor, id: string, reason: EndReason): Promise<ClientView> {
    if (!(END_REASONS as readonly unknown[]).includes(reason)) {
      throw DomainError.validation([{ field: 'reason', code: 'isIn' }]);
    }
    return this.changeRelationship(actor, id, 'client.ended', { reason }, (current) => {
      if (current.status === 'ended') throw DomainError.conflict('client_already_ended');
      return { status: 'ended', endedAt: new Date(), endReason: reason };
    });
  }

  reopen(actor: Actor, id: string): Promise<ClientView> {
    return this.changeRelationship(actor, id, 'client.reopened', {}, (current) => {
      if (current.status !== 'ended') throw DomainError.conflict('client_not_ended');
      return { status: 'active', endedAt: null, endReason: null };
    });
  }

  /** See ClientDeskSearch: identification only, at most 20, one audit row. */
  searchForDesk(actor: Actor, criteria: DeskSearchCriteria): Promise<DeskClientSummary[]> {
    return this.deskSearch.search(actor, criteria);
  }

  /** The decrypted identity code (null if none), for those who may see it. */
  async identityCodeOf(actor: Actor, id: string): Promise<string | null> {
    const { client, access } = await this.visible(actor, id, 'client.read_identity_code');
    if (!access.mayReadIdentityCode) {
      await this.audit.record(actor, {
        action: 'client.read_identity_code',
        outcome: 'denied',
        clientId: client.id,
        sections: ['identity_code'],
      });
      throw clientNotFound();
    }
    const code = client.identityCodeEncrypted
      ? this.encryption.decrypt(client.identityCodeEncrypted)
      : null;
    await this.audit.record(actor, {
      action: 'client.read_identity_code',
      clientId: client.id,
      sections: ['identity_code'],
      legalBasis: access.legalBasis,
    });
    return code;
  }

  /** The client and the actor's access to it; a denied read is audited and "not found". */
  private async visible(
    actor: Actor,
    id: string,
    action: string,
  ): Promise<{ client: Client; access: RegistryAccess }> {
    const client = await this.clients.findById(id);
    if (!client) throw clientNotFound();
    const access = this.policy.accessTo(actor, client);
    if (!access) {
      await this.audit.record(actor, {
        action,
        outcome: 'denied',
        clientId: client.id,
        sections: ['basic'],
      });
      throw clientNotFound();
    }
    return { client, access };
  }

  private async refuseLikelyDuplicates(actor: Actor, columns: ClientColumns): Promise<void> {
    const candidates = await this.clients.findLikelyDuplicates({
      birthDate: columns.birthDate ?? null,
      firstNameKey: columns.firstNameKey ?? '',
      lastNameKey: columns.lastNameKey ?? '',
      phoneDigits: columns.phoneDigits ?? null,
    });
    if (candidates.length === 0) return;
    // The warning shows other clients' names: that is a read, so it is logged.
    await this.audit.record(actor, {
      action: 'client.duplicates_shown',
      sections: ['basic'],
      details: { candidates: candidates.length },
    });
    throw new PossibleDuplicatesError(candidates);
  }

  private async identityCodeChange(
    manager: EntityManager,
    current: Client,
    code: { code: string } | null,
  ): Promise<Partial<Client>> {
    const hash = code ? this.blindIndex(code.code) : null;
    if (hash === current.identityCodeHash) return {};
    if (hash && (await this.clients.identityCodeHashTaken(hash, current.id, manager))) {
      throw identityCodeTakenError();
    }
    return {
      identityCodeHash: hash,
      identityCodeEncrypted: code ? this.encryption.encrypt(code.code) : null,
    };
  }

  private changeRelationship(
    actor: Actor,
    id: string,
    action: string,
    details: Record<string, string>,
    change: (current: Client) => Partial<Client>,
  ): Promise<ClientView> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.clients.findByIdForUpdate(manager, id);
      const access = current && this.policy.accessTo(actor, current);
      if (!current || !access) throw clientNotFound();
      if (!access.mayChangeRelationship) throw forbidden();
      await this.clients.update(manager, id, change(current));
      await this.audit.record(
        actor,
        {
          action,
          clientId: id,
          sections: access.sections,
          legalBasis: access.legalBasis,
          details,
        },
        manager,
      );
      return toClientView(await this.require(manager, id), access);
    });
  }

  private async require(manager: EntityManager, id: string): Promise<Client> {
    const client = await this.clients.findById(id, manager);
    if (!client) throw clientNotFound();
    return client;
  }

  private blindIndex(normalisedCode: string): string {
    return identityCodeBlindIndex(this.encryption, normalisedCode);
  }
}
