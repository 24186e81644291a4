import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { I18nService } from '@ohjaamo/platform';
import Handlebars from 'handlebars';
import { DataSource } from 'typeorm';
import { CONSENT_LANGUAGES, type ConsentLanguage } from './consent-status';
import type { Consent } from './consent.entity';

export const CONSENT_TEMPLATES_DIR = join(__dirname, 'templates');

/** The version of the form text in `templates/`; bump it whenever a template's wording changes. */
export const CURRENT_CONSENT_FORM_VERSION = '2026-1';

/** What the printed form shows: exactly the scope chosen (stored, or about to be). */
export type ConsentFormScope = Pick<
  Consent,
  | 'organisationIds'
  | 'organisationKinds'
  | 'sections'
  | 'purpose'
  | 'validFrom'
  | 'validUntil'
  | 'formVersion'
  | 'formLanguage'
>;

/**
 * The printable consent form, in the language of the form shown to the young person. It
 * lists exactly the scope recorded: agencies, categories, purpose, period, form version.
 */
@Injectable()
export class ConsentFormRenderer {
  private readonly templates = new Map<ConsentLanguage, Handlebars.TemplateDelegate>();

  constructor(
    @Inject(I18nService) private readonly i18n: I18nService,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {
    const handlebars = Handlebars.create();
    for (const language of CONSENT_LANGUAGES) {
      const source = readFileSync(
        join(CONSENT_TEMPLATES_DIR, `consent-form.${language}.hbs`),
        'utf8',
      );
      this.templates.set(language, handlebars.compile(source, { strict: true }));
    }
  }

  async render(consent: ConsentFormScope): Promise<string> {
    const language = consent.formLanguage;
    const names: { id: string; name: string }[] = consent.organisationIds.length
      ? await this.dataSource.query(
          `SELECT id, name FROM organisations WHERE id = ANY($1::uuid[]) ORDER BY name`,
          [consent.organisationIds],
        )
      : [];
    const kinds = consent.organisationKinds.map((kind) =>
      this.i18n.translate(`admin.kinds.${kind}`, {}, language),
    );
    return this.templates.get(language)!({
      agencies: [...names.map((n) => n.name), ...kinds],
      sections: consent.sections.map((s) => this.i18n.translate(`sections.${s}`, {}, language)),
      purpose: consent.purpose,
      validFrom: formatDay(consent.validFrom),
      validUntil: formatDay(consent.validUntil),
      formVersion: consent.formVersion,
    });
  }
}

// Finnish, Swedish and English forms all print days as d.m.yyyy, as Finnish papers do.
function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${d}.${m}.${y}`;
}
