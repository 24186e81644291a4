import { Injectable } from '@nestjs/common';
import { ClientsService } from '@ohjaamo/clients';
import { ConsentsService, type ConsentView, RECORD_SECTIONS } from '@ohjaamo/consent';
import { OrganisationsService, StaffUsersService } from '@ohjaamo/identity';
import { helsinkiDate, I18nService, type Language, requestContext } from '@ohjaamo/platform';
import type { Response } from 'express';
import type { AuthedRequest } from '../auth/request-auth';
import { PageRenderer } from '../ui/page-renderer';

/** Lays out the consent card and the withdrawal confirmation. */
@Injectable()
export class ConsentCardView {
  constructor(
    private readonly pages: PageRenderer,
    private readonly clients: ClientsService,
    private readonly consents: ConsentsService,
    private readonly organisations: OrganisationsService,
    private readonly staff: StaffUsersService,
    private readonly i18n: I18nService,
  ) {}

  async card(req: AuthedRequest, res: Response, clientId: string): Promise<void> {
    const actor = req.auth!.actor;
    const client = await this.clients.get(actor, clientId);
    const [consents, names] = await Promise.all([
      this.consents.cardOf(actor, clientId),
      this.organisationNames(),
    ]);
    const language = this.language();
    const people = await this.staffNames(consents.flatMap((c) => c.history ?? []));
    const agencies = (c: ConsentView): string[] => [
      ...c.organisationIds.map((id) => names.get(id) ?? id),
      ...c.organisationKinds.map((k) => this.i18n.translate(`admin.kinds.${k}`, {}, language)),
    ];
    const section = (s: string): string => this.i18n.translate(`sections.${s}`, {}, language);
    const today = helsinkiDate(new Date());
    this.pages.render(
      req,
      res,
      'clients/consents',
      {
        client,
        sectionHeads: RECORD_SECTIONS.map((s) => ({ value: s, label: section(s) })),
        scope: this.scopeMatrix(
          consents.filter((c) => c.active),
          agencies,
        ),
        consents: consents.map((c) => ({
          id: c.id,
          status: c.status,
          active: c.active,
          agencies: agencies(c).join(', '),
          sections: c.sections.map(section).join(', '),
          purpose: c.purpose,
          validFrom: c.validFrom,
          validUntil: c.validUntil,
          method: c.method,
          formVersion: c.formVersion,
          formLanguage: c.formLanguage,
          recordedBy: names.get(c.recordedByOrganisationId) ?? '',
          createdAt: c.createdAt,
          replacesConsentId: c.replacesConsentId,
          history: (c.history ?? []).map((h) => ({
            ...h,
            by: h.byUserId ? (people.get(h.byUserId) ?? '') : '',
          })),
          evidence: (c.evidence ?? []).map((e) => ({
            ...e,
            kilobytes: Math.ceil(e.sizeBytes / 1024),
          })),
          // In force or still to start: it can be withdrawn or corrected.
          mayEnd: c.status === 'given' && c.validUntil >= today,
          mayRefuse: c.status === 'requested',
        })),
      },
      { titleKey: 'consentCard.title' },
    );
  }

  async withdrawal(
    req: AuthedRequest,
    res: Response,
    clientId: string,
    consent: ConsentView,
  ): Promise<void> {
    const client = await this.clients.get(req.auth!.actor, clientId);
    const names = await this.organisationNames();
    const language = this.language();
    this.pages.render(
      req,
      res,
      'clients/consent-withdraw',
      {
        client,
        errors: [],
        consent: {
          id: consent.id,
          status: consent.status,
          agencies: [
            ...consent.organisationIds.map((id) => names.get(id) ?? id),
            ...consent.organisationKinds.map((k) =>
              this.i18n.translate(`admin.kinds.${k}`, {}, language),
            ),
          ].join(', '),
          sections: consent.sections
            .map((s) => this.i18n.translate(`sections.${s}`, {}, language))
            .join(', '),
          validUntil: consent.validUntil,
          given: consent.status === 'given',
        },
      },
      { titleKey: 'consentCard.withdrawTitle' },
    );
  }

  // Agencies (rows) × categories (columns) under the consents in force today, each cell
  // with the last day it holds.
  private scopeMatrix(active: ConsentView[], agencies: (c: ConsentView) => string[]) {
    const rows = new Map<string, Map<string, string>>();
    for (const consent of active) {
      for (const agency of agencies(consent)) {
        const cells = rows.get(agency) ?? new Map<string, string>();
        for (const s of consent.sections) {
          const until = cells.get(s);
          if (!until || until < consent.validUntil) cells.set(s, consent.validUntil);
        }
        rows.set(agency, cells);
      }
    }
    return [...rows.entries()].map(([agency, cells]) => ({
      agency,
      cells: RECORD_SECTIONS.map((s) => ({ until: cells.get(s) ?? null })),
    }));
  }

  // Who made each status change (null: the system, e.g. the nightly expiry).
  private async staffNames(history: { byUserId: string | null }[]): Promise<Map<string, string>> {
    const ids = [...new Set(history.map((h) => h.byUserId).filter((id): id is string => !!id))];
    const users = await Promise.all(ids.map((id) => this.staff.findById(id)));
    return new Map(users.flatMap((u) => (u ? [[u.id, u.displayName] as [string, string]] : [])));
  }

  private async organisationNames(): Promise<Map<string, string>> {
    const all = await this.organisations.list();
    return new Map(all.map((o) => [o.id, o.name]));
  }

  private language(): Language {
    return requestContext.current()?.language ?? 'fi';
  }
}
