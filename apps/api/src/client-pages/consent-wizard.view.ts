import { Injectable } from '@nestjs/common';
import { type ClientView, ClientsService } from '@ohjaamo/clients';
import {
  CONSENT_LANGUAGES,
  ConsentFormRenderer,
  CURRENT_CONSENT_FORM_VERSION,
  RECORD_SECTIONS,
} from '@ohjaamo/consent';
import { ORGANISATION_KINDS, OrganisationsService } from '@ohjaamo/identity';
import {
  addDays,
  type FieldError,
  helsinkiDate,
  I18nService,
  type Language,
  requestContext,
} from '@ohjaamo/platform';
import type { Response } from 'express';
import type { AuthedRequest } from '../auth/request-auth';
import { formErrors } from '../admin/form-errors';
import { PageRenderer } from '../ui/page-renderer';
import {
  consentInputOf,
  type ScopeValues,
  SIGN_WAYS,
  type SignValues,
} from './consent-wizard.form';

const LISTS = ['organisationIds', 'organisationKinds', 'sections'];

/** The consent wizard's two pages: the scope, then the form to print or sign. */
@Injectable()
export class ConsentWizardView {
  constructor(
    private readonly pages: PageRenderer,
    private readonly clients: ClientsService,
    private readonly organisations: OrganisationsService,
    private readonly forms: ConsentFormRenderer,
    private readonly i18n: I18nService,
  ) {}

  /** Step 1 as a new consent starts: today onwards for a year, in the client's language. */
  initialScope(client: ClientView, replaces: string): ScopeValues {
    const today = helsinkiDate(new Date());
    const language = (CONSENT_LANGUAGES as readonly string[]).includes(client.language ?? '')
      ? (client.language as string)
      : 'fi';
    return {
      organisationIds: [],
      organisationKinds: [],
      sections: [],
      purpose: '',
      validFrom: today,
      validUntil: addDays(today, 364),
      formLanguage: language,
      replaces,
      requested: '',
    };
  }

  client(req: AuthedRequest, clientId: string): Promise<ClientView> {
    return this.clients.get(req.auth!.actor, clientId);
  }

  async scopeStep(
    req: AuthedRequest,
    res: Response,
    client: ClientView,
    values: ScopeValues,
    errors: FieldError[],
    status: number,
  ): Promise<void> {
    const language = this.language();
    const organisations = await this.organisations.list({ active: true });
    this.pages.render(
      req,
      res,
      'clients/consent-scope',
      {
        client,
        form: values,
        errors: this.pages.errors(formErrors(errors, LISTS)),
        organisationOptions: organisations.map((o) => ({ value: o.id, label: o.name })),
        kindOptions: ORGANISATION_KINDS.map((k) => ({
          value: k,
          label: this.i18n.translate(`admin.kinds.${k}`, {}, language),
        })),
        sectionOptions: RECORD_SECTIONS.map((s) => ({
          value: s,
          label: this.i18n.translate(`sections.${s}`, {}, language),
        })),
        languageOptions: CONSENT_LANGUAGES.map((l) => ({
          value: l,
          label: this.i18n.translate(`consentWizard.languages.${l}`, {}, language),
        })),
      },
      { titleKey: 'consentWizard.scopeTitle', status },
    );
  }

  async signStep(
    req: AuthedRequest,
    res: Response,
    client: ClientView,
    scope: ScopeValues,
    sign: SignValues,
    errors: FieldError[],
    status: number,
  ): Promise<void> {
    const language = this.language();
    const input = consentInputOf(scope);
    const preview = await this.forms.render({
      organisationIds: input.organisationIds ?? [],
      organisationKinds: input.organisationKinds ?? [],
      sections: scope.sections as never,
      purpose: scope.purpose.trim(),
      validFrom: scope.validFrom,
      validUntil: scope.validUntil,
      formVersion: CURRENT_CONSENT_FORM_VERSION,
      formLanguage: scope.formLanguage as Language,
    });
    const csrf = req.auth?.session?.csrfToken ?? '';
    this.pages.render(
      req,
      res,
      'clients/consent-sign',
      {
        client,
        scope,
        sign,
        preview,
        // A multipart form is read after the CSRF check, so its token rides in the action.
        recordAction: `/clients/${client.id}/consents?_csrf=${encodeURIComponent(csrf)}`,
        errors: this.pages.errors(errors),
        // Answering a request: it can be given or refused, not asked for again.
        ways: SIGN_WAYS.filter((w) => !(scope.requested && w === 'requested')).map((w) => ({
          value: w,
          label: this.i18n.translate(`consentWizard.ways.${w}`, {}, language),
          hint: this.i18n.translate(`consentWizard.wayHints.${w}`, {}, language),
          checked: sign.way === w,
        })),
      },
      { titleKey: 'consentWizard.signTitle', status, scripts: ['signature-pad.js'] },
    );
  }

  private language(): Language {
    return requestContext.current()?.language ?? 'fi';
  }
}
