export * from './audit-chain.verifier';
export * from './audit-hash';
export * from './audit-log-entry.entity';
export * from './audit-search';
export * from './audit.module';
export * from './audit.service';
