import { Controller, Get, Param, ParseUUIDPipe, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ClientsService } from '@ohjaamo/clients';
import { requestContext } from '@ohjaamo/platform';
import { VisitsService } from '@ohjaamo/visits';
import type { Response } from 'express';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import { DeskContext } from '../desk/desk-context';
import { PageRenderer } from '../ui/page-renderer';

/**
 * A client's page: what this user may see of the registry entry, and the visit history.
 * Unknown clients and clients the user may not see both answer "not found".
 */
@ApiExcludeController()
@Controller('clients')
export class ClientPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly clients: ClientsService,
    private readonly visits: VisitsService,
    private readonly desk: DeskContext,
  ) {}

  @Allow('clients.read')
  @Get(':id')
  async show(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    const actor = req.auth!.actor;
    const client = await this.clients.get(actor, id);
    const language = requestContext.current()?.language ?? 'fi';
    const [history, topics, sites] = await Promise.all([
      this.visits.historyForClient(actor, id, { limit: 200 }),
      this.desk.topicOptions(language),
      this.desk.site(actor, undefined),
    ]);
    const topicLabels = new Map(topics.map((t) => [t.code, t.label]));
    const siteNames = new Map((sites?.sites ?? []).map((s) => [s.id, s.name]));
    this.pages.render(
      req,
      res,
      'clients/show',
      {
        client,
        details: client.details ?? null,
        canLogVisit: req.auth!.permissions.has('visits.log'),
        visits: history.items.map((v) => ({
          startedAt: v.visit.startedAt,
          channel: v.visit.channel,
          site: siteNames.get(v.visit.siteId) ?? '',
          topics: v.visit.topics.map((code) => topicLabels.get(code) ?? code).join(', '),
        })),
      },
      { titleKey: 'clientPage.title' },
    );
  }
}
