import { Module } from '@nestjs/common';
import { AuditChainVerifier } from './audit-chain.verifier';
import { AuditSearch } from './audit-search';
import { AuditService } from './audit.service';

/**
 * The audit log. Needs the DataSource, which the platform's global DatabaseModule
 * provides; AuditLogEntry must be listed in db/entities.ts.
 */
@Module({
  providers: [AuditService, AuditChainVerifier, AuditSearch],
  exports: [AuditService, AuditChainVerifier, AuditSearch],
})
export class AuditModule {}
