// Dates a person means ("born on", "today") are Helsinki calendar dates (ARCHITECTURE.md).
const FORMAT = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Helsinki',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** YYYY-MM-DD of the given moment in Helsinki. */
export function helsinkiDate(moment: Date = new Date()): string {
  return FORMAT.format(moment);
}
