import type { ClientGender, ClientStatus, ContactMethod } from './client-status';

/**
 * A client's editable fields. On update, a field left out stays as it is and null
 * clears it (names cannot be cleared).
 */
export interface ClientFields {
  firstName?: string;
  lastName?: string;
  /** Personal identity code; validated, stored encrypted, never logged. */
  identityCode?: string | null;
  /** YYYY-MM-DD; derived from the identity code when one is given without it. */
  birthDate?: string | null;
  phone?: string | null;
  email?: string | null;
  preferredContact?: ContactMethod | null;
  /** ISO 639-1 (or -2) code of the young person's language. */
  language?: string | null;
  /** Optional, for the statistics: female, male, other or not_stated. */
  gender?: ClientGender | null;
  municipality?: string | null;
  /** Non-disclosure order (turvakielto): no address may then be given or kept. */
  nonDisclosure?: boolean;
  streetAddress?: string | null;
  postalCode?: string | null;
  postOffice?: string | null;
  /** A staff user holding the adviser role. */
  responsibleWorkerId?: string | null;
}

export interface CreateClientInput extends ClientFields {
  firstName: string;
  lastName: string;
}

export type UpdateClientInput = ClientFields;

export interface CreateClientOptions {
  /** The user has seen the likely duplicates and creates a new client anyway. */
  acknowledgeDuplicates?: boolean;
}

/** The desk's look-up. Criteria given are combined with AND. */
export interface DeskSearchCriteria {
  /** "Virtanen", "Virtanen Aino", "Aino Virtanen" or "Virtanen, Aino"; prefixes match. */
  name?: string;
  birthDate?: string;
  /** A full number, or its last digits (at least six). */
  phone?: string;
  identityCode?: string;
}

/** What the desk sees of a search hit: enough to tell people apart, nothing more. */
export interface DeskClientSummary {
  id: string;
  firstName: string;
  lastName: string;
  birthYear: number | null;
  /** Null also when a non-disclosure order protects where the person lives. */
  municipality: string | null;
  status: ClientStatus;
}

/** A possible duplicate as the creator is shown it. */
export interface DuplicateCandidate {
  id: string;
  firstName: string;
  lastName: string;
  birthYear: number | null;
}
