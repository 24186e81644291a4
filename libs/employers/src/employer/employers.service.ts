import { Inject, Injectable } from '@nestjs/common';
import { type Actor, DomainError } from '@ohjaamo/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { EmployerContact } from './employer-contact.entity';
import {
  type CleanEmployer,
  cleanEmployer,
  cleanVacancy,
  employerError,
  type EmployerInput,
  vacancyErrors,
  type VacancyInput,
} from './employer-rules';
import {
  type EmployerSummary,
  type EmployerView,
  toEmployerSummary,
  toEmployerView,
  toVacancyView,
  type VacancyView,
} from './employer-view';
import { Employer } from './employer.entity';
import { Vacancy } from './vacancy.entity';
import { uniqueViolation } from '../unique-violation';

export const employerNotFound = (): DomainError => DomainError.notFound('employer_not_found');
const businessIdTaken = (): DomainError =>
  DomainError.validation([employerError('businessId', 'businessIdTaken')]);

/** Employers with their contact persons and vacancies. Not client data: no access policy. */
@Injectable()
export class EmployersService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async list(): Promise<EmployerSummary[]> {
    const employers = await this.dataSource.manager.find(Employer, {
      order: { name: 'ASC', id: 'ASC' },
      take: 1000,
    });
    return employers.map(toEmployerSummary);
  }

  async get(id: string): Promise<EmployerView> {
    const employer = await this.dataSource.manager.findOneBy(Employer, { id });
    if (!employer) throw employerNotFound();
    return this.view(this.dataSource.manager, employer);
  }

  async create(actor: Actor, input: EmployerInput): Promise<EmployerView> {
    const clean = this.clean(input);
    return this.saving(() =>
      this.dataSource.transaction(async (manager) => {
        await this.refuseTakenBusinessId(manager, clean.businessId, null);
        const employer = await manager.save(
          manager.create(Employer, {
            ...this.columns(clean),
            createdByUserId: actor.userId,
          }),
        );
        await this.replaceContacts(manager, employer.id, clean);
        return this.view(manager, employer);
      }),
    );
  }

  /** Replaces the fields and the contact list; `version` is the one the user saw. */
  async update(id: string, version: number, input: EmployerInput): Promise<EmployerView> {
    const clean = this.clean(input);
    return this.saving(() =>
      this.dataSource.transaction(async (manager) => {
        const employer = await manager.findOne(Employer, {
          where: { id },
          lock: { mode: 'pessimistic_write' },
        });
        if (!employer) throw employerNotFound();
        if (employer.version !== version) throw DomainError.conflict('employer_version_conflict');
        await this.refuseTakenBusinessId(manager, clean.businessId, id);
        Object.assign(employer, this.columns(clean));
        const saved = await manager.save(employer);
        await this.replaceContacts(manager, id, clean);
        return this.view(manager, saved);
      }),
    );
  }

  async addVacancy(employerId: string, input: VacancyInput): Promise<VacancyView> {
    const errors = vacancyErrors(input);
    if (errors.length > 0) throw DomainError.validation(errors);
    const employer = await this.dataSource.manager.findOneBy(Employer, { id: employerId });
    if (!employer) throw employerNotFound();
    const vacancy = await this.dataSource.manager.save(
      this.dataSource.manager.create(Vacancy, { employerId, ...cleanVacancy(input) }),
    );
    return toVacancyView(vacancy);
  }

  async removeVacancy(employerId: string, vacancyId: string): Promise<void> {
    const result = await this.dataSource.manager.delete(Vacancy, { id: vacancyId, employerId });
    if (!result.affected) throw DomainError.notFound('vacancy_not_found');
  }

  private clean(input: EmployerInput): CleanEmployer {
    const { value, errors } = cleanEmployer(input, new Date());
    if (errors.length > 0) throw DomainError.validation(errors);
    return value;
  }

  private columns(clean: CleanEmployer): Partial<Employer> {
    const { contacts: _contacts, ...columns } = clean;
    return columns;
  }

  private async refuseTakenBusinessId(
    manager: EntityManager,
    businessId: string,
    ownId: string | null,
  ): Promise<void> {
    const other = await manager.findOne(Employer, { where: { businessId }, select: { id: true } });
    if (other && other.id !== ownId) throw businessIdTaken();
  }

  // Two saves racing past the check still meet the unique index: same answer.
  private async saving<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (uniqueViolation(error) === 'UQ_employers_business_id') throw businessIdTaken();
      throw error;
    }
  }

  private async replaceContacts(
    manager: EntityManager,
    employerId: string,
    clean: CleanEmployer,
  ): Promise<void> {
    await manager.delete(EmployerContact, { employerId });
    if (clean.contacts.length === 0) return;
    await manager.insert(
      EmployerContact,
      clean.contacts.map((contact, position) => ({ employerId, position, ...contact })),
    );
  }

  private async view(manager: EntityManager, employer: Employer): Promise<EmployerView> {
    const contacts = await manager.find(EmployerContact, {
      where: { employerId: employer.id },
      order: { position: 'ASC' },
    });
    const vacancies = await manager.find(Vacancy, {
      where: { employerId: employer.id },
      order: { opensOn: 'DESC', title: 'ASC' },
    });
    return toEmployerView(employer, contacts, vacancies);
  }
}
