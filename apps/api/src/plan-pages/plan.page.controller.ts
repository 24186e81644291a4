import { Body, Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PlansService, type PlanView } from '@ohjaamo/plans';
import { DomainError, type FieldError, helsinkiDate, I18nService } from '@ohjaamo/platform';
import type { Response } from 'express';
import { IdParam, InvalidIdFilter } from '../api-v1/id-param';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import { validationErrorsOf } from '../ui/form';
import { PageRenderer } from '../ui/page-renderer';
import { type ClientHeader, ClientPagesContext } from './client-header';
import {
  applyRowOp,
  errorsOnForm,
  newPlanValues,
  planFormOp,
  planFormValues,
  planInputOf,
  type PlanFormValues,
  valuesOfPlan,
} from './plan.form';
import { planFormModel, planSummary } from './plan-view-model';

/** Shown when a save met a newer version: theirs, as saved, next to the user's own input. */
interface Conflict {
  version: number;
  savedAt: Date;
  savedBy: string;
  plan: PlanView;
}

/**
 * The client's shared plan: one form for the whole plan, rows of goals and actions
 * added and removed by the server (so it works without scripts), and its version history.
 * A save based on an old version changes nothing and shows both versions.
 */
@ApiExcludeController()
@UseFilters(InvalidIdFilter)
@Controller('clients/:id/plan')
export class PlanPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly context: ClientPagesContext,
    private readonly plans: PlansService,
    private readonly i18n: I18nService,
  ) {}

  @Allow('plans.read')
  @Get()
  async show(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
  ): Promise<void> {
    const actor = req.auth!.actor;
    const client = await this.context.header(actor, id);
    const plan = await this.current(req, id);
    const values = plan
      ? valuesOfPlan(plan, plan.version)
      : newPlanValues(helsinkiDate(new Date()));
    await this.render(req, res, client, plan, values, [], null, 200);
  }

  @Allow('plans.write')
  @Post()
  async save(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const actor = req.auth!.actor;
    const client = await this.context.header(actor, id);
    const op = planFormOp(body);
    const typed = planFormValues(body);
    if (op.kind !== 'save') {
      const plan = await this.current(req, id);
      return this.render(req, res, client, plan, applyRowOp(typed, op), [], null, 200);
    }
    const parsed = planInputOf(typed);
    if (!parsed.ok) {
      const plan = await this.current(req, id);
      return this.render(req, res, client, plan, typed, parsed.errors, null, 422);
    }
    try {
      await this.plans.save(actor, id, parsed.input, parsed.version);
      this.pages.flash(res, { kind: 'success', key: 'planPage.saved' });
      res.redirect(303, `/clients/${id}/plan`);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'plan_version_conflict') {
        const plan = await this.current(req, id);
        const names = await this.context.names();
        const conflict: Conflict | null = plan
          ? {
              version: plan.version,
              savedAt: plan.updatedAt,
              savedBy: names.get(plan.updatedByUserId) ?? '',
              plan,
            }
          : null;
        // The next save is based on what the user has now seen; their text stays as typed.
        const values = { ...typed, version: String(plan?.version ?? 0) };
        return this.render(req, res, client, plan, values, [], conflict, 409);
      }
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      const shown = errorsOnForm(errors, parsed.rowOf, typed);
      const plan = await this.current(req, id);
      return this.render(req, res, client, plan, typed, shown, null, 422);
    }
  }

  @Allow('plans.read')
  @Get('versions')
  async versions(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
  ): Promise<void> {
    const actor = req.auth!.actor;
    const client = await this.context.header(actor, id);
    const [versions, names] = await Promise.all([
      this.plans.versions(actor, id).catch((error: unknown) => {
        // No plan yet: an empty history, not a missing page.
        if (error instanceof DomainError && error.code === 'plan_not_found') return [];
        throw error;
      }),
      this.context.names(),
    ]);
    this.pages.render(
      req,
      res,
      'plans/versions',
      {
        client,
        versions: versions.map((v) => ({
          version: v.version,
          savedAt: v.savedAt,
          savedBy: names.get(v.savedByUserId) ?? '',
          organisation: names.get(v.savedByOrganisationId) ?? '',
          type: this.i18n.translate(`plans.types.${v.plan.type}`),
        })),
      },
      { titleKey: 'planPage.versionsTitle', titleParams: { name: client.name } },
    );
  }

  @Allow('plans.read')
  @Get('versions/:version')
  async version(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @Param('version') versionParam: string,
  ): Promise<void> {
    const actor = req.auth!.actor;
    const client = await this.context.header(actor, id);
    const [versions, names] = await Promise.all([
      this.plans.versions(actor, id),
      this.context.names(),
    ]);
    const found = /^\d{1,9}$/.test(versionParam)
      ? versions.find((v) => v.version === Number(versionParam))
      : undefined;
    if (!found) throw DomainError.notFound('plan_not_found');
    this.pages.render(
      req,
      res,
      'plans/version',
      {
        client,
        version: found.version,
        latest: found.version === versions[0]?.version,
        savedAt: found.savedAt,
        savedBy: names.get(found.savedByUserId) ?? '',
        organisation: names.get(found.savedByOrganisationId) ?? '',
        summary: planSummary(found.plan, names, this.i18n),
      },
      {
        titleKey: 'planPage.versionTitle',
        titleParams: { name: client.name, version: found.version },
      },
    );
  }

  // The current plan, or null before the first save.
  private async current(req: AuthedRequest, clientId: string): Promise<PlanView | null> {
    try {
      return await this.plans.get(req.auth!.actor, clientId);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'plan_not_found') return null;
      throw error;
    }
  }

  private async render(
    req: AuthedRequest,
    res: Response,
    client: ClientHeader,
    plan: PlanView | null,
    values: PlanFormValues,
    errors: FieldError[],
    conflict: Conflict | null,
    status: number,
  ): Promise<void> {
    const [parties, names] = await Promise.all([this.context.partyOptions(), this.context.names()]);
    this.pages.render(
      req,
      res,
      'plans/edit',
      {
        client,
        plan: plan
          ? {
              version: plan.version,
              updatedAt: plan.updatedAt,
              updatedBy: names.get(plan.updatedByUserId) ?? '',
              participants: plan.participants.map(
                (p) => p.name ?? this.i18n.translate('planPage.unknownParty'),
              ),
            }
          : null,
        canWrite: req.auth!.permissions.has('plans.write'),
        form: planFormModel(values, parties, this.i18n),
        errors: this.pages.errors(errors),
        conflict: conflict
          ? {
              version: conflict.version,
              savedAt: conflict.savedAt,
              savedBy: conflict.savedBy,
              summary: planSummary(conflict.plan, names, this.i18n),
            }
          : null,
      },
      { titleKey: 'planPage.title', titleParams: { name: client.name }, status },
    );
  }
}
