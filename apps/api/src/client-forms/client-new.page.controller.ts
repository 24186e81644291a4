import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ClientsService } from '@ohjaamo/clients';
import type { Response } from 'express';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import { validationErrorsOf } from '../ui/form';
import { PageRenderer } from '../ui/page-renderer';
import { formFailureOf } from './client-form.errors';
import { clientFormFromBody, emptyClientForm, toCreateInput } from './client-form.values';
import { ClientFormView, type NewClientPage } from './client-form.view';

const NO_SEARCH: NewClientPage['search'] = {
  criteria: { name: '', birthDate: '', phone: '' },
  results: null,
  errors: [],
};

/**
 * Registering a client: search first (the desk's search, criteria in the body only), then
 * the form. Likely duplicates are shown with links; creating anyway needs a confirmation.
 */
@ApiExcludeController()
@Controller('clients/new')
export class ClientNewPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly view: ClientFormView,
    private readonly clients: ClientsService,
  ) {}

  @Allow('clients.create')
  @Get()
  async show(@Req() req: AuthedRequest, @Res() res: Response): Promise<void> {
    await this.view.renderNew(req, res, { search: NO_SEARCH, form: null });
  }

  // Search criteria (names, identity codes) travel in the body, never in the URL.
  @Allow('clients.create')
  @Post('search')
  async search(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const text = (key: string): string => (typeof body[key] === 'string' ? body[key].trim() : '');
    const criteria = { name: text('name'), birthDate: text('birthDate'), phone: text('phone') };
    const identityCode = text('identityCode');
    try {
      const results = await this.clients.searchForDesk(req.auth!.actor, {
        name: criteria.name || undefined,
        birthDate: criteria.birthDate || undefined,
        phone: criteria.phone || undefined,
        identityCode: identityCode || undefined,
      });
      // What was searched for starts the form, so nothing is typed twice.
      const values = {
        ...emptyClientForm(),
        birthDate: criteria.birthDate,
        phone: criteria.phone,
        identityCode,
        ...namesOf(criteria.name),
      };
      await this.view.renderNew(req, res, {
        search: { criteria, results, errors: [] },
        form: { values, errors: [] },
      });
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      await this.view.renderNew(
        req,
        res,
        { search: { criteria, results: null, errors }, form: null },
        422,
      );
    }
  }

  @Allow('clients.create')
  @Post()
  async create(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const values = clientFormFromBody(body);
    const acknowledgeDuplicates = body.acknowledgeDuplicates === 'on';
    try {
      const client = await this.clients.create(req.auth!.actor, toCreateInput(values), {
        acknowledgeDuplicates,
      });
      this.pages.flash(res, { kind: 'success', key: 'clientForms.created' });
      return res.redirect(303, `/clients/${client.id}`);
    } catch (error) {
      const failure = formFailureOf(error);
      if (!failure || failure.kind === 'conflict') throw error;
      // What the user typed comes back as typed (no-store page, POST only) to be corrected.
      if (failure.kind === 'duplicates') {
        return this.view.renderNew(
          req,
          res,
          { search: NO_SEARCH, form: { values, errors: [] }, duplicates: failure.candidates },
          409,
        );
      }
      await this.view.renderNew(
        req,
        res,
        { search: NO_SEARCH, form: { values, errors: failure.errors } },
        422,
      );
    }
  }
}

// "Virtanen Aino" and "Virtanen, Aino" are searched surname first, as the desk does.
function namesOf(name: string): { firstName: string; lastName: string } {
  const parts = name
    .split(/[,\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length !== 2) return { firstName: '', lastName: parts.length === 1 ? parts[0] : '' };
  return { lastName: parts[0], firstName: parts[1] };
}
