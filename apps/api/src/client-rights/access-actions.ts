/** What an audited action did to the client's data, as the access report says it. */
export type ActionKind = 'viewed' | 'changed' | 'printed' | 'erased';

const PRINTING = new Set(['client.exported', 'client.access_report', 'consent.form_printed']);
// Verbs (`<area>.<verb>`) that only showed data; `*_read` and `*_listed` are reads as well.
const VIEWING = new Set(['read', 'listed', 'search', 'duplicates_shown', 'read_identity_code']);

/** Reads, prints and exports showed data; anything else wrote it. */
export function actionKind(action: string): ActionKind {
  if (action === 'client.anonymised') return 'erased';
  if (PRINTING.has(action)) return 'printed';
  const verb = action.slice(action.indexOf('.') + 1);
  if (VIEWING.has(verb) || verb.endsWith('_read') || verb.endsWith('_listed')) return 'viewed';
  return 'changed';
}
