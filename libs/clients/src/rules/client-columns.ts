import type { Client } from '../client.entity';

/** The stored state the cross-field rules need when updating. */
export type ClientSnapshot = Pick<
  Client,
  'birthDate' | 'phone' | 'email' | 'preferredContact' | 'nonDisclosure'
> & { hasIdentityCode: boolean };

export type ClientColumns = Partial<
  Pick<
    Client,
    | 'firstName'
    | 'lastName'
    | 'firstNameKey'
    | 'lastNameKey'
    | 'birthDate'
    | 'phone'
    | 'phoneDigits'
    | 'email'
    | 'preferredContact'
    | 'language'
    | 'gender'
    | 'municipality'
    | 'nonDisclosure'
    | 'streetAddress'
    | 'postalCode'
    | 'postOffice'
    | 'responsibleWorkerId'
  >
>;
