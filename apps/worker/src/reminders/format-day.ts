const DATE_LOCALES: Record<string, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/**
 * "2026-11-24" as a reader of the language writes a date: 24.11.2026 in Finnish and
 * Swedish, 24 November 2026 in English. Staff messages use the Finnish form, the one
 * every Ohjaamo worker reads; messages to young people use their own language.
 */
export function formatDay(day: string, language: string | null = 'fi'): string {
  const locale = DATE_LOCALES[language ?? ''] ?? DATE_LOCALES.fi;
  const [year, month, date] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: locale === 'en-GB' ? 'long' : 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, date)));
}
