import { Injectable } from '@nestjs/common';
import { DataSource, MoreThan } from 'typeorm';
import { auditHash, GENESIS_HASH } from './audit-hash';
import { AuditLogEntry } from './audit-log-entry.entity';

export type AuditChainBreak = 'hash_mismatch' | 'prev_hash_mismatch';

export type AuditChainResult =
  { ok: true; rows: number } | { ok: false; firstBrokenId: string; reason: AuditChainBreak };

/**
 * Walks the chain in id order and recomputes every hash. A changed row fails its own
 * hash; a deleted or inserted row breaks the next row's prev_hash. (Rows cut off the end
 * leave no trace in the chain itself; compare the row count with an earlier run for that.)
 */
@Injectable()
export class AuditChainVerifier {
  static readonly BATCH_SIZE = 5000;

  async verify(
    dataSource: DataSource,
    batchSize = AuditChainVerifier.BATCH_SIZE,
  ): Promise<AuditChainResult> {
    const repository = dataSource.getRepository(AuditLogEntry);
    let expectedPrev = GENESIS_HASH;
    let lastId = '0';
    let rows = 0;
    // Keyset pagination: memory stays at one batch however long the log grows.
    for (;;) {
      const batch = await repository.find({
        where: { id: MoreThan(lastId) },
        order: { id: 'ASC' },
        take: batchSize,
      });
      for (const row of batch) {
        if (row.prevHash !== expectedPrev) {
          return { ok: false, firstBrokenId: row.id, reason: 'prev_hash_mismatch' };
        }
        if (auditHash(row.prevHash, row) !== row.hash) {
          return { ok: false, firstBrokenId: row.id, reason: 'hash_mismatch' };
        }
        expectedPrev = row.hash;
        lastId = row.id;
        rows += 1;
      }
      if (batch.length < batchSize) return { ok: true, rows };
    }
  }
}
