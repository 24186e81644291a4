import { Injectable } from '@nestjs/common';
import { END_REASONS } from '@ohjaamo/clients';
import { ConcernsService, OutcomesService, parseFollowUpMonths } from '@ohjaamo/outcomes';
import { AppConfig, type FieldError, helsinkiDate, I18nService } from '@ohjaamo/platform';
import type { Response } from 'express';
import type { AuthedRequest } from '../auth/request-auth';
import { DeskContext } from '../desk/desk-context';
import { type ClientHeader, ClientPagesContext } from '../plan-pages/client-header';
import { PageRenderer } from '../ui/page-renderer';
import {
  categoryGroups,
  categoryLabel,
  EMPTY_OUTCOME,
  type OutcomeFormValues,
  sourceOptions,
} from './outcome.form';

/** Which of the page's forms was sent, with what was typed and its errors. */
export type OutcomesPageForm =
  | { kind: 'outcome'; values: OutcomeFormValues; errors: FieldError[] }
  | { kind: 'concern'; values: { description: string; siteId: string }; errors: FieldError[] }
  | { kind: 'relationship'; values: { reason: string }; errors: FieldError[] };

/**
 * The client's outcomes page: outcomes with their follow-up points, concerns with their
 * deadlines, and ending or reopening the client relationship. Every read goes through
 * the audited services.
 */
@Injectable()
export class OutcomesPageView {
  constructor(
    private readonly pages: PageRenderer,
    private readonly context: ClientPagesContext,
    private readonly outcomes: OutcomesService,
    private readonly concerns: ConcernsService,
    private readonly desk: DeskContext,
    private readonly i18n: I18nService,
    private readonly config: AppConfig,
  ) {}

  async render(
    req: AuthedRequest,
    res: Response,
    client: ClientHeader,
    form: OutcomesPageForm | null,
    status: number,
  ): Promise<void> {
    const actor = req.auth!.actor;
    const permissions = req.auth!.permissions;
    const [outcomes, concerns, names, sites] = await Promise.all([
      this.outcomes.list(actor, client.id),
      this.concerns.list(actor, client.id),
      this.context.names(),
      this.desk.site(actor, undefined),
    ]);
    const today = helsinkiDate(new Date());
    const outcomeValues = form?.kind === 'outcome' ? form.values : EMPTY_OUTCOME;
    const concernValues = form?.kind === 'concern' ? form.values : { description: '', siteId: '' };
    const errorsOf = (kind: OutcomesPageForm['kind']): ReturnType<PageRenderer['errors']> =>
      form?.kind === kind ? this.pages.errors(form.errors) : [];
    this.pages.render(
      req,
      res,
      'outcomes/index',
      {
        client,
        endReason: client.endReason
          ? this.i18n.translate(`outcomePage.endReasons.${client.endReason}`)
          : null,
        canWriteOutcomes: permissions.has('outcomes.write'),
        followUpMonths: parseFollowUpMonths(this.config.FOLLOW_UP_MONTHS).join(', '),
        reactionDays: this.config.CONCERN_REACTION_DAYS,
        canConcern: permissions.has('concerns.write'),
        canRelationship: permissions.has('clients.relationship'),
        outcomes: outcomes.map((o) => ({
          id: o.id,
          category: categoryLabel(this.i18n, o.category),
          group: this.i18n.translate(`outcomes.groups.${o.group}`),
          startDate: o.startDate,
          endDate: o.endDate,
          employerOrInstitution: o.employerOrInstitution,
          subsidy: o.subsidy,
          source: this.i18n.translate(`outcomes.sources.${o.source}`),
          recordedBy: names.get(o.recordedByUserId) ?? '',
          recordedAt: o.recordedAt,
          followUps: o.followUps.map((f) => ({
            id: f.id,
            months: f.months,
            dueOn: f.dueOn,
            open: f.recordedAt === null,
            overdue: f.recordedAt === null && f.dueOn < today,
            stillHolds: f.stillHolds,
            newSituation: f.newSituation,
            recordedAt: f.recordedAt,
            recordedBy: f.recordedByUserId ? (names.get(f.recordedByUserId) ?? '') : '',
          })),
        })),
        outcomeForm: {
          categoryGroups: categoryGroups(this.i18n, outcomeValues.category),
          sourceOptions: sourceOptions(this.i18n),
          values: outcomeValues,
        },
        outcomeErrors: errorsOf('outcome'),
        concerns: concerns.map((c) => ({
          id: c.id,
          description: c.description,
          raisedAt: c.raisedAt,
          raisedBy: names.get(c.raisedByUserId) ?? '',
          reactBy: c.reactBy,
          overdue: c.overdue,
          open: c.resolvedAt === null,
          resolvedAt: c.resolvedAt,
          resolvedBy: c.resolvedByUserId ? (names.get(c.resolvedByUserId) ?? '') : '',
          resolution: c.resolution,
        })),
        concernForm: {
          values: concernValues,
          // An adviser at several sites says whose coordinator follows the concern.
          siteOptions:
            sites && sites.sites.length > 1
              ? [
                  { value: '', label: this.i18n.translate('outcomePage.chooseSite') },
                  ...sites.sites.map((s) => ({ value: s.id, label: s.name })),
                ]
              : null,
        },
        concernErrors: errorsOf('concern'),
        reasonOptions: [
          { value: '', label: this.i18n.translate('outcomePage.chooseReason') },
          ...END_REASONS.map((r) => ({
            value: r,
            label: this.i18n.translate(`outcomePage.endReasons.${r}`),
          })),
        ],
        relationshipValues: form?.kind === 'relationship' ? form.values : { reason: '' },
        relationshipErrors: errorsOf('relationship'),
      },
      { titleKey: 'outcomePage.title', titleParams: { name: client.name }, status },
    );
  }
}
