import { isLanguage, type Language } from '@ohjaamo/platform';

/**
 * The language the client's own papers print in: the client's language when the product
 * speaks it (fi, sv, en), else the deployment's default (the young person's other
 * languages, e.g. so or ar, have no translations yet).
 */
export function clientLanguage(language: string | null, fallback: Language): Language {
  return isLanguage(language) ? language : fallback;
}
