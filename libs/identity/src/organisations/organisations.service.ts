import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@ohjaamo/audit';
import { DomainError, type FieldError } from '@ohjaamo/platform';
import { DataSource } from 'typeorm';
import { textErrors } from '../shared/field-rules';
import { ORGANISATION_KINDS, type OrganisationKind } from './organisation-kind';
import type { Organisation } from './organisation.entity';
import { OrganisationRepository } from './organisation.repository';

const NAME_MAX_LENGTH = 200;

export interface CreateOrganisationInput {
  name: string;
  kind: OrganisationKind;
}

export interface UpdateOrganisationInput {
  name?: string;
  kind?: OrganisationKind;
  active?: boolean;
}

/** Agencies working in the centres. Administrative: every change is audited. */
@Injectable()
export class OrganisationsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(OrganisationRepository) private readonly organisations: OrganisationRepository,
  ) {}

  list(filter: { active?: boolean } = {}): Promise<Organisation[]> {
    return this.organisations.list(filter);
  }

  async get(id: string): Promise<Organisation> {
    const organisation = await this.organisations.findById(id);
    if (!organisation) throw DomainError.notFound('organisation_not_found');
    return organisation;
  }

  async create(input: CreateOrganisationInput): Promise<Organisation> {
    const errors = [...textErrors('name', input.name, NAME_MAX_LENGTH), ...kindErrors(input.kind)];
    if (errors.length > 0) throw DomainError.validation(errors);
    return this.dataSource.transaction(async (manager) => {
      const organisation = await this.organisations.insert(manager, {
        name: input.name.trim(),
        kind: input.kind,
        active: true,
      });
      await this.audit.record(
        {
          action: 'admin.organisation_created',
          outcome: 'success',
          subjectType: 'organisation',
          subjectId: organisation.id,
          details: { kind: organisation.kind },
        },
        manager,
      );
      return organisation;
    });
  }

  async update(id: string, input: UpdateOrganisationInput): Promise<Organisation> {
    const errors: FieldError[] = [];
    if (input.name !== undefined) errors.push(...textErrors('name', input.name, NAME_MAX_LENGTH));
    if (input.kind !== undefined) errors.push(...kindErrors(input.kind));
    if (input.active !== undefined && typeof input.active !== 'boolean') {
      errors.push({ field: 'active', code: 'isBoolean' });
    }
    if (errors.length > 0) throw DomainError.validation(errors);

    return this.dataSource.transaction(async (manager) => {
      const current = await this.organisations.findById(id, manager);
      if (!current) throw DomainError.notFound('organisation_not_found');
      const changes: Partial<Organisation> = {};
      if (input.name !== undefined && input.name.trim() !== current.name) {
        changes.name = input.name.trim();
      }
      if (input.kind !== undefined && input.kind !== current.kind) changes.kind = input.kind;
      if (input.active !== undefined && input.active !== current.active) {
        changes.active = input.active;
      }
      const changed = Object.keys(changes);
      if (changed.length === 0) return current;
      await this.organisations.update(manager, id, changes);
      await this.audit.record(
        {
          action: 'admin.organisation_updated',
          outcome: 'success',
          subjectType: 'organisation',
          subjectId: id,
          details: { changed },
        },
        manager,
      );
      return (await this.organisations.findById(id, manager)) as Organisation;
    });
  }
}

function kindErrors(kind: unknown): FieldError[] {
  return (ORGANISATION_KINDS as readonly unknown[]).includes(kind)
    ? []
    : [{ field: 'kind', code: 'isIn' }];
}
