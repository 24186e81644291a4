import { DomainError, FieldEncryption, type Actor } from '@ohjaamo/platform';
import { QueryFailedError, type DataSource } from 'typeorm';
import { ClientAccessPolicy } from './access/client-access.policy';
import type { ClientAuditEntry, ClientAuditTrail } from './client-audit-trail';
import { PossibleDuplicatesError } from './client-errors';
import type { ClientsRepository } from './clients.repository';
import { ClientsService } from './clients.service';
import type { ResponsibleWorkerCheck } from './responsible-worker.check';
import type { ClientDeskSearch } from './search/client-desk-search';

// The service's orchestration with its I/O replaced: what reaches the repository and the
// audit log, and how races and refusals surface.

const actor: Actor = {
  userId: '11111111-1111-4111-8111-111111111111',
  organisationId: '22222222-2222-4222-8222-222222222222',
  organisationKind: 'youth_services',
  siteIds: [],
  roles: ['adviser'],
};
const CODE = '131052-308T';

function setUp(overrides: Partial<Record<keyof ClientsRepository, jest.Mock>> = {}) {
  const audited: ClientAuditEntry[] = [];
  const repository = {
    identityCodeHashTaken: jest.fn().mockResolvedValue(false),
    findLikelyDuplicates: jest.fn().mockResolvedValue([]),
    insert: jest.fn().mockResolvedValue({ id: 'new-id' }),
    findById: jest.fn(),
    ...overrides,
  };
  const dataSource = {
    transaction: (work: (manager: object) => Promise<unknown>) => work({}),
  } as unknown as DataSource;
  const audit = {
    record: jest.fn((_actor: Actor, entry: ClientAuditEntry) => {
      audited.push(entry);
      return Promise.resolve();
    }),
  } as unknown as ClientAuditTrail;
  const workers = { errors: jest.fn().mockResolvedValue([]) } as unknown as ResponsibleWorkerCheck;
  const encryption = new FieldEncryption(Buffer.alloc(32, 1).toString('base64'));
  const service = new ClientsService(
    dataSource,
    repository as unknown as ClientsRepository,
    new ClientAccessPolicy(),
    audit,
    workers,
    encryption,
    {} as ClientDeskSearch,
  );
  return { service, repository, audited, encryption };
}

describe('ClientsService.create', () => {
  it('stores the identity code only encrypted and hashed, and audits field names only', async () => {
    const { service, repository, audited, encryption } = setUp();
    repository.findById.mockResolvedValue({
      id: 'new-id',
      firstName: 'Aino',
      lastName: 'Virtanen',
      identityCodeHash: 'x',
      createdByOrganisationId: actor.organisationId,
    });
    await service.create(actor, { firstName: 'Aino', lastName: 'Virtanen', identityCode: CODE });
    const values = repository.insert.mock.calls[0][1];
    expect(JSON.stringify(values)).not.toContain(CODE);
    expect(encryption.decrypt(values.identityCodeEncrypted)).toBe(CODE);
    expect(values.identityCodeHash).toBe(encryption.blindIndex(CODE, 'identity_code'));
    expect(values.birthDate).toBe('1952-10-13');
    expect(audited).toEqual([
      expect.objectContaining({
        action: 'client.created',
        clientId: 'new-id',
        legalBasis: 'own_record',
        details: { fields: ['firstName', 'lastName', 'identityCode'] },
      }),
    ]);
    expect(JSON.stringify(audited)).not.toMatch(/131052|Aino|Virtanen/);
  });

  it('answers a lost race for the same identity code as the ordinary conflict', async () => {
    const race = new QueryFailedError(
      'INSERT',
      [],
      Object.assign(new Error('dup'), { code: '23505' }),
    );
    const { service } = setUp({ insert: jest.fn().mockRejectedValue(race) });
    await expect(
      service.create(actor, { firstName: 'A', lastName: 'B', identityCode: CODE }),
    ).rejects.toMatchObject({ kind: 'conflict', code: 'identity_code_taken' });
  });

  it('logs the duplicate warning it shows and creates nothing', async () => {
    const candidate = { id: 'c1', firstName: 'Aino', lastName: 'Virtanen', birthYear: 2004 };
    const { service, repository, audited } = setUp({
      findLikelyDuplicates: jest.fn().mockResolvedValue([candidate]),
    });
    const error = await service
      .create(actor, { firstName: 'Aino', lastName: 'Virtanen', birthDate: '2004-02-29' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PossibleDuplicatesError);
    expect((error as PossibleDuplicatesError).candidates).toEqual([candidate]);
    expect(repository.insert).not.toHaveBeenCalled();
    expect(audited).toEqual([
      expect.objectContaining({ action: 'client.duplicates_shown', details: { candidates: 1 } }),
    ]);
  });

  it('skips the duplicate check once the user has acknowledged it', async () => {
    const { service, repository } = setUp();
    repository.findById.mockResolvedValue({ id: 'new-id', createdByOrganisationId: 'x' });
    await service.create(actor, { firstName: 'A', lastName: 'B' }, { acknowledgeDuplicates: true });
    expect(repository.findLikelyDuplicates).not.toHaveBeenCalled();
  });

  it('refuses actors without a view of the registry', async () => {
    const { service } = setUp();
    await expect(
      service.create({ ...actor, roles: ['coordinator'] }, { firstName: 'A', lastName: 'B' }),
    ).rejects.toBeInstanceOf(DomainError);
  });
});
