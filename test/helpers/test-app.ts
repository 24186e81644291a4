import type { INestApplication, Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/configure-app';
import { createTestDatabase } from './test-database';

export interface TestApp {
  app: INestApplication;
  http: TestAgent;
  dataSource: DataSource;
  databaseUrl: string;
  /** Empties every table but the migrations' bookkeeping, between tests. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Boots the real api (the same modules and middleware as production) on its own fresh
 * database and its own queue prefix. Extra env overrides apply to this app only.
 */
export async function createTestApp(
  env: Record<string, string> = {},
  extra: { controllers?: Type<unknown>[] } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    QUEUE_PREFIX: `{t${randomBytes(4).toString('hex')}}`,
    ...env,
  });
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule],
    controllers: extra.controllers ?? [],
  }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
  configureApp(app);
  await app.init();
  const dataSource = app.get(DataSource);
  return {
    app,
    http: request(app.getHttpServer()),
    dataSource,
    databaseUrl: database.url,
    reset: () => truncateAll(dataSource),
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

async function truncateAll(dataSource: DataSource): Promise<void> {
  const tables: { name: string }[] = await dataSource.query(
    `SELECT quote_ident(tablename) AS name FROM pg_tables
      WHERE schemaname = 'public' AND tablename <> 'migrations'`,
  );
  if (tables.length === 0) return;
  // The audit log refuses TRUNCATE by trigger; tests may bypass triggers as superuser.
  await dataSource.transaction(async (manager) => {
    await manager.query(`SET LOCAL session_replication_role = replica`);
    await manager.query(
      `TRUNCATE ${tables.map((t) => t.name).join(', ')} RESTART IDENTITY CASCADE`,
    );
  });
}
