import { Inject, Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { Client } from './client.entity';
import type { DeskClientSummary, DuplicateCandidate } from './client-input';
import { birthYearOf } from './client-view';
import { scrubbed } from './query-error-scrub';
import { FIRST_NAME_PREFIX_LENGTH } from './rules/name-key';
import type { DeskSearch } from './search/desk-search-criteria';

/** What a new client is compared with to find likely duplicates. */
export interface DuplicateProbe {
  birthDate: string | null;
  firstNameKey: string;
  lastNameKey: string;
  phoneDigits: string | null;
}

export type DeskSearchQuery = Omit<DeskSearch, 'identityCode' | 'used'> & {
  identityCodeHash?: string;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_DUPLICATES = 10;

/**
 * Queries on the clients table. Anonymised clients are never found by look-ups. Failures
 * leave without their parameters (see query-error-scrub.ts).
 */
@Injectable()
export class ClientsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  findById(id: string, manager = this.dataSource.manager): Promise<Client | null> {
    if (!UUID.test(id)) return Promise.resolve(null);
    return scrubbed(
      manager
        .createQueryBuilder(Client, 'c')
        .where('c.id = :id', { id })
        .andWhere('c.anonymisedAt IS NULL')
        .getOne(),
    );
  }

  /** Locks the row for the rest of the transaction (updates, status changes). */
  findByIdForUpdate(manager: EntityManager, id: string): Promise<Client | null> {
    if (!UUID.test(id)) return Promise.resolve(null);
    return scrubbed(
      manager
        .createQueryBuilder(Client, 'c')
        .setLock('pessimistic_write')
        .where('c.id = :id', { id })
        .andWhere('c.anonymisedAt IS NULL')
        .getOne(),
    );
  }

  async identityCodeHashTaken(
    hash: string,
    exceptId?: string,
    manager = this.dataSource.manager,
  ): Promise<boolean> {
    const query = manager
      .createQueryBuilder(Client, 'c')
      .where('c.identityCodeHash = :hash', { hash });
    if (exceptId) query.andWhere('c.id <> :exceptId', { exceptId });
    return (await scrubbed(query.getCount())) > 0;
  }

  /**
   * Same birth date, same folded last name and first names starting alike; or the same
   * phone number. Served by the birth date and phone indexes.
   */
  async findLikelyDuplicates(probe: DuplicateProbe): Promise<DuplicateCandidate[]> {
    if (!probe.birthDate && !probe.phoneDigits) return [];
    const query = this.dataSource
      .createQueryBuilder(Client, 'c')
      .select(['c.id', 'c.firstName', 'c.lastName', 'c.birthDate'])
      .where('c.anonymisedAt IS NULL')
      .orderBy('c.lastName', 'ASC')
      .addOrderBy('c.firstName', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(MAX_DUPLICATES);
    query.andWhere(
      new Brackets((or) => {
        if (probe.birthDate) {
          or.orWhere(
            new Brackets((same) =>
              same
                .where('c.birthDate = :birthDate', { birthDate: probe.birthDate })
                .andWhere('c.lastNameKey = :lastNameKey', { lastNameKey: probe.lastNameKey })
                .andWhere(
                  '(starts_with(c.firstNameKey, :firstPrefix) OR starts_with(:firstNameKey, left(c.firstNameKey, :prefixLength)))',
                  {
                    firstPrefix: probe.firstNameKey.slice(0, FIRST_NAME_PREFIX_LENGTH),
                    firstNameKey: probe.firstNameKey,
                    prefixLength: FIRST_NAME_PREFIX_LENGTH,
                  },
                ),
            ),
          );
        }
        if (probe.phoneDigits) {
          or.orWhere('c.phoneDigits = :phoneDigits', { phoneDigits: probe.phoneDigits });
        }
      }),
    );
    const rows = await scrubbed(query.getMany());
    return rows.map((c) => ({
      id: c.id,
      firstName: c.firstName,
      lastName: c.lastName,
      birthYear: birthYearOf(c.birthDate),
    }));
  }

  /**
   * The desk's look-up, filtered in SQL. Names match as prefixes of lower(last_name) and
   * lower(first_name), which IDX_clients_last_name serves; phone tails use the reversed
   * digits index.
   */
  async searchForDesk(search: DeskSearchQuery, limit: number): Promise<DeskClientSummary[]> {
    const query = this.dataSource
      .createQueryBuilder(Client, 'c')
      .select(['c.id', 'c.firstName', 'c.lastName', 'c.birthDate', 'c.municipality'])
      .addSelect(['c.nonDisclosure', 'c.status'])
      .where('c.anonymisedAt IS NULL')
      .orderBy('c.lastName', 'ASC')
      .addOrderBy('c.firstName', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(limit);
    if (search.names?.length) {
      const names = search.names;
      query.andWhere(
        new Brackets((or) =>
          names.forEach((alternative, i) =>
            or.orWhere(
              new Brackets((and) => {
                and.where(`lower(c.lastName) LIKE lower(:last${i})`, {
                  [`last${i}`]: likePrefix(alternative.last),
                });
                if (alternative.first) {
                  and.andWhere(`lower(c.firstName) LIKE lower(:first${i})`, {
                    [`first${i}`]: likePrefix(alternative.first),
                  });
                }
              }),
            ),
          ),
        ),
      );
    }
    if (search.birthDate)
      query.andWhere('c.birthDate = :birthDate', { birthDate: search.birthDate });
    if (search.phone?.match === 'exact') {
      query.andWhere('c.phoneDigits = :phoneDigits', { phoneDigits: search.phone.digits });
    } else if (search.phone) {
      query.andWhere('reverse(c.phoneDigits) LIKE :phoneTail', {
        phoneTail: `${[...search.phone.digits].reverse().join('')}%`,
      });
    }
    if (search.identityCodeHash) {
      query.andWhere('c.identityCodeHash = :hash', { hash: search.identityCodeHash });
    }
    const rows = await scrubbed(query.getMany());
    return rows.map((c) => ({
      id: c.id,
      firstName: c.firstName,
      lastName: c.lastName,
      birthYear: birthYearOf(c.birthDate),
      // Where a protected person lives is part of what the non-disclosure order protects.
      municipality: c.nonDisclosure ? null : c.municipality,
      status: c.status,
    }));
  }

  insert(manager: EntityManager, values: Partial<Client>): Promise<Client> {
    return scrubbed(manager.save(Client, manager.create(Client, values)));
  }

  /** Also moves the version on (TypeORM adds version = version + 1) and updated_at. */
  async update(manager: EntityManager, id: string, changes: Partial<Client>): Promise<void> {
    await scrubbed(
      manager.createQueryBuilder().update(Client).set(changes).where('id = :id', { id }).execute(),
    );
  }
}

/** A LIKE pattern matching values that start with `text`, its wildcards taken literally. */
function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Two creators racing with the same identity code: the unique index decides. */
export function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof QueryFailedError &&
    (error.driverError as { code?: string } | undefined)?.code === '23505'
  );
}
