import { Injectable } from '@nestjs/common';
import { ClientsService, RecordEntriesService } from '@ohjaamo/clients';
import { RECORD_SECTIONS } from '@ohjaamo/consent';
import { type FieldError, I18nService, type Language, requestContext } from '@ohjaamo/platform';
import { VisitsService } from '@ohjaamo/visits';
import type { Response } from 'express';
import type { AuthedRequest } from '../auth/request-auth';
import { DeskContext } from '../desk/desk-context';
import { SelfAssessmentChartBuilder } from '../plan-pages/self-assessment-chart';
import { PageRenderer } from '../ui/page-renderer';

/** What the "add an entry" form holds, typed or re-shown after an error. */
export interface EntryFormValues {
  section: string;
  title: string;
  body: string;
}

const EMPTY_ENTRY: EntryFormValues = { section: 'agency_notes', title: '', body: '' };

/**
 * The client's page: the registry entry, the shared record section by section (what the
 * viewer may see, and a note for each agency's part they may not and why), visits and the
 * links onward. Which parts show is decided by the record service's access policy; this
 * class only lays the answers out.
 */
@Injectable()
export class ClientPageView {
  constructor(
    private readonly pages: PageRenderer,
    private readonly clients: ClientsService,
    private readonly record: RecordEntriesService,
    private readonly visits: VisitsService,
    private readonly desk: DeskContext,
    private readonly i18n: I18nService,
    private readonly selfAssessmentChart: SelfAssessmentChartBuilder,
  ) {}

  async render(
    req: AuthedRequest,
    res: Response,
    clientId: string,
    entryForm: { values: EntryFormValues; errors: FieldError[] } = {
      values: EMPTY_ENTRY,
      errors: [],
    },
    status = 200,
  ): Promise<void> {
    const actor = req.auth!.actor;
    const permissions = req.auth!.permissions;
    const client = await this.clients.get(actor, clientId);
    const language = requestContext.current()?.language ?? 'fi';
    const readsRecord = permissions.has('record.read') && client.details !== undefined;
    // Every agency sees what has been agreed in the shared plan (DOMAIN §4), so the
    // self-assessment change shows to whoever may read plans; the front desk may not.
    const seesPlan = permissions.has('plans.read') && client.details !== undefined;
    const [history, topics, sites, record, chart] = await Promise.all([
      this.visits.historyForClient(actor, clientId, { limit: 200 }),
      this.desk.topicOptions(language),
      this.desk.site(actor, undefined),
      readsRecord ? this.recordSections(req, clientId, language) : Promise.resolve(null),
      seesPlan ? this.selfAssessmentChart.build(actor, clientId, language) : Promise.resolve(null),
    ]);
    const topicLabels = new Map(topics.map((t) => [t.code, t.label]));
    const siteNames = new Map((sites?.sites ?? []).map((s) => [s.id, s.name]));
    const has = (p: Parameters<typeof permissions.has>[0]): boolean => permissions.has(p);
    const mayWrite = record !== null && has('record.write');
    this.pages.render(
      req,
      res,
      'clients/show',
      {
        client,
        details: client.details ?? null,
        canLogVisit: has('visits.log'),
        canEdit: has('clients.update'),
        record,
        seesPlan,
        selfAssessmentChart: chart,
        entryForm: mayWrite
          ? {
              values: entryForm.values,
              sections: RECORD_SECTIONS.map((s) => ({
                value: s,
                label: this.i18n.translate(`sections.${s}`, {}, language),
              })),
            }
          : null,
        errors: this.pages.errors(entryForm.errors),
        links: {
          plans: has('plans.read'),
          outcomes: has('outcomes.write'),
          consents: has('consent.manage'),
          rights: has('clients.rights'),
        },
        visits: history.items.map((v) => ({
          startedAt: v.visit.startedAt,
          channel: v.visit.channel,
          site: siteNames.get(v.visit.siteId) ?? '',
          topics: v.visit.topics.map((code) => topicLabels.get(code) ?? code).join(', '),
        })),
      },
      { titleKey: 'clientPage.title', status },
    );
  }

  // Each section with the entries the viewer may see and a note per agency part hidden.
  // Both calls go through the record service, which audits every read with its basis.
  private async recordSections(req: AuthedRequest, clientId: string, language: Language) {
    const actor = req.auth!.actor;
    const entries = await this.record.list(actor, clientId);
    const [visibility, recorders] = await Promise.all([
      this.record.visibility(actor, clientId),
      this.record.recorderNames(entries),
    ]);
    const organisations = new Map(visibility.map((v) => [v.organisationId, v.organisationName]));
    return RECORD_SECTIONS.map((section) => {
      const label = this.i18n.translate(`sections.${section}`, {}, language);
      return {
        section,
        label,
        entries: entries
          .filter((e) => e.section === section)
          .map((e) => ({
            title: e.title,
            body: e.body,
            recordedAt: e.recordedAt,
            organisation: organisations.get(e.recordedByOrganisationId) ?? '',
            recordedBy: recorders.get(e.recordedByUserId) ?? '',
            underConsent: e.legalBasis === 'consent',
          })),
        hidden: visibility
          .filter((v) => v.section === section && !v.visible)
          .map((v) =>
            this.i18n.translate(
              `record.hidden.${v.hiddenReason}`,
              { organisation: v.organisationName, section: label },
              language,
            ),
          ),
      };
    });
  }
}
