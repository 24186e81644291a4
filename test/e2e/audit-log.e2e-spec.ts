import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Test } from '@nestjs/testing';
import {
  AuditChainVerifier,
  AuditLogEntry,
  AuditModule,
  AuditSearch,
  AuditService,
  auditHash,
  GENESIS_HASH,
  type AuditEntryInput,
} from '@ohjaamo/audit';
import { createScratchDatabase, dataSourceOptions, dropScratchDatabase } from '@ohjaamo/db';
import { DatabaseModule, requestContext } from '@ohjaamo/platform';
import { DataSource } from 'typeorm';
import { AuditLog1763950000000 } from '../../db/migrations/1763950000000-audit-log';
import { describeResult, verifyChain } from '../../libs/audit/src/verify-chain.cli';

// The audit log against a real PostgreSQL: its own scratch database holding only the audit
// migration, so the append-only rules are tested in isolation from the rest of the schema.
const BASE_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const DATABASE = `ohjaamo_audit_test_${process.pid}_${randomBytes(3).toString('hex')}`;

describe('audit log', () => {
  let url: string;
  let dataSource: DataSource;
  let audit: AuditService;
  let search: AuditSearch;
  const verifier = new AuditChainVerifier();

  const entry = (overrides: Partial<AuditEntryInput> = {}): AuditEntryInput => ({
    action: 'client.read',
    outcome: 'success',
    actor: { userId: randomUUID(), organisationId: randomUUID(), roles: ['counsellor'] },
    ...overrides,
  });
  const count = async (): Promise<number> => dataSource.getRepository(AuditLogEntry).count();
  const allRows = async (): Promise<AuditLogEntry[]> =>
    dataSource.getRepository(AuditLogEntry).find({ order: { id: 'ASC' } });

  // Changes a row the way only a superuser can: with the user triggers switched off.
  const asSuperuser = async (sql: string, params: unknown[] = []): Promise<void> => {
    await dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL session_replication_role = replica`);
      await manager.query(sql, params);
    });
  };

  beforeAll(async () => {
    url = await createScratchDatabase(BASE_URL, DATABASE);
    dataSource = new DataSource({
      ...dataSourceOptions(url, 25),
      entities: [AuditLogEntry],
      migrations: [AuditLog1763950000000],
    });
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    audit = new AuditService(dataSource);
    search = new AuditSearch(dataSource);
  });

  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await dropScratchDatabase(BASE_URL, DATABASE);
  });

  it('has an entity that matches the migrated schema exactly', async () => {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('starts an empty log as an intact chain', async () => {
    await expect(verifier.verify(dataSource)).resolves.toEqual({ ok: true, rows: 0 });
  });

  it('chains each row to the one before it', async () => {
    const first = await audit.record(entry({ action: 'auth.sign_in' }));
    const second = await audit.record(
      entry({ action: 'client.update', details: { fields: ['phone'] } }),
    );
    const third = await audit.record(entry({ action: 'auth.sign_out' }));

    const rows = await allRows();
    expect(rows.map((r) => r.id)).toEqual([first.id, second.id, third.id]);
    expect(rows[0].prevHash).toBe(GENESIS_HASH);
    expect(rows[1].prevHash).toBe(rows[0].hash);
    expect(rows[2].prevHash).toBe(rows[1].hash);
    for (const row of rows) {
      expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(auditHash(row.prevHash, row)).toBe(row.hash);
    }
    // What record() returned is what the database holds.
    expect(second.hash).toBe(rows[1].hash);
    expect(rows[1].details).toEqual({ fields: ['phone'] });
    await expect(verifier.verify(dataSource)).resolves.toEqual({ ok: true, rows: 3 });
  });

  it('takes actor, request id, ip and purpose from the request context', async () => {
    const actor = {
      userId: randomUUID(),
      organisationId: randomUUID(),
      organisationKind: 'municipality',
      siteIds: [],
      roles: ['counsellor', 'site_lead'],
      purpose: 'guidance',
    };
    const row = await requestContext.run(
      { requestId: 'req-audit-0001', language: 'fi', actor, ip: '192.0.2.7' },
      () => audit.record({ action: 'client.read', outcome: 'success', clientId: randomUUID() }),
    );
    const stored = await dataSource.getRepository(AuditLogEntry).findOneByOrFail({ id: row.id });
    expect(stored).toMatchObject({
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      actorRoles: ['counsellor', 'site_lead'],
      requestId: 'req-audit-0001',
      ip: '192.0.2.7',
      purpose: 'guidance',
    });

    // An explicit null means "the system", even inside a signed-in request.
    const system = await requestContext.run(
      { requestId: 'req-audit-0002', language: 'fi', actor },
      () => audit.record({ action: 'admin.retention_run', outcome: 'success', actor: null }),
    );
    expect(system).toMatchObject({
      actorUserId: null,
      actorRoles: [],
      requestId: 'req-audit-0002',
    });
  });

  it('keeps the chain valid under 20 concurrent appends', async () => {
    const before = await count();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => audit.record(entry({ details: { n: i } }))),
    );
    await expect(verifier.verify(dataSource)).resolves.toEqual({ ok: true, rows: before + 20 });
    // Same answer when the walk crosses many batch boundaries.
    await expect(verifier.verify(dataSource, 3)).resolves.toEqual({ ok: true, rows: before + 20 });
  });

  it('writes the audit row in the caller transaction: a rollback leaves none', async () => {
    const before = await count();
    await expect(
      dataSource.transaction(async (manager) => {
        await audit.record(entry({ action: 'client.update' }), manager);
        throw new Error('the change failed after auditing');
      }),
    ).rejects.toThrow('the change failed after auditing');
    expect(await count()).toBe(before);
    await expect(verifier.verify(dataSource)).resolves.toMatchObject({ ok: true });
  });

  it('rolls back the change when its audit row cannot be written', async () => {
    await dataSource.query(`CREATE TABLE audit_test_change (id int PRIMARY KEY)`);
    await expect(
      dataSource.transaction(async (manager) => {
        await manager.query(`INSERT INTO audit_test_change VALUES (1)`);
        await audit.record(entry({ clientId: 'not-a-uuid' }), manager);
      }),
    ).rejects.toThrow();
    expect(await dataSource.query(`SELECT * FROM audit_test_change`)).toEqual([]);
  });

  it('commits the audit row with the caller transaction', async () => {
    const before = await count();
    await dataSource.transaction(async (manager) => {
      await audit.record(entry(), manager);
      await audit.record(entry(), manager);
    });
    expect(await count()).toBe(before + 2);
    await expect(verifier.verify(dataSource)).resolves.toMatchObject({ ok: true });
  });

  it('refuses a REPEATABLE READ transaction, whose snapshot could fork the chain', async () => {
    await expect(
      dataSource.transaction('REPEATABLE READ', (manager) => audit.record(entry(), manager)),
    ).rejects.toThrow(/READ COMMITTED/);
  });

  it('refuses details that look like personal data', async () => {
    await expect(audit.record(entry({ details: { note: '131052-308T' } }))).rejects.toThrow(
      'must not contain personal data',
    );
    await expect(audit.record(entry({ details: { to: 'someone@example.fi' } }))).rejects.toThrow(
      'must not contain personal data',
    );
  });

  it('refuses UPDATE, DELETE and TRUNCATE, even from the table owner', async () => {
    await expect(dataSource.query(`UPDATE audit_log SET action = 'x.y'`)).rejects.toThrow(
      'audit_log is append-only',
    );
    await expect(dataSource.query(`DELETE FROM audit_log`)).rejects.toThrow(
      'audit_log is append-only',
    );
    await expect(dataSource.query(`TRUNCATE audit_log`)).rejects.toThrow(
      'audit_log is append-only',
    );
    await expect(verifier.verify(dataSource)).resolves.toMatchObject({ ok: true });
  });

  it('gives the runtime role ohjaamo_app SELECT and INSERT only', async () => {
    const [privileges] = await dataSource.query<Record<string, boolean>[]>(`
      SELECT has_table_privilege('ohjaamo_app', 'audit_log', 'SELECT') AS "select",
             has_table_privilege('ohjaamo_app', 'audit_log', 'INSERT') AS "insert",
             has_table_privilege('ohjaamo_app', 'audit_log', 'UPDATE') AS "update",
             has_table_privilege('ohjaamo_app', 'audit_log', 'DELETE') AS "delete",
             has_table_privilege('ohjaamo_app', 'audit_log', 'TRUNCATE') AS "truncate",
             has_sequence_privilege('ohjaamo_app', 'audit_log_id_seq', 'USAGE') AS "sequence"
    `);
    expect(privileges).toEqual({
      select: true,
      insert: true,
      update: false,
      delete: false,
      truncate: false,
      sequence: true,
    });

    // Acting as that role: appending works, changing is refused before any trigger runs.
    const before = await count();
    await dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL ROLE ohjaamo_app`);
      await audit.record(entry({ action: 'client.read' }), manager);
    });
    expect(await count()).toBe(before + 1);
    await expect(
      dataSource.transaction(async (manager) => {
        await manager.query(`SET LOCAL ROLE ohjaamo_app`);
        await manager.query(`DELETE FROM audit_log`);
      }),
    ).rejects.toThrow(/permission denied/);
  });

  it('searches by user, client, action and time, newest first', async () => {
    const userId = randomUUID();
    const clientId = randomUUID();
    const actor = { userId, organisationId: randomUUID(), roles: ['counsellor'] };
    const a = await audit.record({ action: 'client.read', outcome: 'success', actor, clientId });
    await sleep(5);
    const middle = new Date();
    await sleep(5);
    const b = await audit.record({ action: 'client.update', outcome: 'success', actor, clientId });
    const c = await audit.record({ action: 'client.read', outcome: 'denied', actor });
    await audit.record(entry({ clientId }));

    const ids = (rows: AuditLogEntry[]): string[] => rows.map((r) => r.id);
    expect(ids(await search.search({ userId, limit: 50, offset: 0 }))).toEqual([c.id, b.id, a.id]);
    expect(ids(await search.search({ userId, clientId, limit: 50, offset: 0 }))).toEqual([
      b.id,
      a.id,
    ]);
    expect(
      ids(await search.search({ userId, action: 'client.read', limit: 50, offset: 0 })),
    ).toEqual([c.id, a.id]);
    expect(ids(await search.search({ userId, from: middle, limit: 50, offset: 0 }))).toEqual([
      c.id,
      b.id,
    ]);
    expect(ids(await search.search({ userId, to: middle, limit: 50, offset: 0 }))).toEqual([a.id]);
    expect(ids(await search.search({ userId, limit: 1, offset: 1 }))).toEqual([b.id]);
    expect((await search.search({ clientId, limit: 50, offset: 0 })).length).toBe(3);
    await expect(search.search({ limit: 0, offset: 0 })).rejects.toMatchObject({
      kind: 'validation',
    });
  });

  it('reports the successful reads and writes of one client', async () => {
    const clientId = randomUUID();
    const since = new Date();
    const read = await audit.record(
      entry({ clientId, sections: ['contact'], legalBasis: 'consent', consentId: randomUUID() }),
    );
    const write = await audit.record(
      entry({ action: 'client.update', clientId, sections: ['plan'] }),
    );
    await audit.record(entry({ action: 'access.denied', outcome: 'denied', clientId }));
    await audit.record(entry({ clientId: randomUUID() }));

    const report = await search.accessReportForClient(clientId, since);
    expect(report.map((r) => r.action)).toEqual(['client.update', 'client.read']);
    expect(report[0]).toMatchObject({ actorUserId: write.actorUserId, sections: ['plan'] });
    expect(report[1]).toMatchObject({ legalBasis: 'consent', consentId: read.consentId });
    expect(report[0]).not.toHaveProperty('ip');
    expect(await search.accessReportForClient(clientId, new Date(Date.now() + 60_000))).toEqual([]);
  });

  it('wires up as a Nest module on the global DataSource', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        DatabaseModule.forRoot(() => ({
          ...dataSourceOptions(url, 2),
          entities: [AuditLogEntry],
          migrations: [],
        })),
        AuditModule,
      ],
    }).compile();
    try {
      const row = await moduleRef.get(AuditService).record(entry());
      await expect(
        moduleRef.get(AuditSearch).search({ limit: 1, offset: 0 }),
      ).resolves.toMatchObject([{ id: row.id }]);
      const moduleDataSource = moduleRef.get(DataSource);
      await expect(
        moduleRef.get(AuditChainVerifier).verify(moduleDataSource),
      ).resolves.toMatchObject({
        ok: true,
      });
    } finally {
      await moduleRef.close();
    }
  });

  it('detects a row changed behind the triggers and names it', async () => {
    const rows = await allRows();
    const target = rows[Math.floor(rows.length / 2)];
    await asSuperuser(`UPDATE audit_log SET details = '{"fields":["email"]}' WHERE id = $1`, [
      target.id,
    ]);
    await expect(verifier.verify(dataSource)).resolves.toEqual({
      ok: false,
      firstBrokenId: target.id,
      reason: 'hash_mismatch',
    });
    await expect(verifier.verify(dataSource, 4)).resolves.toMatchObject({
      firstBrokenId: target.id,
    });
    await expect(verifyChain(url).then(describeResult)).resolves.toBe(
      `Audit chain broken at row ${target.id}: hash_mismatch`,
    );

    // A forger who also recomputes that row's hash breaks the link to the next row instead.
    const forged = auditHash(target.prevHash, { ...target, details: { fields: ['email'] } });
    await asSuperuser(`UPDATE audit_log SET hash = $1 WHERE id = $2`, [forged, target.id]);
    const next = rows[rows.indexOf(target) + 1];
    await expect(verifier.verify(dataSource)).resolves.toEqual({
      ok: false,
      firstBrokenId: next.id,
      reason: 'prev_hash_mismatch',
    });

    // Put the row back: the chain is whole again.
    await asSuperuser(`UPDATE audit_log SET details = $1, hash = $2 WHERE id = $3`, [
      JSON.stringify(target.details),
      target.hash,
      target.id,
    ]);
    await expect(verifyChain(url).then(describeResult)).resolves.toBe(
      `Audit chain intact: ${rows.length} rows`,
    );
  });

  it('detects a deleted row at the row after it', async () => {
    const rows = await allRows();
    await asSuperuser(`DELETE FROM audit_log WHERE id = $1`, [rows[2].id]);
    await expect(verifier.verify(dataSource)).resolves.toEqual({
      ok: false,
      firstBrokenId: rows[3].id,
      reason: 'prev_hash_mismatch',
    });
  });

  it('migrates down and up again', async () => {
    await dataSource.undoLastMigration({ transaction: 'each' });
    const [gone] = await dataSource.query<Record<string, string | null>[]>(`
      SELECT to_regclass('audit_log') AS "table",
             to_regprocedure('audit_log_refuse_change()') AS "function"
    `);
    expect(gone).toEqual({ table: null, function: null });

    await dataSource.runMigrations({ transaction: 'each' });
    const row = await audit.record(entry());
    expect(row.prevHash).toBe(GENESIS_HASH);
    await expect(dataSource.query(`DELETE FROM audit_log`)).rejects.toThrow(
      'audit_log is append-only',
    );
    const sql = await dataSource.driver.createSchemaBuilder().log();
    expect(sql.upQueries).toEqual([]);
    await expect(verifier.verify(dataSource)).resolves.toEqual({ ok: true, rows: 1 });
  });
});
