import type { EmployerContact } from './employer-contact.entity';
import type { Employer } from './employer.entity';
import type { Vacancy } from './vacancy.entity';

export interface EmployerContactView {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  language: string;
}

export interface VacancyView {
  id: string;
  employerId: string;
  kind: string;
  title: string;
  opensOn: string;
  closesOn: string | null;
}

export interface EmployerSummary {
  id: string;
  name: string;
  businessId: string;
  industry: string | null;
  consentToContact: boolean;
}

export interface EmployerView extends EmployerSummary {
  notes: string | null;
  consentDate: string | null;
  /** Send it back with an update (optimistic locking). */
  version: number;
  contacts: EmployerContactView[];
  vacancies: VacancyView[];
  createdAt: Date;
  updatedAt: Date;
}

export function toEmployerSummary(employer: Employer): EmployerSummary {
  return {
    id: employer.id,
    name: employer.name,
    businessId: employer.businessId,
    industry: employer.industry,
    consentToContact: employer.consentToContact,
  };
}

export function toVacancyView(vacancy: Vacancy): VacancyView {
  return {
    id: vacancy.id,
    employerId: vacancy.employerId,
    kind: vacancy.kind,
    title: vacancy.title,
    opensOn: vacancy.opensOn,
    closesOn: vacancy.closesOn,
  };
}

export function toEmployerView(
  employer: Employer,
  contacts: EmployerContact[],
  vacancies: Vacancy[],
): EmployerView {
  return {
    ...toEmployerSummary(employer),
    notes: employer.notes,
    consentDate: employer.consentDate,
    version: employer.version,
    contacts: contacts.map((c) => ({
      id: c.id,
      name: c.name,
      email: c.email,
      phone: c.phone,
      language: c.language,
    })),
    vacancies: vacancies.map(toVacancyView),
    createdAt: employer.createdAt,
    updatedAt: employer.updatedAt,
  };
}
