import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DomainError, requestContext, type FieldError } from '@ohjaamo/platform';
import { GENDERS, VISIT_CHANNELS, VisitsService } from '@ohjaamo/visits';
import type { Response } from 'express';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import { validationErrorsOf } from '../ui/form';
import { PageRenderer } from '../ui/page-renderer';
import { DeskContext } from './desk-context';
import { canIdentify } from './desk.page.controller';
import { DeskVisitValues, toUpdateInput, valuesFromBody, valuesOfVisit } from './desk-visit.form';

/** Correcting a visit: only by the person who logged it, on the same day (the service checks). */
@ApiExcludeController()
@Controller('desk/visits')
export class DeskVisitEditPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly context: DeskContext,
    private readonly visits: VisitsService,
  ) {}

  @Allow('visits.log')
  @Get(':id')
  async form(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    const view = await this.visits.get(req.auth!.actor, id, {
      showClients: canIdentify(req.auth!),
    });
    if (!view.editable) throw DomainError.notFound('visit_not_found');
    await this.render(req, res, id, valuesOfVisit(view.visit), []);
  }

  @Allow('visits.log')
  @Post(':id')
  async save(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const values = valuesFromBody(body);
    const { input, errors } = toUpdateInput(values);
    if (errors.length === 0) {
      try {
        const view = await this.visits.update(req.auth!.actor, id, input, {
          showClients: canIdentify(req.auth!),
        });
        this.pages.flash(res, { kind: 'success', key: 'desk.visitUpdated' });
        return res.redirect(303, `/desk?site=${view.visit.siteId}`);
      } catch (error) {
        const fieldErrors = validationErrorsOf(error);
        if (!fieldErrors) throw error;
        errors.push(...fieldErrors);
      }
    }
    await this.render(req, res, id, values, errors, 422);
  }

  private async render(
    req: AuthedRequest,
    res: Response,
    id: string,
    values: DeskVisitValues,
    fieldErrors: FieldError[],
    status?: number,
  ): Promise<void> {
    const language = requestContext.current()?.language ?? 'fi';
    const [topics, organisations] = await Promise.all([
      this.context.topicOptions(language),
      this.context.organisationOptions(),
    ]);
    this.pages.render(
      req,
      res,
      'desk/edit',
      {
        id,
        values,
        errors: this.pages.errors(fieldErrors),
        linked: values.clientId !== '',
        topics: topics.map((t) => ({ ...t, checked: values.topics.includes(t.code) })),
        channels: VISIT_CHANNELS.map((code) => ({ code, checked: values.channel === code })),
        genders: GENDERS.map((code) => ({ code, selected: values.gender === code })),
        agencies: organisations.map((o) => ({ ...o, checked: values.agencyIds.includes(o.id) })),
        referrals: organisations.map((o) => ({
          ...o,
          selected: values.referralOrganisationId === o.id,
        })),
      },
      { titleKey: 'desk.editTitle', status },
    );
  }
}
