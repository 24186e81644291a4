import type { RegistryAccess } from './access/client-access.policy';
import type { RegistrySection } from './access/registry-sections';
import type { Client } from './client.entity';
import type { ClientStatus, ContactMethod, EndReason } from './client-status';

/** The rest of the registry entry, for those who see all of it. */
export interface ClientDetails {
  /** Optional, for the statistics (not part of the identification the desk sees). */
  gender: string | null;
  phone: string | null;
  email: string | null;
  preferredContact: ContactMethod | null;
  nonDisclosure: boolean;
  streetAddress: string | null;
  postalCode: string | null;
  postOffice: string | null;
  hasIdentityCode: boolean;
  responsibleWorkerId: string | null;
  endedAt: Date | null;
  endReason: EndReason | null;
  createdByOrganisationId: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A client as one actor may see them: the identification, and the details if allowed. */
export interface ClientView {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string | null;
  language: string | null;
  municipality: string | null;
  status: ClientStatus;
  /** For optimistic locking: send it back with an update. */
  version: number;
  visibleSections: RegistrySection[];
  details?: ClientDetails;
}

export function toClientView(client: Client, access: RegistryAccess): ClientView {
  const full = access.view === 'full';
  const view: ClientView = {
    id: client.id,
    firstName: client.firstName,
    lastName: client.lastName,
    birthDate: client.birthDate,
    language: client.language,
    // Where a protected person lives is part of what the order protects.
    municipality: full || !client.nonDisclosure ? client.municipality : null,
    status: client.status,
    version: client.version,
    visibleSections: [...access.sections],
  };
  if (full) view.details = toClientDetails(client);
  return view;
}

function toClientDetails(client: Client): ClientDetails {
  return {
    gender: client.gender,
    phone: client.phone,
    email: client.email,
    preferredContact: client.preferredContact,
    nonDisclosure: client.nonDisclosure,
    streetAddress: client.streetAddress,
    postalCode: client.postalCode,
    postOffice: client.postOffice,
    hasIdentityCode: client.identityCodeHash !== null,
    responsibleWorkerId: client.responsibleWorkerId,
    endedAt: client.endedAt,
    endReason: client.endReason,
    createdByOrganisationId: client.createdByOrganisationId,
    createdAt: client.createdAt,
    updatedAt: client.updatedAt,
  };
}

export function birthYearOf(birthDate: string | null): number | null {
  return birthDate ? Number(birthDate.slice(0, 4)) : null;
}
