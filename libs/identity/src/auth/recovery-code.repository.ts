import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { RecoveryCode } from '../users/recovery-code.entity';

/** Queries on recovery_codes. */
@Injectable()
export class RecoveryCodeRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async replaceForUser(manager: EntityManager, userId: string, hashes: string[]): Promise<void> {
    await manager.delete(RecoveryCode, { userId });
    await manager.insert(
      RecoveryCode,
      hashes.map((codeHash) => ({ userId, codeHash, usedAt: null })),
    );
  }

  /** Marks an unused code used; false when there is none. Atomic, so a code works once. */
  async use(manager: EntityManager, userId: string, codeHash: string, at: Date): Promise<boolean> {
    const result = await manager.update(
      RecoveryCode,
      { userId, codeHash, usedAt: IsNull() },
      { usedAt: at },
    );
    return (result.affected ?? 0) > 0;
  }

  countUnused(userId: string, manager = this.dataSource.manager): Promise<number> {
    return manager.countBy(RecoveryCode, { userId, usedAt: IsNull() });
  }

  async deleteForUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.delete(RecoveryCode, { userId });
  }
}
