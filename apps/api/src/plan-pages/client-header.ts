import { Injectable } from '@nestjs/common';
import { ClientsService, type ClientView } from '@ohjaamo/clients';
import { OrganisationsService, type StaffUserSummary, StaffUsersService } from '@ohjaamo/identity';
import type { Actor } from '@ohjaamo/platform';

/** What the header of every plan and outcome page shows about the client. */
export interface ClientHeader {
  id: string;
  name: string;
  status: ClientView['status'];
  endReason: string | null;
  responsibleWorkerId: string | null;
}

/** Staff users and agencies by id, for names on plans, versions and outcomes. */
export type PartyNames = Map<string, string>;

/**
 * The client pages' shared lookups: the client (an audited registry read, "not found"
 * when the user may not see them) and the names of staff and agencies.
 */
@Injectable()
export class ClientPagesContext {
  constructor(
    private readonly clients: ClientsService,
    private readonly staff: StaffUsersService,
    private readonly organisations: OrganisationsService,
  ) {}

  async header(actor: Actor, clientId: string): Promise<ClientHeader> {
    const client = await this.clients.get(actor, clientId);
    return {
      id: client.id,
      name: `${client.lastName}, ${client.firstName}`,
      status: client.status,
      endReason: client.details?.endReason ?? null,
      responsibleWorkerId: client.details?.responsibleWorkerId ?? null,
    };
  }

  /** Advisers (who can be named responsible) and active agencies, by name. */
  async partyOptions(): Promise<{
    staff: { id: string; name: string }[];
    agencies: { id: string; name: string }[];
  }> {
    const [users, organisations] = await Promise.all([
      this.allStaff(true),
      this.organisations.list({ active: true }),
    ]);
    return {
      staff: users
        .filter((u) => u.roles.includes('adviser'))
        .map((u) => ({ id: u.id, name: u.displayName }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      agencies: organisations
        .map((o) => ({ id: o.id, name: o.name }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    };
  }

  /** Every staff user and agency, active or not: old versions name people who left. */
  async names(): Promise<PartyNames> {
    const [users, organisations] = await Promise.all([this.allStaff(), this.organisations.list()]);
    return new Map([
      ...users.map((u) => [u.id, u.displayName] as const),
      ...organisations.map((o) => [o.id, o.name] as const),
    ]);
  }

  // The staff list is paged; read it whole (a few hundred users at most).
  private async allStaff(active?: boolean): Promise<StaffUserSummary[]> {
    const out: StaffUserSummary[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.staff.list({
        ...(active === undefined ? {} : { active }),
        limit: PAGE,
        offset,
      });
      out.push(...page.items);
      if (page.items.length < PAGE || out.length >= page.total) return out;
    }
  }
}

const PAGE = 200;
