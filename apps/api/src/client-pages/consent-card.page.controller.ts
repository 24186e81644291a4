import { Body, Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ConsentFormRenderer, ConsentsService, type ConsentView } from '@ohjaamo/consent';
import { DomainError } from '@ohjaamo/platform';
import type { Response } from 'express';
import { IdParam, InvalidIdFilter } from '../api-v1/id-param';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import { text } from '../admin/form-errors';
import { PageRenderer } from '../ui/page-renderer';
import { ConsentCardView } from './consent-card.view';
import { sendConsentForm } from './consent-form.response';

/**
 * The consent card: what is shared now (agencies × categories), every consent with its
 * history, the form printed again, withdrawal (with a confirming step) and refusal of a
 * requested consent. Replacing goes through the wizard (a correction is a new consent).
 */
@ApiExcludeController()
@UseFilters(InvalidIdFilter)
@Controller('clients/:id/consents')
export class ConsentCardPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly view: ConsentCardView,
    private readonly consents: ConsentsService,
    private readonly forms: ConsentFormRenderer,
  ) {}

  @Allow('consent.manage')
  @Get()
  async card(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
  ): Promise<void> {
    await this.view.card(req, res, id);
  }

  @Allow('consent.manage')
  @Get(':consentId/form')
  async form(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @IdParam('consentId') consentId: string,
  ): Promise<void> {
    const consent = await this.consents.forForm(req.auth!.actor, consentId);
    if (consent.clientId !== id) throw DomainError.notFound('consent_not_found');
    sendConsentForm(res, await this.forms.render(consent));
  }

  @Allow('consent.manage')
  @Get(':consentId/withdraw')
  async confirmWithdrawal(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @IdParam('consentId') consentId: string,
  ): Promise<void> {
    const consent = await this.consentOf(req, id, consentId);
    await this.view.withdrawal(req, res, id, consent);
  }

  /** The first of two simultaneous withdrawals wins; the other is told it is done already. */
  @Allow('consent.manage')
  @Post(':consentId/withdraw')
  async withdraw(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @IdParam('consentId') consentId: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    await this.consentOf(req, id, consentId);
    const reason = text(body.reason).trim().slice(0, 500) || null;
    try {
      await this.consents.withdraw(req.auth!.actor, consentId, reason);
      this.pages.flash(res, { kind: 'success', key: 'consentCard.withdrawn' });
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind !== 'conflict') throw error;
      this.pages.flash(res, { kind: 'error', key: 'consentCard.notInForce' });
    }
    res.redirect(303, `/clients/${id}/consents#consent-${consentId}`);
  }

  @Allow('consent.manage')
  @Post(':consentId/refuse')
  async refuse(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @IdParam('consentId') consentId: string,
  ): Promise<void> {
    await this.consentOf(req, id, consentId);
    try {
      await this.consents.refuse(req.auth!.actor, consentId);
      this.pages.flash(res, { kind: 'success', key: 'consentCard.refused' });
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind !== 'conflict') throw error;
      this.pages.flash(res, { kind: 'error', key: 'consentCard.notRequested' });
    }
    res.redirect(303, `/clients/${id}/consents#consent-${consentId}`);
  }

  // A consent of another client reads as not found on this client's pages.
  private async consentOf(req: AuthedRequest, clientId: string, id: string): Promise<ConsentView> {
    const consent = await this.consents.get(req.auth!.actor, id);
    if (consent.clientId !== clientId) throw DomainError.notFound('consent_not_found');
    return consent;
  }
}
