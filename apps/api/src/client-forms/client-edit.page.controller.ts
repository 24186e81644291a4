import { Body, Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ClientAccessPolicy, ClientsService } from '@ohjaamo/clients';
import type { Response } from 'express';
import { IdParam, InvalidIdFilter } from '../api-v1/id-param';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import { PageRenderer } from '../ui/page-renderer';
import { formFailureOf } from './client-form.errors';
import { clientFormFromBody, clientFormFromView, toUpdateInput } from './client-form.values';
import { ClientFormView } from './client-form.view';

/**
 * Editing a client's registry entry with optimistic locking: the form carries the version
 * the user saw, and a save over someone else's change is refused and shown again with the
 * user's input kept. The stored identity code is never put in the form, only whether one
 * exists; typing a new one replaces it.
 */
@ApiExcludeController()
@UseFilters(InvalidIdFilter)
@Controller('clients/:id/edit')
export class ClientEditPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly view: ClientFormView,
    private readonly clients: ClientsService,
    private readonly policy: ClientAccessPolicy,
  ) {}

  @Allow('clients.update')
  @Get()
  async show(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
  ): Promise<void> {
    const client = await this.clients.get(req.auth!.actor, id);
    await this.view.renderEdit(req, res, {
      clientId: id,
      clientName: `${client.firstName} ${client.lastName}`,
      version: client.version,
      full: client.details !== undefined,
      hasIdentityCode: client.details?.hasIdentityCode ?? false,
      values: clientFormFromView(client),
      errors: [],
    });
  }

  @Allow('clients.update')
  @Post()
  async save(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const actor = req.auth!.actor;
    // Which fields this user edits follows from the role, as on the form they were shown;
    // the service answers "not found" for a client they may not see.
    const own = { createdByOrganisationId: actor.organisationId };
    const full = this.policy.accessTo(actor, own)?.view === 'full';
    const values = clientFormFromBody(body);
    const version = Number(typeof body.version === 'string' ? body.version : NaN);
    try {
      await this.clients.update(actor, id, toUpdateInput(values, full), version);
      this.pages.flash(res, { kind: 'success', key: 'clientForms.saved' });
      return res.redirect(303, `/clients/${id}`);
    } catch (error) {
      const failure = formFailureOf(error);
      if (!failure || failure.kind === 'duplicates') throw error;
      const conflict = failure.kind === 'conflict';
      // The form then carries the newest version, so saving again (after a look at the
      // client page) is a deliberate choice; the typed input stays as typed.
      const latest = await this.clients.get(actor, id);
      await this.view.renderEdit(
        req,
        res,
        {
          clientId: id,
          clientName: `${latest.firstName} ${latest.lastName}`,
          version: conflict || !Number.isFinite(version) ? latest.version : version,
          full,
          hasIdentityCode: latest.details?.hasIdentityCode ?? false,
          // The identity code is never sent back to the browser: it is typed again.
          values: { ...values, identityCode: '' },
          errors: conflict ? [] : failure.errors,
          conflict,
        },
        conflict ? 409 : 422,
      );
    }
  }
}
