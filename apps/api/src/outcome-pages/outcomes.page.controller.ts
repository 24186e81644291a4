import { Body, Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FollowUpsService, OutcomesService } from '@ohjaamo/outcomes';
import { DomainError, type FieldError, I18nService } from '@ohjaamo/platform';
import type { Response } from 'express';
import { IdParam, InvalidIdFilter } from '../api-v1/id-param';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import { validationErrorsOf } from '../ui/form';
import { PageRenderer } from '../ui/page-renderer';
import { type ClientHeader, ClientPagesContext } from '../plan-pages/client-header';
import { categoryLabel, outcomeFormValues, outcomeInputOf, text } from './outcome.form';
import { OutcomesPageView } from './outcomes-page.view';

interface FollowUpFormValues {
  stillHolds: string;
  newSituation: string;
}

/** Recording outcomes (transitions) and their follow-ups (3, 6 and 12 months). */
@ApiExcludeController()
@UseFilters(InvalidIdFilter)
@Controller('clients/:id/outcomes')
export class OutcomesPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly context: ClientPagesContext,
    private readonly view: OutcomesPageView,
    private readonly outcomes: OutcomesService,
    private readonly followUps: FollowUpsService,
    private readonly i18n: I18nService,
  ) {}

  @Allow('plans.read')
  @Get()
  async show(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
  ): Promise<void> {
    const client = await this.context.header(req.auth!.actor, id);
    await this.view.render(req, res, client, null, 200);
  }

  @Allow('outcomes.write')
  @Post()
  async record(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const actor = req.auth!.actor;
    const client = await this.context.header(actor, id);
    const values = outcomeFormValues(body);
    const parsed = outcomeInputOf(values);
    const fail = (errors: FieldError[]) =>
      this.view.render(req, res, client, { kind: 'outcome', values, errors }, 422);
    if (!parsed.ok) return fail(parsed.errors);
    try {
      await this.outcomes.record(actor, id, parsed.input);
      this.pages.flash(res, { kind: 'success', key: 'outcomePage.outcomeSaved' });
      res.redirect(303, `/clients/${id}/outcomes`);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      await fail(errors);
    }
  }

  @Allow('outcomes.write')
  @Get('follow-ups/:followUpId')
  async followUpForm(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @IdParam('followUpId') followUpId: string,
  ): Promise<void> {
    const client = await this.context.header(req.auth!.actor, id);
    const values = { stillHolds: '', newSituation: '' };
    await this.renderFollowUp(req, res, client, followUpId, values, [], 200);
  }

  @Allow('outcomes.write')
  @Post('follow-ups/:followUpId')
  async recordFollowUp(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @IdParam('followUpId') followUpId: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const actor = req.auth!.actor;
    const client = await this.context.header(actor, id);
    const values = { stillHolds: text(body.stillHolds), newSituation: text(body.newSituation) };
    const errors: FieldError[] = [];
    if (values.stillHolds !== 'yes' && values.stillHolds !== 'no')
      errors.push({ field: 'stillHolds', code: 'isDefined' });
    if (values.newSituation.length > 1000)
      errors.push({ field: 'newSituation', code: 'maxLength', params: { max: 1000 } });
    if (errors.length > 0)
      return this.renderFollowUp(req, res, client, followUpId, values, errors, 422);
    // The follow-up must belong to this client's outcomes (else "not found").
    await this.followUpOf(req, id, followUpId);
    try {
      await this.followUps.record(actor, followUpId, {
        stillHolds: values.stillHolds === 'yes',
        newSituation: values.newSituation || null,
      });
      this.pages.flash(res, { kind: 'success', key: 'outcomePage.followUpSaved' });
      res.redirect(303, `/clients/${id}/outcomes`);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'follow_up_already_recorded') {
        this.pages.flash(res, { kind: 'error', key: 'outcomes.errors.follow_up_already_recorded' });
        return res.redirect(303, `/clients/${id}/outcomes`);
      }
      const domainErrors = validationErrorsOf(error);
      if (!domainErrors) throw error;
      await this.renderFollowUp(req, res, client, followUpId, values, domainErrors, 422);
    }
  }

  private async followUpOf(req: AuthedRequest, clientId: string, followUpId: string) {
    const outcomes = await this.outcomes.list(req.auth!.actor, clientId);
    for (const outcome of outcomes) {
      const followUp = outcome.followUps.find((f) => f.id === followUpId);
      if (followUp) return { outcome, followUp };
    }
    throw DomainError.notFound('follow_up_not_found');
  }

  private async renderFollowUp(
    req: AuthedRequest,
    res: Response,
    client: ClientHeader,
    followUpId: string,
    values: FollowUpFormValues,
    errors: FieldError[],
    status: number,
  ): Promise<void> {
    const { outcome, followUp } = await this.followUpOf(req, client.id, followUpId);
    this.pages.render(
      req,
      res,
      'outcomes/follow-up',
      {
        client,
        outcome: {
          category: categoryLabel(this.i18n, outcome.category),
          startDate: outcome.startDate,
          endDate: outcome.endDate,
          employerOrInstitution: outcome.employerOrInstitution,
        },
        followUp: {
          id: followUp.id,
          months: followUp.months,
          dueOn: followUp.dueOn,
          open: followUp.recordedAt === null,
        },
        values,
        errors: this.pages.errors(errors),
      },
      { titleKey: 'outcomePage.followUpTitle', titleParams: { months: followUp.months }, status },
    );
  }
}
