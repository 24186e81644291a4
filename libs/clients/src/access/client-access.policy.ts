import { Injectable } from '@nestjs/common';
import type { AuditLegalBasis } from '@ohjaamo/audit';
import {
  decideSection,
  recordRoleView,
  type ConsentScope,
  type LapsedConsentScope,
  type RecordSection,
  type SectionDecision,
} from '@ohjaamo/consent';
import type { Actor } from '@ohjaamo/platform';
import type { RegistrySection, RegistryView } from './registry-sections';

/** What an actor may see of one client's registry entry, and on which legal basis. */
export interface RegistryAccess {
  view: RegistryView;
  /** Sections a read of the entry shows (what the audit row lists). */
  sections: RegistrySection[];
  legalBasis: AuditLegalBasis;
  mayReadIdentityCode: boolean;
  /** May end and reopen the client relationship. */
  mayChangeRelationship: boolean;
}

type ClientOwner = { createdByOrganisationId: string };

/**
 * Who sees how much of the client registry. Role based for now; the consent-based policy
 * (agency × data category × period) replaces the legal basis and extends the sections,
 * keeping this interface so the service and its callers stay as they are.
 */
@Injectable()
export class ClientAccessPolicy {
  /** Null: the actor may not see this client at all, which callers answer as not found. */
  accessTo(actor: Actor, client: ClientOwner): RegistryAccess | null {
    const view = this.viewFor(actor);
    if (!view) return null;
    return {
      view,
      sections: view === 'full' ? ['basic', 'contact_details'] : ['basic'],
      legalBasis: this.legalBasis(actor, client),
      mayReadIdentityCode: view === 'full',
      mayChangeRelationship: view === 'full',
    };
  }

  /** Whether the actor may look people up at all (the desk search). */
  maySearch(actor: Actor): boolean {
    return this.viewFor(actor) !== null;
  }

  /** An agency's own record; anything else rests on law until consent takes over. */
  legalBasis(actor: Actor, client: ClientOwner): AuditLegalBasis {
    return actor.organisationId === client.createdByOrganisationId ? 'own_record' : 'statutory';
  }

  /** Whether the actor's role reads record entries at all (the desk and coordinators do not). */
  mayReadRecord(actor: Actor): boolean {
    return recordRoleView(actor) === 'record';
  }

  /**
   * May the actor read entries of `section` recorded by `recordedByOrganisationId` under
   * the client's consents active now? Lists apply the same rule in SQL
   * (`coveringConsentSql` in @ohjaamo/consent).
   */
  recordSection(
    actor: Actor,
    section: RecordSection,
    recordedByOrganisationId: string,
    activeConsents: readonly ConsentScope[],
    lapsedConsents: readonly LapsedConsentScope[] = [],
  ): SectionDecision {
    return decideSection(actor, section, recordedByOrganisationId, activeConsents, lapsedConsents);
  }

  private viewFor(actor: Actor): RegistryView | null {
    if (actor.roles.includes('adviser')) return 'full';
    if (actor.roles.includes('front_desk')) return 'identification';
    return null;
  }
}
