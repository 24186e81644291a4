import type { MigrationInterface } from 'typeorm';
import { Identity1763900000000 } from './1763900000000-identity';
import { AuditLog1763950000000 } from './1763950000000-audit-log';
import { IdentityMfa1763960000000 } from './1763960000000-identity-mfa';
import { Clients1764000000000 } from './1764000000000-clients';
import { ClientsRegistry1764050000000 } from './1764050000000-clients-registry';
import { Visits1764100000000 } from './1764100000000-visits';
import { RecordAndConsent1764200000000 } from './1764200000000-record-and-consent';
import { Jobs1764300000000 } from './1764300000000-jobs';
import { PlansOutcomes1764400000000 } from './1764400000000-plans-outcomes';
import { Employers1764500000000 } from './1764500000000-employers';
import { Reports1764600000000 } from './1764600000000-reports';
import { EventCancellation1764700000000 } from './1764700000000-event-cancellation';

/**
 * The migrations, oldest first. A new migration is generated into this folder
 * (npm run migration:generate -- db/migrations/Name), reviewed by hand, and listed here.
 * A unit test fails when a file in this folder is missing from the list.
 */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  Identity1763900000000,
  AuditLog1763950000000,
  IdentityMfa1763960000000,
  Clients1764000000000,
  ClientsRegistry1764050000000,
  Visits1764100000000,
  RecordAndConsent1764200000000,
  Jobs1764300000000,
  PlansOutcomes1764400000000,
  Employers1764500000000,
  Reports1764600000000,
  EventCancellation1764700000000,
];
