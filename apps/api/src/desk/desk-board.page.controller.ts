import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DeskQueueService, queueLabel } from '@ohjaamo/visits';
import type { Response } from 'express';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import { PageRenderer } from '../ui/page-renderer';
import { DeskContext } from './desk-context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The live queue board of a site: who is waiting and for how long (queue numbers only,
 * never names), who is with which agency, and which agencies are present today. It works
 * as a plain page; /assets/desk-board.js keeps it current from the server-sent events.
 */
@ApiExcludeController()
@Controller('desk/board')
export class DeskBoardPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly context: DeskContext,
    private readonly queue: DeskQueueService,
  ) {}

  @Allow('desk.queue')
  @Get()
  async show(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Query('site') siteId?: string,
  ): Promise<void> {
    const auth = req.auth!;
    const chosen = await this.context.site(auth.actor, siteId);
    if (!chosen)
      return this.pages.render(req, res, 'desk/no-sites', {}, { titleKey: 'desk.boardTitle' });
    const board = await this.queue.board(auth.actor, chosen.site.id);
    const present = board.agenciesPresent.map((a) => ({
      id: a.organisationId,
      name: a.organisationName,
      selected: a.organisationId === auth.actor.organisationId,
    }));
    this.pages.render(
      req,
      res,
      'desk/board',
      {
        site: chosen.site,
        sites: chosen.sites.map((s) => ({
          id: s.id,
          name: s.name,
          selected: s.id === chosen.site.id,
        })),
        multipleSites: chosen.sites.length > 1,
        board: {
          ...board,
          waiting: board.waiting.map((w) => ({
            ...w,
            waitedMinutes: Math.floor(w.waitingSeconds / 60),
          })),
        },
        present,
      },
      { titleKey: 'desk.boardTitle', scripts: ['desk-board.js'] },
    );
  }

  @Allow('desk.queue')
  @Post('arrivals')
  async arrive(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Body('site') siteId: unknown,
  ): Promise<void> {
    const site = this.siteOf(siteId);
    const entry = await this.queue.arrive(req.auth!.actor, site);
    this.pages.flash(res, {
      kind: 'success',
      key: 'desk.arrivalAdded',
      params: { label: queueLabel(entry.queueNumber) },
    });
    res.redirect(303, `/desk/board?site=${site}`);
  }

  @Allow('desk.queue')
  @Post('entries/:id/call')
  async call(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const organisationId =
      typeof body.organisationId === 'string' && UUID.test(body.organisationId)
        ? body.organisationId
        : undefined;
    const entry = await this.queue.call(req.auth!.actor, id, { organisationId });
    this.done(res, entry.siteId);
  }

  @Allow('desk.queue')
  @Post('entries/:id/finish')
  async finish(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    const entry = await this.queue.finish(req.auth!.actor, id);
    this.done(res, entry.siteId);
  }

  @Allow('desk.queue')
  @Post('entries/:id/left')
  async left(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    const entry = await this.queue.leftUnserved(req.auth!.actor, id);
    this.done(res, entry.siteId);
  }

  private done(res: Response, siteId: string): void {
    this.pages.flash(res, { kind: 'success', key: 'desk.queueUpdated' });
    res.redirect(303, `/desk/board?site=${siteId}`);
  }

  private siteOf(value: unknown): string {
    return typeof value === 'string' && UUID.test(value) ? value : '';
  }
}
