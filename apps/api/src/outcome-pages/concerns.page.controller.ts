import { Body, Controller, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ClientsService, type EndReason } from '@ohjaamo/clients';
import { ConcernsService } from '@ohjaamo/outcomes';
import { DomainError, type FieldError } from '@ohjaamo/platform';
import type { Response } from 'express';
import { IdParam, InvalidIdFilter } from '../api-v1/id-param';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import { validationErrorsOf } from '../ui/form';
import { PageRenderer } from '../ui/page-renderer';
import { ClientPagesContext } from '../plan-pages/client-header';
import { text } from './outcome.form';
import { OutcomesPageView } from './outcomes-page.view';

/**
 * The outcomes page's other forms: flagging a concern (reaction deadline from
 * CONCERN_REACTION_DAYS), marking it handled, and ending or reopening the relationship.
 */
@ApiExcludeController()
@UseFilters(InvalidIdFilter)
@Controller('clients/:id')
export class ConcernsPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly context: ClientPagesContext,
    private readonly view: OutcomesPageView,
    private readonly concerns: ConcernsService,
    private readonly clients: ClientsService,
  ) {}

  @Allow('concerns.write')
  @Post('concerns')
  async raise(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const actor = req.auth!.actor;
    const client = await this.context.header(actor, id);
    const values = { description: text(body.description), siteId: text(body.siteId) };
    const fail = (errors: FieldError[]) =>
      this.view.render(req, res, client, { kind: 'concern', values, errors }, 422);
    if (values.description.length > 1000)
      return fail([{ field: 'description', code: 'maxLength', params: { max: 1000 } }]);
    if (values.siteId && !UUID.test(values.siteId))
      return fail([{ field: 'siteId', code: 'isUUID' }]);
    try {
      await this.concerns.raise(actor, id, {
        description: values.description,
        siteId: values.siteId || null,
      });
      this.pages.flash(res, { kind: 'success', key: 'outcomePage.concernSaved' });
      res.redirect(303, `/clients/${id}/outcomes#concerns-title`);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      await fail(errors);
    }
  }

  @Allow('concerns.write')
  @Post('concerns/:concernId/resolve')
  async resolve(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @IdParam('concernId') concernId: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const actor = req.auth!.actor;
    // Only a concern of this client, as listed to this user, can be resolved from here.
    const listed = await this.concerns.list(actor, id);
    if (!listed.some((c) => c.id === concernId)) throw DomainError.notFound('concern_not_found');
    const resolution = text(body.resolution).slice(0, 1000);
    try {
      await this.concerns.resolve(actor, concernId, resolution || null);
      this.pages.flash(res, { kind: 'success', key: 'outcomePage.concernResolved' });
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'concern_already_resolved')) throw error;
      this.pages.flash(res, { kind: 'error', key: 'concerns.errors.concern_already_resolved' });
    }
    res.redirect(303, `/clients/${id}/outcomes#concerns-title`);
  }

  @Allow('clients.relationship')
  @Post('relationship/end')
  async end(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const actor = req.auth!.actor;
    const client = await this.context.header(actor, id);
    const values = { reason: text(body.reason) };
    try {
      await this.clients.end(actor, id, values.reason as EndReason);
      this.pages.flash(res, { kind: 'success', key: 'outcomePage.ended' });
      res.redirect(303, `/clients/${id}/outcomes`);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'client_already_ended') {
        this.pages.flash(res, { kind: 'error', key: 'clients.errors.client_already_ended' });
        return res.redirect(303, `/clients/${id}/outcomes`);
      }
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      await this.view.render(req, res, client, { kind: 'relationship', values, errors }, 422);
    }
  }

  @Allow('clients.relationship')
  @Post('relationship/reopen')
  async reopen(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
  ): Promise<void> {
    try {
      await this.clients.reopen(req.auth!.actor, id);
      this.pages.flash(res, { kind: 'success', key: 'outcomePage.reopened' });
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'client_not_ended')) throw error;
      this.pages.flash(res, { kind: 'error', key: 'clients.errors.client_not_ended' });
    }
    res.redirect(303, `/clients/${id}/outcomes`);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
