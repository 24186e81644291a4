import { Body, Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SelfAssessmentsService, type LifeArea } from '@ohjaamo/plans';
import {
  type FieldError,
  helsinkiDate,
  I18nService,
  type Language,
  requestContext,
} from '@ohjaamo/platform';
import type { Response } from 'express';
import { IdParam, InvalidIdFilter } from '../api-v1/id-param';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import { validationErrorsOf } from '../ui/form';
import { PageRenderer } from '../ui/page-renderer';
import { type ClientHeader, ClientPagesContext } from './client-header';
import { areaLabel, chartOf } from './self-assessment-chart';

interface AssessmentFormValues {
  assessedOn: string;
  scores: Record<string, string>;
}

/**
 * Recording a self-assessment (each life area 1-10), its history, and the change since
 * the baseline as a chart. Areas left empty are not rated.
 */
@ApiExcludeController()
@UseFilters(InvalidIdFilter)
@Controller('clients/:id/self-assessments')
export class SelfAssessmentsPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly context: ClientPagesContext,
    private readonly assessments: SelfAssessmentsService,
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
    const values = { assessedOn: helsinkiDate(new Date()), scores: {} };
    await this.render(req, res, client, values, [], 200);
  }

  @Allow('plans.write')
  @Post()
  async record(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const actor = req.auth!.actor;
    const client = await this.context.header(actor, id);
    const areas = await this.assessments.lifeAreas();
    const values: AssessmentFormValues = {
      assessedOn: typeof body.assessedOn === 'string' ? body.assessedOn.trim() : '',
      scores: Object.fromEntries(
        areas.map((a) => {
          const value = body[`scores.${a.code}`];
          return [a.code, typeof value === 'string' ? value.trim() : ''];
        }),
      ),
    };
    // Only areas given a value are rated; the domain checks each value is 1-10.
    const rated = areas.filter((a) => values.scores[a.code] !== '');
    const scores = rated.map((a) => ({ area: a.code, score: Number(values.scores[a.code]) }));
    try {
      await this.assessments.record(actor, id, {
        assessedOn: values.assessedOn || undefined,
        scores,
      });
      this.pages.flash(res, { kind: 'success', key: 'selfAssessmentPage.saved' });
      res.redirect(303, `/clients/${id}/self-assessments`);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      // "scores.3.score" is the fourth rated area: put the error on that area's input.
      const shown = errors.map((e) => {
        const match = /^scores\.(\d+)\./.exec(e.field);
        const area = match ? rated[Number(match[1])] : undefined;
        return area ? { ...e, field: `scores.${area.code}` } : e;
      });
      await this.render(req, res, client, values, shown, 422);
    }
  }

  private async render(
    req: AuthedRequest,
    res: Response,
    client: ClientHeader,
    values: AssessmentFormValues,
    errors: FieldError[],
    status: number,
  ): Promise<void> {
    const actor = req.auth!.actor;
    const language: Language = requestContext.current()?.language ?? 'fi';
    const [areas, history, trend] = await Promise.all([
      this.assessments.lifeAreas(),
      this.assessments.list(actor, client.id),
      this.assessments.trend(actor, client.id),
    ]);
    const byCode = new Map<string, LifeArea>(areas.map((a) => [a.code, a]));
    // History columns: today's areas, then any retired area that appears in old rows.
    const codes = [
      ...areas.map((a) => a.code),
      ...new Set(history.flatMap((h) => h.scores.map((s) => s.area)).filter((c) => !byCode.has(c))),
    ];
    const names = await this.context.names();
    this.pages.render(
      req,
      res,
      'plans/self-assessments',
      {
        client,
        canWrite: req.auth!.permissions.has('plans.write'),
        chart: chartOf(trend, areas, language, this.i18n),
        errors: this.pages.errors(errors),
        form: {
          assessedOn: values.assessedOn,
          areas: areas.map((a) => ({
            name: `scores.${a.code}`,
            label: areaLabel(a, a.code, language),
            value: values.scores[a.code] ?? '',
          })),
        },
        columns: codes.map((c) => areaLabel(byCode.get(c), c, language)),
        history: history.map((h) => {
          const scores = new Map(h.scores.map((s) => [s.area, s.score]));
          return {
            assessedOn: h.assessedOn,
            baseline: h.baseline,
            recordedBy: names.get(h.recordedByUserId) ?? '',
            scores: codes.map((c) => (scores.has(c) ? String(scores.get(c)) : '–')),
          };
        }),
      },
      { titleKey: 'selfAssessmentPage.title', titleParams: { name: client.name }, status },
    );
  }
}
