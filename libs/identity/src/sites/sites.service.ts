import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@ohjaamo/audit';
import { DomainError, type FieldError } from '@ohjaamo/platform';
import { DataSource } from 'typeorm';
import { OrganisationRepository } from '../organisations/organisation.repository';
import { blankToNull, optionalTextErrors, textErrors } from '../shared/field-rules';
import type { OpeningHours, Weekday } from './opening-hours';
import type { SiteAgencyDay } from './site-agency-day.entity';
import type { Site } from './site.entity';
import { SiteRepository, type AgencyPresence } from './site.repository';
import {
  calendarEntryErrors,
  helsinkiWeekday,
  normaliseOpeningHours,
  openingHoursErrors,
  postalCodeErrors,
  type CalendarEntryInput,
} from './site-rules';

export interface CreateSiteInput {
  name: string;
  streetAddress: string;
  postalCode: string;
  municipality: string;
  region?: string | null;
  openingHours?: OpeningHours;
}

export type UpdateSiteInput = Partial<CreateSiteInput> & { active?: boolean };

/** Ohjaamo locations, their opening hours and weekly agency calendar. Audited. */
@Injectable()
export class SitesService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(SiteRepository) private readonly sites: SiteRepository,
    @Inject(OrganisationRepository) private readonly organisations: OrganisationRepository,
  ) {}

  list(filter: { active?: boolean } = {}): Promise<Site[]> {
    return this.sites.list(filter);
  }

  async get(id: string): Promise<Site> {
    const site = await this.sites.findById(id);
    if (!site) throw DomainError.notFound('site_not_found');
    return site;
  }

  async create(input: CreateSiteInput): Promise<Site> {
    const errors = siteErrors(input, true);
    if (errors.length > 0) throw DomainError.validation(errors);
    return this.dataSource.transaction(async (manager) => {
      const site = await this.sites.insert(manager, {
        name: input.name.trim(),
        streetAddress: input.streetAddress.trim(),
        postalCode: input.postalCode.trim(),
        municipality: input.municipality.trim(),
        region: blankToNull(input.region),
        openingHours: normaliseOpeningHours(input.openingHours ?? {}),
        active: true,
      });
      await this.audit.record(
        {
          action: 'admin.site_created',
          outcome: 'success',
          subjectType: 'site',
          subjectId: site.id,
        },
        manager,
      );
      return site;
    });
  }

  async update(id: string, input: UpdateSiteInput): Promise<Site> {
    const errors = siteErrors(input, false);
    if (input.active !== undefined && typeof input.active !== 'boolean') {
      errors.push({ field: 'active', code: 'isBoolean' });
    }
    if (errors.length > 0) throw DomainError.validation(errors);

    return this.dataSource.transaction(async (manager) => {
      const current = await this.sites.findById(id, manager);
      if (!current) throw DomainError.notFound('site_not_found');
      const next: Partial<Site> = {
        name: input.name?.trim(),
        streetAddress: input.streetAddress?.trim(),
        postalCode: input.postalCode?.trim(),
        municipality: input.municipality?.trim(),
        region: input.region === undefined ? undefined : blankToNull(input.region),
        openingHours:
          input.openingHours === undefined ? undefined : normaliseOpeningHours(input.openingHours),
        active: input.active,
      };
      const changes: Partial<Site> = {};
      for (const [key, value] of Object.entries(next) as [keyof Site, unknown][]) {
        if (value === undefined) continue;
        if (JSON.stringify(value) !== JSON.stringify(current[key])) {
          (changes as Record<string, unknown>)[key] = value;
        }
      }
      const changed = Object.keys(changes);
      if (changed.length === 0) return current;
      await this.sites.update(manager, id, changes);
      await this.audit.record(
        {
          action: 'admin.site_updated',
          outcome: 'success',
          subjectType: 'site',
          subjectId: id,
          details: { changed },
        },
        manager,
      );
      return (await this.sites.findById(id, manager)) as Site;
    });
  }

  /** Replaces the whole weekly agency calendar of a site in one transaction. */
  async setCalendar(siteId: string, entries: CalendarEntryInput[]): Promise<SiteAgencyDay[]> {
    const errors = calendarEntryErrors(entries);
    const site = await this.sites.findById(siteId);
    if (!site) throw DomainError.notFound('site_not_found');
    const ids = Array.isArray(entries) ? entries.map((e) => e?.organisationId) : [];
    const known = await this.organisations.existingIds(ids.filter((id) => typeof id === 'string'));
    ids.forEach((id, i) => {
      if (typeof id === 'string' && id !== '' && !known.has(id)) {
        errors.push({
          field: `entries.${i}.organisationId`,
          code: 'organisationNotFound',
          messageKey: 'identity.organisationNotFound',
        });
      }
    });
    if (errors.length > 0) throw DomainError.validation(errors);

    return this.dataSource.transaction(async (manager) => {
      await this.sites.replaceCalendar(
        manager,
        siteId,
        entries.map((e) => ({
          organisationId: e.organisationId,
          weekday: e.weekday as Weekday,
          starts: e.starts ?? null,
          ends: e.ends ?? null,
        })),
      );
      await this.audit.record(
        {
          action: 'admin.site_calendar_updated',
          outcome: 'success',
          subjectType: 'site',
          subjectId: siteId,
          details: { entries: entries.length },
        },
        manager,
      );
      return this.sites.calendar(siteId, manager);
    });
  }

  calendar(siteId: string): Promise<SiteAgencyDay[]> {
    return this.sites.calendar(siteId);
  }

  /** Agencies at the site on the Helsinki calendar day of `date`. */
  agenciesPresentOn(siteId: string, date: Date): Promise<AgencyPresence[]> {
    return this.sites.presentOn(siteId, helsinkiWeekday(date));
  }
}

// `required`: creating needs every mandatory field; updating checks only those given.
function siteErrors(input: Partial<CreateSiteInput>, required: boolean): FieldError[] {
  const errors: FieldError[] = [];
  const check = (field: keyof CreateSiteInput, rule: (value: unknown) => FieldError[]): void => {
    if (required || input[field] !== undefined) errors.push(...rule(input[field]));
  };
  check('name', (v) => textErrors('name', v, 200));
  check('streetAddress', (v) => textErrors('streetAddress', v, 200));
  check('postalCode', (v) => postalCodeErrors('postalCode', v));
  check('municipality', (v) => textErrors('municipality', v, 100));
  if (input.region !== undefined) errors.push(...optionalTextErrors('region', input.region, 100));
  if (input.openingHours !== undefined) {
    errors.push(...openingHoursErrors('openingHours', input.openingHours));
  }
  return errors;
}
