import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@ohjaamo/audit';
import {
  ClientsService,
  RecordEntriesService,
  type ClientView,
  type RecordEntryView,
  type RecordVisibility,
} from '@ohjaamo/clients';
import { ConsentsService, type ConsentView } from '@ohjaamo/consent';
import {
  ConcernsService,
  OutcomesService,
  type ConcernView,
  type OutcomeView,
} from '@ohjaamo/outcomes';
import {
  PlansService,
  SelfAssessmentsService,
  type PlanVersionView,
  type PlanView,
  type SelfAssessmentView,
} from '@ohjaamo/plans';
import { type Actor, DomainError } from '@ohjaamo/platform';
import { VISIT_LIST_MAX_LIMIT, VisitsService, type VisitView } from '@ohjaamo/visits';
import {
  ACCESS_REPORT_YEARS,
  AccessReportService,
  yearsBefore,
  type AccessReportRow,
} from './access-report.service';

/** Parts of the record that exist but are not in this export, and why (no consent ...). */
export interface WithheldPart {
  section: string;
  organisationId: string;
  organisationName: string;
  entries: number;
  reason: string;
}

/** Everything about one client that the exporting organisation holds or may see. */
export interface ClientExport {
  exportedAt: Date;
  exportedByUserId: string;
  exportedByOrganisationId: string;
  client: ClientView & { identityCode: string | null };
  recordEntries: RecordEntryView[];
  withheld: WithheldPart[];
  consents: ConsentView[];
  visits: VisitView['visit'][];
  plan: PlanView | null;
  planVersions: PlanVersionView[];
  selfAssessments: SelfAssessmentView[];
  outcomes: OutcomeView[];
  concerns: ConcernView[];
  accessReport: { from: Date; to: Date; rows: AccessReportRow[] };
}

/**
 * The client's copy of their data (GDPR Art. 15 and 20), as JSON or printed. Each part is
 * read through its own service, as the exporting adviser, so the one access policy decides
 * and every part leaves its own audit row with its legal basis; one more row records the
 * export itself. Another agency's entries that this organisation may not see are listed
 * as withheld (section, agency, count) rather than included: each agency is the
 * controller of its own records and answers for them, and an export must not become a
 * way round the client's consent. Visits are those at the adviser's sites, as on the
 * client's page.
 */
@Injectable()
export class ClientExportService {
  constructor(
    @Inject(AccessReportService) private readonly reports: AccessReportService,
    @Inject(ClientsService) private readonly clients: ClientsService,
    @Inject(RecordEntriesService) private readonly record: RecordEntriesService,
    @Inject(ConsentsService) private readonly consents: ConsentsService,
    @Inject(VisitsService) private readonly visits: VisitsService,
    @Inject(PlansService) private readonly plans: PlansService,
    @Inject(SelfAssessmentsService) private readonly selfAssessments: SelfAssessmentsService,
    @Inject(OutcomesService) private readonly outcomes: OutcomesService,
    @Inject(ConcernsService) private readonly concerns: ConcernsService,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async export(actor: Actor, clientId: string, format: 'json' | 'html'): Promise<ClientExport> {
    const client = await this.reports.openFullEntry(actor, clientId);
    const identityCode = await this.clients.identityCodeOf(actor, clientId);
    const recordEntries = await this.record.list(actor, clientId);
    const visibility = await this.record.visibility(actor, clientId);
    const consentList = await this.consents.listForClient(actor, clientId);
    // With the status history and the evidence's metadata and hashes (never the content).
    const consents: ConsentView[] = [];
    for (const consent of consentList) consents.push(await this.consents.get(actor, consent.id));
    const visits = await this.allVisits(actor, clientId);
    const plan = await orNull(this.plans.get(actor, clientId));
    const planVersions = (await orNull(this.plans.versions(actor, clientId))) ?? [];
    const selfAssessments = await this.selfAssessments.list(actor, clientId);
    const outcomes = await this.outcomes.list(actor, clientId);
    const concerns = await this.concerns.listForClient(actor, clientId);
    const to = new Date();
    const from = yearsBefore(to, ACCESS_REPORT_YEARS);
    const withheld = withheldParts(visibility);

    await this.audit.record({
      action: 'client.exported',
      outcome: 'success',
      actor: { userId: actor.userId, organisationId: actor.organisationId, roles: actor.roles },
      subjectType: 'client',
      subjectId: clientId,
      clientId,
      sections: EXPORTED_SECTIONS,
      legalBasis: 'statutory',
      details: {
        format,
        recordEntries: recordEntries.length,
        withheld: withheld.reduce((n, w) => n + w.entries, 0),
        consents: consents.length,
        visits: visits.length,
      },
    });
    return {
      exportedAt: to,
      exportedByUserId: actor.userId,
      exportedByOrganisationId: actor.organisationId,
      client: { ...client, identityCode },
      recordEntries,
      withheld,
      consents,
      visits,
      plan,
      planVersions,
      selfAssessments,
      outcomes,
      concerns,
      // Read after the export's own row, so the copy shows its own making.
      accessReport: { from, to, rows: await this.reports.rows(clientId, from) },
    };
  }

  private async allVisits(actor: Actor, clientId: string): Promise<VisitView['visit'][]> {
    const out: VisitView['visit'][] = [];
    for (let offset = 0; ; offset += VISIT_LIST_MAX_LIMIT) {
      const page = await this.visits.historyForClient(actor, clientId, {
        limit: VISIT_LIST_MAX_LIMIT,
        offset,
      });
      out.push(...page.items.map((item) => item.visit));
      if (page.items.length < VISIT_LIST_MAX_LIMIT) return out;
    }
  }
}

/** What the export row says was read: the registry, the record, consents and the rest. */
const EXPORTED_SECTIONS = [
  'basic',
  'contact_details',
  'identity_code',
  'record',
  'consent',
  'visits',
  'plan',
  'outcomes',
  'access_log',
];

function withheldParts(visibility: RecordVisibility[]): WithheldPart[] {
  return visibility
    .filter((v) => !v.visible)
    .map((v) => ({
      section: v.section,
      organisationId: v.organisationId,
      organisationName: v.organisationName,
      entries: v.entries,
      reason: v.hiddenReason ?? 'no_consent',
    }));
}

// No plan yet is part of the answer, not an error.
async function orNull<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'not_found') return null;
    throw error;
  }
}
