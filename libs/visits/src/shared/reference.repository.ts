import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@ohjaamo/clients';
import { Organisation, StaffUser } from '@ohjaamo/identity';
import { DataSource, In, IsNull } from 'typeorm';
import { isUuid } from './uuid';

/** A linked client as the desk may see it: identification only. */
export interface ClientName {
  id: string;
  firstName: string;
  lastName: string;
}

/** What of a visit's references exists: active topic codes, organisations, staff users (with their organisation), the client. */
export interface ExistingReferences {
  topicCodes: Set<string>;
  organisationIds: Set<string>;
  staffUserOrganisations: Map<string, string>;
  clientFound: boolean;
}

export interface ReferenceQuery {
  topicCodes: string[];
  organisationIds: string[];
  staffUserIds: string[];
  clientId?: string | null;
}

/** Existence checks and look-ups of the records visits and queue entries point to. */
@Injectable()
export class ReferenceRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Every reference of one visit in one round trip (this is on the desk's hot path). */
  async existing(query: ReferenceQuery): Promise<ExistingReferences> {
    const topicCodes = [...new Set(query.topicCodes)];
    const organisationIds = [...new Set(query.organisationIds.filter(isUuid))];
    const staffUserIds = [...new Set(query.staffUserIds.filter(isUuid))];
    const clientId = isUuid(query.clientId) ? query.clientId : null;
    const found: ExistingReferences = {
      topicCodes: new Set(),
      organisationIds: new Set(),
      staffUserOrganisations: new Map(),
      clientFound: false,
    };
    if (topicCodes.length + organisationIds.length + staffUserIds.length === 0 && !clientId)
      return found;
    const rows = await this.dataSource.query<
      { kind: string; id: string; organisation_id: string | null }[]
    >(
      `SELECT 'topic' AS kind, code AS id, NULL AS organisation_id
         FROM visit_topics WHERE active AND code = ANY($1::text[])
       UNION ALL
       SELECT 'organisation', id::text, NULL FROM organisations WHERE id = ANY($2::uuid[])
       UNION ALL
       SELECT 'staff_user', id::text, organisation_id::text FROM staff_users WHERE id = ANY($3::uuid[])
       UNION ALL
       SELECT 'client', id::text, NULL FROM clients WHERE id = $4::uuid AND anonymised_at IS NULL`,
      [topicCodes, organisationIds, staffUserIds, clientId],
    );
    for (const row of rows) {
      if (row.kind === 'topic') found.topicCodes.add(row.id);
      else if (row.kind === 'organisation') found.organisationIds.add(row.id);
      else if (row.kind === 'staff_user')
        found.staffUserOrganisations.set(row.id, row.organisation_id as string);
      else found.clientFound = true;
    }
    return found;
  }

  async existingOrganisationIds(ids: string[]): Promise<Set<string>> {
    const valid = [...new Set(ids.filter(isUuid))];
    if (valid.length === 0) return new Set();
    const rows = await this.dataSource.manager.find(Organisation, {
      select: { id: true },
      where: { id: In(valid) },
    });
    return new Set(rows.map((row) => row.id));
  }

  /** Staff users by id, with the organisation each belongs to. */
  async staffUserOrganisations(ids: string[]): Promise<Map<string, string>> {
    const valid = [...new Set(ids.filter(isUuid))];
    if (valid.length === 0) return new Map();
    const rows = await this.dataSource.manager.find(StaffUser, {
      select: { id: true, organisationId: true },
      where: { id: In(valid) },
    });
    return new Map(rows.map((row) => [row.id, row.organisationId]));
  }

  /** An anonymised client can no longer be linked to anything. */
  async clientExists(id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    return this.dataSource.manager.exists(Client, { where: { id, anonymisedAt: IsNull() } });
  }

  async clientNames(ids: string[]): Promise<Map<string, ClientName>> {
    const valid = [...new Set(ids.filter(isUuid))];
    if (valid.length === 0) return new Map();
    const rows = await this.dataSource.manager.find(Client, {
      select: { id: true, firstName: true, lastName: true },
      where: { id: In(valid) },
    });
    return new Map(
      rows.map((row) => [row.id, { id: row.id, firstName: row.firstName, lastName: row.lastName }]),
    );
  }

  /** The organisation that registered each client: what the legal basis of a read rests on. */
  async clientOwners(ids: string[]): Promise<Map<string, string>> {
    const valid = [...new Set(ids.filter(isUuid))];
    if (valid.length === 0) return new Map();
    const rows = await this.dataSource.manager.find(Client, {
      select: { id: true, createdByOrganisationId: true },
      where: { id: In(valid) },
    });
    return new Map(rows.map((row) => [row.id, row.createdByOrganisationId]));
  }
}
