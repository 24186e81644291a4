/** The demo staff accounts, one per role, printed by the start command and the README. */
export const DEMO_PASSWORD = 'ohjaamo-demo-2026';

export const DEMO_LOGINS = [
  { role: 'front_desk', email: 'desk@demo.ohjaamo.fi', password: DEMO_PASSWORD },
  { role: 'adviser', email: 'adviser@demo.ohjaamo.fi', password: DEMO_PASSWORD },
  { role: 'adviser (Kela)', email: 'kela@demo.ohjaamo.fi', password: DEMO_PASSWORD },
  { role: 'coordinator', email: 'coordinator@demo.ohjaamo.fi', password: DEMO_PASSWORD },
  { role: 'admin', email: 'admin@demo.ohjaamo.fi', password: DEMO_PASSWORD },
] as const;
