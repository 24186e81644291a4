import type { I18nService } from '../i18n/i18n.service';
import type { FieldError } from './domain-error';

export interface TranslatedFieldError {
  field: string;
  code: string;
  message: string;
}

/** A field error's message in the request's language (used by the API and the UI alike). */
export function translateFieldError(i18n: I18nService, error: FieldError): TranslatedFieldError {
  const key = error.messageKey ?? `validation.${error.code}`;
  const message = i18n.has(key)
    ? i18n.translate(key, error.params)
    : i18n.translate('validation.default');
  return { field: error.field, code: error.code, message };
}
