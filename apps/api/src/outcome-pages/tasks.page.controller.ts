import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { OrganisationsService, SitesService } from '@ohjaamo/identity';
import { ConcernsService, FollowUpsService } from '@ohjaamo/outcomes';
import { PlanTasksService } from '@ohjaamo/plans';
import { helsinkiDate, I18nService } from '@ohjaamo/platform';
import type { Response } from 'express';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import { ClientPagesContext } from '../plan-pages/client-header';
import { PageRenderer } from '../ui/page-renderer';
import { categoryLabel } from './outcome.form';

/**
 * "My tasks" for a worker: open follow-ups, plan actions they are named for, plan reviews
 * and concerns with deadlines, each filtered in SQL to their own clients. Coordinators get
 * the overdue concerns as counts per site and organisation, without any client.
 */
@ApiExcludeController()
@Controller('tasks')
export class TasksPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly context: ClientPagesContext,
    private readonly followUps: FollowUpsService,
    private readonly planTasks: PlanTasksService,
    private readonly concerns: ConcernsService,
    private readonly sites: SitesService,
    private readonly organisations: OrganisationsService,
    private readonly i18n: I18nService,
  ) {}

  @Allow('outcomes.write')
  @Get()
  async mine(@Req() req: AuthedRequest, @Res() res: Response): Promise<void> {
    const actor = req.auth!.actor;
    const followUps = await this.followUps.tasks(actor);
    const plans = await this.planTasks.tasks(actor);
    const concerns = await this.concerns.tasks(actor);
    // Names of the listed clients, each an audited registry read under the access policy.
    const ids = [
      ...new Set([
        ...followUps.map((f) => f.clientId),
        ...plans.actions.map((a) => a.clientId),
        ...plans.reviews.map((r) => r.clientId),
        ...concerns.map((c) => c.clientId),
      ]),
    ];
    const names = new Map<string, string>();
    for (const id of ids) names.set(id, (await this.context.header(actor, id)).name);
    const today = helsinkiDate(new Date());
    const client = (id: string) => ({ id, name: names.get(id) ?? '' });
    this.pages.render(
      req,
      res,
      'outcomes/tasks',
      {
        followUps: followUps.map((f) => ({
          client: client(f.clientId),
          followUpId: f.followUpId,
          category: categoryLabel(this.i18n, f.category),
          months: f.months,
          dueOn: f.dueOn,
          overdue: f.dueOn < today,
        })),
        actions: plans.actions.map((a) => ({
          client: client(a.clientId),
          what: a.what,
          dueDate: a.dueDate,
          overdue: a.dueDate !== null && a.dueDate < today,
        })),
        reviews: plans.reviews.map((r) => ({
          client: client(r.clientId),
          reviewDate: r.reviewDate,
          overdue: r.reviewDate < today,
        })),
        concerns: concerns.map((c) => ({
          client: client(c.clientId),
          reactBy: c.reactBy,
          overdue: c.overdue,
        })),
      },
      { titleKey: 'tasksPage.title' },
    );
  }

  @Allow('concerns.overdue')
  @Get('overdue-concerns')
  async overdue(@Req() req: AuthedRequest, @Res() res: Response): Promise<void> {
    const summary = await this.concerns.overdueSummary(req.auth!.actor);
    const [sites, organisations] = await Promise.all([
      this.sites.list(),
      this.organisations.list(),
    ]);
    const siteNames = new Map(sites.map((s) => [s.id, s.name]));
    const orgNames = new Map(organisations.map((o) => [o.id, o.name]));
    this.pages.render(
      req,
      res,
      'outcomes/overdue-concerns',
      {
        total: summary.total,
        groups: summary.groups.map((g) => ({
          site: g.siteId
            ? (siteNames.get(g.siteId) ?? '')
            : this.i18n.translate('tasksPage.noSite'),
          organisation: orgNames.get(g.organisationId) ?? '',
          count: g.count,
        })),
      },
      { titleKey: 'tasksPage.overdueTitle' },
    );
  }
}
