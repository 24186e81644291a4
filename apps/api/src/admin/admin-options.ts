import { ORGANISATION_KINDS, ROLES, WEEKDAYS } from '@ohjaamo/identity';
import { I18nService, LANGUAGES } from '@ohjaamo/platform';

/** One choice of a select or a checkbox group, already translated. */
export interface Option {
  value: string;
  label: string;
}

export function roleOptions(i18n: I18nService): Option[] {
  return ROLES.map((role) => ({ value: role, label: i18n.translate(`roles.${role}`) }));
}

export function languageOptions(i18n: I18nService): Option[] {
  return LANGUAGES.map((language) => ({
    value: language,
    label: i18n.translate(`languages.${language}`),
  }));
}

export function kindOptions(i18n: I18nService): Option[] {
  return ORGANISATION_KINDS.map((kind) => ({ value: kind, label: kindLabel(i18n, kind) }));
}

export function kindLabel(i18n: I18nService, kind: string): string {
  return i18n.translate(`admin.kinds.${kind}`);
}

export function weekdays(i18n: I18nService): { day: number; name: string }[] {
  return WEEKDAYS.map((day) => ({ day, name: i18n.translate(`admin.weekdays.${day}`) }));
}

/** A select's options with a first, empty choice ("Choose ..." or "All"). */
export function withEmpty(label: string, options: Option[]): Option[] {
  return [{ value: '', label }, ...options];
}
