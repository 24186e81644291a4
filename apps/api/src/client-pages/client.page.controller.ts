import { Body, Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { RecordEntriesService } from '@ohjaamo/clients';
import type { Response } from 'express';
import { IdParam, InvalidIdFilter } from '../api-v1/id-param';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import { text } from '../admin/form-errors';
import { parseForm, validationErrorsOf } from '../ui/form';
import { PageRenderer } from '../ui/page-renderer';
import { ClientPageView } from './client-page.view';
import { ClientRecordEntryForm } from './client-record-entry.form';

/**
 * A client's page: the registry entry, the shared record as far as this user may see it,
 * and the visit history. Unknown clients and clients the user may not see both answer
 * "not found".
 */
@ApiExcludeController()
@UseFilters(InvalidIdFilter)
@Controller('clients')
export class ClientPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly view: ClientPageView,
    private readonly record: RecordEntriesService,
  ) {}

  @Allow('clients.read')
  @Get(':id')
  async show(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
  ): Promise<void> {
    await this.view.render(req, res, id);
  }

  // After the language switch or a reload of a re-shown form: back to the page itself.
  @Allow('clients.read')
  @Get(':id/record')
  toPage(@Res() res: Response, @IdParam() id: string): void {
    res.redirect(303, `/clients/${id}`);
  }

  /** An entry recorded by the adviser's own organisation; errors re-show the page. */
  @Allow('record.write')
  @Post(':id/record')
  async addEntry(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const values = { section: text(body.section), title: text(body.title), body: text(body.body) };
    const parsed = await parseForm(ClientRecordEntryForm, body);
    if (!parsed.ok) return this.view.render(req, res, id, { values, errors: parsed.errors }, 422);
    try {
      await this.record.add(req.auth!.actor, id, parsed.value);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      return this.view.render(req, res, id, { values, errors }, 422);
    }
    this.pages.flash(res, { kind: 'success', key: 'clientRecord.entryAdded' });
    res.redirect(303, `/clients/${id}#section-${parsed.value.section}`);
  }
}
