import { Injectable } from '@nestjs/common';
import {
  CLIENT_GENDERS,
  CONTACT_METHODS,
  type DeskClientSummary,
  type DuplicateCandidate,
} from '@ohjaamo/clients';
import { StaffUsersService } from '@ohjaamo/identity';
import { type FieldError, I18nService } from '@ohjaamo/platform';
import type { Response } from 'express';
import type { AuthedRequest } from '../auth/request-auth';
import { PageRenderer } from '../ui/page-renderer';
import type { ClientFormValues } from './client-form.values';

/** Languages offered first; another ISO code can still be stored through the API. */
export const CLIENT_LANGUAGES = ['fi', 'sv', 'en', 'ru', 'et', 'so', 'ar', 'fa', 'uk'];

/** The register page: the search that comes first, then (after it) the form. */
export interface NewClientPage {
  search: {
    criteria: { name: string; birthDate: string; phone: string };
    results: DeskClientSummary[] | null;
    errors: FieldError[];
  };
  form: { values: ClientFormValues; errors: FieldError[] } | null;
  duplicates?: DuplicateCandidate[];
}

/** The edit page: the form, whether a code is stored, and the version the user saw. */
export interface EditClientPage {
  clientId: string;
  clientName: string;
  version: number;
  full: boolean;
  hasIdentityCode: boolean;
  values: ClientFormValues;
  errors: FieldError[];
  conflict?: boolean;
}

/** Lays out the register and edit forms with their choices in the user's language. */
@Injectable()
export class ClientFormView {
  constructor(
    private readonly pages: PageRenderer,
    private readonly staff: StaffUsersService,
    private readonly i18n: I18nService,
  ) {}

  async renderNew(
    req: AuthedRequest,
    res: Response,
    page: NewClientPage,
    status = 200,
  ): Promise<void> {
    const form = page.form ? await this.formData(req, page.form.values, true) : null;
    const formErrors = this.pages.errors(page.form?.errors ?? []);
    const searchErrors = this.pages.errors(page.search.errors);
    this.pages.render(
      req,
      res,
      'client-forms/new',
      {
        search: {
          criteria: page.search.criteria,
          searched: page.search.results !== null,
          results: page.search.results ?? [],
          errors: searchErrors,
        },
        form,
        duplicates: page.duplicates ?? [],
        hasDuplicates: (page.duplicates ?? []).length > 0,
        errors: [...searchErrors, ...formErrors],
        formErrors,
      },
      { titleKey: 'clientForms.newTitle', scripts: ['client-form.js'], status },
    );
  }

  async renderEdit(
    req: AuthedRequest,
    res: Response,
    page: EditClientPage,
    status = 200,
  ): Promise<void> {
    const errors = this.pages.errors(page.errors);
    this.pages.render(
      req,
      res,
      'client-forms/edit',
      {
        clientId: page.clientId,
        clientName: page.clientName,
        version: page.version,
        hasIdentityCode: page.hasIdentityCode,
        identityHintKey: `clientForms.identityCodeEditHint.${page.hasIdentityCode ? 'replace' : 'set'}`,
        conflict: page.conflict ?? false,
        form: await this.formData(req, page.values, page.full),
        errors,
      },
      { titleKey: 'clientForms.editTitle', scripts: ['client-form.js'], status },
    );
  }

  private async formData(req: AuthedRequest, values: ClientFormValues, full: boolean) {
    const t = (key: string): string => this.i18n.translate(key);
    const none = { value: '', label: t('clientForms.notGiven') };
    const options = (codes: readonly string[], prefix: string) => [
      none,
      ...codes.map((code) => ({ value: code, label: t(`${prefix}.${code}`) })),
    ];
    const languages = options(CLIENT_LANGUAGES, 'clientForms.languages');
    // A language stored through the API that the list lacks still shows as chosen.
    if (values.language && !CLIENT_LANGUAGES.includes(values.language)) {
      languages.push({ value: values.language, label: values.language });
    }
    return {
      values,
      full,
      languages,
      genders: options(CLIENT_GENDERS, 'clientForms.genders'),
      contactMethods: options(CONTACT_METHODS, 'contactMethods'),
      workers: full ? [none, ...(await this.workers(req, values.responsibleWorkerId))] : [],
    };
  }

  // The organisation's active advisers: the ones the registry accepts as responsible.
  private async workers(
    req: AuthedRequest,
    chosen: string,
  ): Promise<{ value: string; label: string }[]> {
    const { items } = await this.staff.list({
      organisationId: req.auth!.actor.organisationId,
      active: true,
      limit: 200,
      offset: 0,
    });
    const workers = items
      .filter((u) => u.roles.includes('adviser'))
      .map((u) => ({ value: u.id, label: u.displayName }));
    if (chosen && !workers.some((w) => w.value === chosen)) {
      workers.push({ value: chosen, label: this.i18n.translate('clientForms.otherWorker') });
    }
    return workers;
  }
}
