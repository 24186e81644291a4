import type { Role } from '@ohjaamo/identity';

/** Staff of the demo centres: the printed demo log-ins and colleagues at every agency. */
export const DEMO_STAFF: {
  email: string;
  displayName: string;
  organisation: string;
  roles: Role[];
  sites: string[];
  language: 'fi' | 'sv' | 'en';
}[] = [
  {
    email: 'desk@demo.ohjaamo.fi',
    displayName: 'Aino Virtanen',
    organisation: 'youth',
    roles: ['front_desk'],
    sites: ['helsinki'],
    language: 'fi',
  },
  {
    email: 'adviser@demo.ohjaamo.fi',
    displayName: 'Mikko Korhonen',
    organisation: 'youth',
    roles: ['adviser'],
    sites: ['helsinki', 'porvoo'],
    language: 'fi',
  },
  {
    email: 'kela@demo.ohjaamo.fi',
    displayName: 'Sanna Nieminen',
    organisation: 'kela',
    roles: ['adviser'],
    sites: ['helsinki', 'porvoo'],
    language: 'fi',
  },
  {
    email: 'employment@demo.ohjaamo.fi',
    displayName: 'Johanna Lindqvist',
    organisation: 'employment',
    roles: ['adviser'],
    sites: ['helsinki', 'porvoo'],
    language: 'sv',
  },
  {
    email: 'coordinator@demo.ohjaamo.fi',
    displayName: 'Henrik Holmström',
    organisation: 'youth',
    roles: ['coordinator'],
    sites: ['helsinki', 'porvoo'],
    language: 'sv',
  },
  {
    email: 'admin@demo.ohjaamo.fi',
    displayName: 'Laura Mäkinen',
    organisation: 'youth',
    roles: ['admin'],
    sites: ['helsinki', 'porvoo'],
    language: 'fi',
  },
  {
    email: 'social@demo.ohjaamo.fi',
    displayName: 'Petri Heikkinen',
    organisation: 'social',
    roles: ['adviser'],
    sites: ['helsinki'],
    language: 'fi',
  },
  {
    email: 'study@demo.ohjaamo.fi',
    displayName: 'Emma Sjöberg',
    organisation: 'education',
    roles: ['adviser'],
    sites: ['helsinki', 'porvoo'],
    language: 'sv',
  },
  {
    email: 'outreach@demo.ohjaamo.fi',
    displayName: 'Juha Laine',
    organisation: 'outreach',
    roles: ['adviser'],
    sites: ['helsinki'],
    language: 'fi',
  },
  {
    email: 'workshop@demo.ohjaamo.fi',
    displayName: 'Riikka Salminen',
    organisation: 'workshop',
    roles: ['adviser'],
    sites: ['helsinki'],
    language: 'fi',
  },
  {
    email: 'health@demo.ohjaamo.fi',
    displayName: 'Tiina Koskinen',
    organisation: 'health',
    roles: ['adviser'],
    sites: ['helsinki'],
    language: 'fi',
  },
  {
    email: 'ngo@demo.ohjaamo.fi',
    displayName: 'Oskar Nyström',
    organisation: 'ngo',
    roles: ['adviser'],
    sites: ['helsinki'],
    language: 'sv',
  },
  {
    email: 'desk.porvoo@demo.ohjaamo.fi',
    displayName: 'Ella Grönroos',
    organisation: 'youth',
    roles: ['front_desk'],
    sites: ['porvoo'],
    language: 'sv',
  },
];
