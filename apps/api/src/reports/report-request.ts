import { I18nService, requestContext, type FieldError } from '@ohjaamo/platform';
import {
  isReportMonth,
  monthOf,
  type ReportLanguage,
  type ReportMonthKey,
  type ReportScope,
  scopeOf,
  type ScopeOption,
} from '@ohjaamo/reports';

export interface ReportRequest {
  month: ReportMonthKey;
  scope: ReportScope;
  scopeValue: string;
}

/**
 * Reads a report's month and scope from the query string (neither is personal data).
 * The month must be a real month no later than the current Helsinki month; the scope one
 * of the offered options.
 */
export function parseReportRequest(
  query: Record<string, unknown>,
  options: readonly ScopeOption[],
  now: Date,
):
  | { ok: true; value: ReportRequest }
  | { ok: false; errors: FieldError[]; month: string; scope: string } {
  const month = typeof query.month === 'string' ? query.month.trim() : '';
  const scopeValue =
    typeof query.scope === 'string' && query.scope !== '' ? query.scope : 'deployment';
  const errors: FieldError[] = [];
  if (!isReportMonth(month) || month > monthOf(now)) {
    errors.push({ field: 'month', code: 'invalid', messageKey: 'reports.form.month_invalid' });
  }
  const scope = scopeOf(scopeValue, options);
  if (!scope)
    errors.push({ field: 'scope', code: 'invalid', messageKey: 'reports.form.scope_invalid' });
  if (errors.length > 0 || !scope) return { ok: false, errors, month, scope: scopeValue };
  return { ok: true, value: { month, scope, scopeValue } };
}

/** "10/2026": how a month is written on pages and in exports. */
export function monthLabel(month: string): string {
  const [year, mon] = month.split('-');
  return `${Number(mon)}/${year}`;
}

/** The reader's language for report labels. */
export function reportLanguage(i18n: I18nService): ReportLanguage {
  return {
    language: requestContext.current()?.language ?? 'fi',
    translate: (key, params) => i18n.translate(key, params),
  };
}

/** The scope's name as shown: the deployment, "Region: X" or "Site: Y". */
export function scopeName(option: ScopeOption | undefined, i18n: I18nService): string {
  if (!option || option.kind === 'deployment')
    return i18n.translate('reports.form.scope_deployment');
  return i18n.translate(`reports.form.${option.kind}_prefix`) + option.name;
}
