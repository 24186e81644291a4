import {
  Body,
  Controller,
  Get,
  Post,
  Query,
  Req,
  Res,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import {
  ConsentFormRenderer,
  ConsentsService,
  type ConsentView,
  CURRENT_CONSENT_FORM_VERSION,
  EVIDENCE_MAX_BYTES,
  typedSignaturePdf,
} from '@ohjaamo/consent';
import { DomainError, type FieldError, I18nService, type Language } from '@ohjaamo/platform';
import type { Response } from 'express';
import { IdParam, InvalidIdFilter } from '../api-v1/id-param';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import { validationErrorsOf } from '../ui/form';
import { PageRenderer } from '../ui/page-renderer';
import { EvidenceTooLargePageFilter } from './evidence-too-large.page-filter';
import { sendConsentForm } from './consent-form.response';
import {
  checkSignStep,
  consentInputOf,
  methodOf,
  type ScopeValues,
  scopeValuesOf,
  scopeValuesOfConsent,
  type SignValues,
  signValuesOf,
  type SignWay,
} from './consent-wizard.form';
import { ConsentWizardView } from './consent-wizard.view';

const NO_SIGNATURE: SignValues = { way: '', signature: '', typedName: '', typedConfirm: false };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The consent wizard: (1) agencies, categories, purpose, period and form language;
 * (2) the form to print, or signed on screen, by typed name, or on paper with a scan;
 * (3) recorded. The scope travels in hidden fields; nothing is stored before step 3, and
 * step 3 stores the consent and its evidence together or not at all.
 */
@ApiExcludeController()
@UseFilters(InvalidIdFilter)
@Controller('clients/:id/consents')
export class ConsentWizardPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly view: ConsentWizardView,
    private readonly consents: ConsentsService,
    private readonly forms: ConsentFormRenderer,
    private readonly i18n: I18nService,
  ) {}

  @Allow('consent.manage')
  @Get('new')
  async start(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @Query('replaces') replaces?: string,
  ): Promise<void> {
    const client = await this.view.client(req, id);
    const values = this.view.initialScope(client, '');
    if (typeof replaces === 'string' && UUID.test(replaces)) {
      const old = await this.consents.get(req.auth!.actor, replaces);
      if (old.clientId === id) {
        Object.assign(values, {
          organisationIds: old.organisationIds,
          organisationKinds: old.organisationKinds,
          sections: old.sections,
          purpose: old.purpose,
          formLanguage: old.formLanguage,
          replaces: old.id,
        });
      }
    }
    await this.view.scopeStep(req, res, client, values, [], 200);
  }

  // The language switch and reloads ask for a step's address with GET; the wizard's state
  // lives in the posted form only, so it starts again from step 1.
  @Allow('consent.manage')
  @Get(['scope', 'preview'])
  restart(@Res() res: Response, @IdParam() id: string): void {
    res.redirect(303, `/clients/${id}/consents/new`);
  }

  /** Step 1 → 2: the scope checked (nothing stored), then the form to print or sign. */
  @Allow('consent.manage')
  @Post('scope')
  async scope(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const client = await this.view.client(req, id);
    const scope = scopeValuesOf(body);
    if (body.back === 'yes') return this.view.scopeStep(req, res, client, scope, [], 200);
    const errors = await this.consents.checkScope(consentInputOf(scope));
    if (errors.length) return this.view.scopeStep(req, res, client, scope, errors, 422);
    await this.view.signStep(req, res, client, scope, NO_SIGNATURE, [], 200);
  }

  /** The printable form of the scope being chosen, opened in a new tab to print. */
  @Allow('consent.manage')
  @Post('preview')
  async preview(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const client = await this.view.client(req, id);
    const scope = scopeValuesOf(body);
    const input = consentInputOf(scope);
    const errors = await this.consents.checkScope(input);
    if (errors.length) return this.view.scopeStep(req, res, client, scope, errors, 422);
    const html = await this.forms.render({
      organisationIds: scope.organisationIds,
      organisationKinds: scope.organisationKinds,
      sections: scope.sections as never,
      purpose: scope.purpose.trim(),
      validFrom: scope.validFrom,
      validUntil: scope.validUntil,
      formVersion: CURRENT_CONSENT_FORM_VERSION,
      formLanguage: scope.formLanguage as Language,
    });
    sendConsentForm(res, html);
  }

  /** Step 2 for a consent asked for earlier: its stored scope, to be signed or refused. */
  @Allow('consent.manage')
  @Get(':consentId/answer')
  async answer(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @IdParam('consentId') consentId: string,
  ): Promise<void> {
    const client = await this.view.client(req, id);
    const consent = await this.requestedConsent(req, id, consentId);
    await this.view.signStep(
      req,
      res,
      client,
      scopeValuesOfConsent(consent),
      NO_SIGNATURE,
      [],
      200,
    );
  }

  /** Step 3: the consent (given, requested or refused) with its evidence, in one go. */
  @Allow('consent.manage')
  @Post()
  @UseFilters(EvidenceTooLargePageFilter)
  // One byte over the limit is enough to refuse; the file input comes last in the form, so
  // the scope fields are read before multer stops.
  @UseInterceptors(
    FileInterceptor('file', {
      limits: { fileSize: EVIDENCE_MAX_BYTES + 1, files: 1, fieldSize: 2 * 1024 * 1024 },
    }),
  )
  async record(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @Body() body: Record<string, unknown>,
    @UploadedFile() file: { buffer: Buffer; size: number } | undefined,
  ): Promise<void> {
    const client = await this.view.client(req, id);
    const posted = scopeValuesOf(body);
    const sign = signValuesOf(body);
    // An answer to a request keeps the stored scope; a new consent's scope is checked again.
    const scope = posted.requested
      ? scopeValuesOfConsent(await this.requestedConsent(req, id, posted.requested))
      : posted;
    const scopeErrors = scope.requested
      ? []
      : await this.consents.checkScope(consentInputOf(scope));
    if (scopeErrors.length) return this.view.scopeStep(req, res, client, scope, scopeErrors, 422);
    const upload = file && file.size > 0 ? file.buffer : undefined;
    const step = checkSignStep(sign, upload, { answering: scope.requested !== '' });
    if (!step.way || step.errors.length) {
      return this.view.signStep(req, res, client, scope, sign, step.errors, 422);
    }
    try {
      const consentId = await this.store(req, id, scope, step.way, step.evidence, step.typedName);
      this.pages.flash(res, { kind: 'success', key: `consentWizard.recorded.${step.way}` });
      res.redirect(303, `/clients/${id}/consents#consent-${consentId}`);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      // The evidence's errors belong to the way it was given.
      const field = step.way === 'signature_on_screen' ? 'signature' : 'file';
      const moved: FieldError[] = errors.map((e) => (e.field === 'file' ? { ...e, field } : e));
      await this.view.signStep(req, res, client, scope, sign, moved, 422);
    }
  }

  private async store(
    req: AuthedRequest,
    clientId: string,
    scope: ScopeValues,
    way: SignWay,
    evidence: Buffer | undefined,
    typedName: string | undefined,
  ): Promise<string> {
    const actor = req.auth!.actor;
    const input = consentInputOf(scope, way);
    if (scope.requested) {
      if (way === 'refused') return (await this.consents.refuse(actor, scope.requested)).id;
      const answer = way === 'typed_name' ? this.typedEvidence(scope, typedName!) : evidence;
      return (
        await this.consents.giveRequested(actor, clientId, scope.requested, methodOf(way), answer)
      ).id;
    }
    if (way === 'requested' || way === 'refused') {
      return (await this.consents.recordUnsigned(actor, clientId, input, way)).id;
    }
    const proof = way === 'typed_name' ? this.typedEvidence(scope, typedName!) : evidence;
    const consent = scope.replaces
      ? await this.consents.replace(actor, scope.replaces, input, proof, clientId)
      : await this.consents.give(actor, clientId, input, proof);
    return consent.id;
  }

  // A consent of this client still awaiting its answer; anything else is not found here.
  private async requestedConsent(
    req: AuthedRequest,
    clientId: string,
    consentId: string,
  ): Promise<ConsentView> {
    const consent = await this.consents.get(req.auth!.actor, consentId);
    if (consent.clientId !== clientId || consent.status !== 'requested') {
      throw DomainError.notFound('consent_not_found');
    }
    return consent;
  }

  // What the young person confirmed by typing their name, in the form's language.
  private typedEvidence(scope: ScopeValues, name: string): Buffer {
    const language = scope.formLanguage as Language;
    const t = (key: string, params: Record<string, string> = {}): string =>
      this.i18n.translate(`consentWizard.typedEvidence.${key}`, params, language);
    const sections = scope.sections.map((s) => this.i18n.translate(`sections.${s}`, {}, language));
    return typedSignaturePdf([
      t('title'),
      t('name', { name }),
      t('confirmedAt', { at: new Date().toISOString() }),
      t('sections', { sections: sections.join(', ') }),
      t('period', { from: scope.validFrom, until: scope.validUntil }),
      t('purpose', { purpose: scope.purpose.trim() }),
      t('formVersion', { version: CURRENT_CONSENT_FORM_VERSION }),
    ]);
  }
}
