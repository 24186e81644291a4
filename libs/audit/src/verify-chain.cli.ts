import 'reflect-metadata';
import { STRICT_OPTIONS } from '@ohjaamo/platform';
import { DataSource } from 'typeorm';
import { AuditChainVerifier, type AuditChainResult } from './audit-chain.verifier';
import { AuditLogEntry } from './audit-log-entry.entity';

// `npm run audit:verify`: recomputes the audit log's hash chain. Exit code 0 when intact,
// 1 when broken, 2 when the check could not run. Prints ids and counts only.

export function describeResult(result: AuditChainResult): string {
  return result.ok
    ? `Audit chain intact: ${result.rows} rows`
    : `Audit chain broken at row ${result.firstBrokenId}: ${result.reason}`;
}

export async function verifyChain(url: string): Promise<AuditChainResult> {
  // Only the audit entity: the check must not depend on the rest of the schema.
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    entities: [AuditLogEntry],
    extra: { max: 1, application_name: 'ohjaamo-audit-verify' },
    ...STRICT_OPTIONS,
  });
  await dataSource.initialize();
  try {
    return await new AuditChainVerifier().verify(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

async function main(): Promise<number> {
  const url = process.env.DATABASE_URL?.trim();
  if (!url) {
    console.error('DATABASE_URL: required');
    return 2;
  }
  const result = await verifyChain(url);
  console.log(describeResult(result));
  return result.ok ? 0 : 1;
}

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // The message only: a connection error's full object can echo the URL.
      console.error(
        `Audit chain check failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      process.exitCode = 2;
    },
  );
}
