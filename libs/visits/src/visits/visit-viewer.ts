import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@ohjaamo/audit';
import { ClientAccessPolicy } from '@ohjaamo/clients';
import type { Actor } from '@ohjaamo/platform';
import { DataSource } from 'typeorm';
import { auditActor, CLIENT_SECTIONS } from '../shared/audit-actor';
import { ReferenceRepository } from '../shared/reference.repository';
import type { Visit } from './visit.entity';
import { loggedToday } from './visit-rows';
import type { VisitReadOptions, VisitView } from './visit-view';

/** Turns visits into what one actor may see of them; reading a client's visits is audited. */
@Injectable()
export class VisitViewer {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(ReferenceRepository) private readonly references: ReferenceRepository,
    @Inject(ClientAccessPolicy) private readonly policy: ClientAccessPolicy,
  ) {}

  async viewOne(actor: Actor, visit: Visit, options: VisitReadOptions): Promise<VisitView> {
    const [view] = await this.views(actor, [visit], options);
    return view;
  }

  /** Fills in client names for those who may see them, and logs that read per client. */
  async views(actor: Actor, visits: Visit[], options: VisitReadOptions): Promise<VisitView[]> {
    const clientIds = options.showClients
      ? [...new Set(visits.map((v) => v.clientId).filter((id): id is string => id !== null))]
      : [];
    const names = await this.references.clientNames(clientIds);
    if (names.size > 0) {
      const owners = await this.references.clientOwners([...names.keys()]);
      await this.dataSource.transaction(async (manager) => {
        for (const clientId of names.keys()) {
          const createdByOrganisationId = owners.get(clientId) ?? '';
          await this.audit.record(
            {
              action: 'client.read',
              outcome: 'success',
              actor: auditActor(actor),
              clientId,
              sections: CLIENT_SECTIONS,
              subjectType: 'visit',
              // The registry's rule: the agency's own client, or the law (the shared desk).
              legalBasis: this.policy.legalBasis(actor, { createdByOrganisationId }),
            },
            manager,
          );
        }
      });
    }
    return visits.map((visit) => {
      const clientLinked = visit.clientId !== null;
      const shown = options.showClients ? visit : { ...visit, clientId: null };
      return {
        visit: shown,
        client:
          clientLinked && options.showClients
            ? (names.get(visit.clientId as string) ?? null)
            : null,
        clientLinked,
        editable: visit.loggedByUserId === actor.userId && !visit.undoneAt && loggedToday(visit),
      };
    });
  }
}
