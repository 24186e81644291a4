import type { OrganisationKind } from '@ohjaamo/identity';

/** The agencies working in the demo Ohjaamo centres (DOMAIN.md §2). */
export const DEMO_ORGANISATIONS: { key: string; name: string; kind: OrganisationKind }[] = [
  { key: 'youth', name: 'Kaupungin nuorisopalvelut', kind: 'youth_services' },
  { key: 'employment', name: 'Uudenmaan työllisyysalue', kind: 'employment_services' },
  { key: 'kela', name: 'Kela', kind: 'kela' },
  { key: 'social', name: 'Hyvinvointialueen sosiaalipalvelut', kind: 'social_services' },
  { key: 'education', name: 'Opinto-ohjaus', kind: 'education' },
  { key: 'outreach', name: 'Etsivä nuorisotyö', kind: 'outreach_youth_work' },
  { key: 'workshop', name: 'Nuorten työpaja Verstas', kind: 'youth_workshop' },
  { key: 'health', name: 'Nuorten terveysneuvonta', kind: 'health_services' },
  { key: 'ngo', name: 'Nuorten Tuki ry', kind: 'ngo' },
];

export const DEMO_SITES = [
  {
    key: 'helsinki',
    name: 'Ohjaamo Helsinki',
    streetAddress: 'Kaisaniemenkatu 4',
    postalCode: '00100',
    municipality: 'Helsinki',
    region: 'Uusimaa',
    // Mon–Thu 10–16, Fri 10–14
    openingHours: {
      '1': [{ opens: '10:00', closes: '16:00' }],
      '2': [{ opens: '10:00', closes: '16:00' }],
      '3': [{ opens: '10:00', closes: '16:00' }],
      '4': [{ opens: '10:00', closes: '16:00' }],
      '5': [{ opens: '10:00', closes: '14:00' }],
    },
    // Which agency is present on which weekday (the Rovaniemi-style weekly calendar).
    calendar: {
      youth: [1, 2, 3, 4, 5],
      employment: [1, 2, 3, 4],
      kela: [2, 4],
      social: [1, 3],
      education: [2, 3],
      outreach: [1, 2, 3, 4, 5],
      workshop: [4],
      health: [3],
      ngo: [5],
    },
  },
  {
    key: 'porvoo',
    name: 'Ohjaamo Porvoo – Borgå',
    streetAddress: 'Rauhankatu 20',
    postalCode: '06100',
    municipality: 'Porvoo',
    region: 'Uusimaa',
    // Tue–Thu 12–16 (a few afternoons a week, like many smaller centres)
    openingHours: {
      '2': [{ opens: '12:00', closes: '16:00' }],
      '3': [{ opens: '12:00', closes: '16:00' }],
      '4': [{ opens: '12:00', closes: '16:00' }],
    },
    calendar: {
      youth: [2, 3, 4],
      employment: [2, 4],
      kela: [3],
      outreach: [2, 3, 4],
      education: [4],
    },
  },
] as const;
