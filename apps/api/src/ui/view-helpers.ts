import type { I18nService, Language } from '@ohjaamo/platform';
import type Handlebars from 'handlebars';

const HELSINKI = 'Europe/Helsinki';
const LOCALES: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/**
 * Helpers available in every view. `t` translates in the page's language; dates are
 * stored in UTC and always shown in Helsinki time.
 */
export function registerViewHelpers(hb: typeof Handlebars, i18n: I18nService): void {
  hb.registerHelper(
    't',
    function (this: { lang?: Language }, key: string, options: Handlebars.HelperOptions) {
      const root = (options.data as { root?: { lang?: Language } } | undefined)?.root;
      return i18n.translate(
        key,
        (options.hash ?? {}) as Record<string, string | number>,
        root?.lang ?? 'fi',
      );
    },
  );
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('not', (a: unknown) => !a);
  hb.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  hb.registerHelper('and', (...args: unknown[]) => args.slice(0, -1).every(Boolean));
  hb.registerHelper(
    'includes',
    (list: unknown, value: unknown) => Array.isArray(list) && list.includes(value),
  );
  hb.registerHelper('concat', (...args: unknown[]) => args.slice(0, -1).join(''));
  hb.registerHelper('dateTime', (value: unknown, options: Handlebars.HelperOptions) =>
    format(value, options, { dateStyle: 'short', timeStyle: 'short' }),
  );
  hb.registerHelper('date', (value: unknown, options: Handlebars.HelperOptions) =>
    format(value, options, { dateStyle: 'medium' }),
  );
}

function format(
  value: unknown,
  options: Handlebars.HelperOptions,
  style: Intl.DateTimeFormatOptions,
): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value !== 'string' && typeof value !== 'number' && !(value instanceof Date)) return '';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const root = (options.data as { root?: { lang?: Language } } | undefined)?.root;
  return new Intl.DateTimeFormat(LOCALES[root?.lang ?? 'fi'], {
    ...style,
    timeZone: HELSINKI,
  }).format(date);
}
