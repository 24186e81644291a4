import { AuditLogEntry } from '@ohjaamo/audit';
import { CLIENT_ENTITIES, RECORD_ENTITIES } from '@ohjaamo/clients';
import { CONSENT_ENTITIES } from '@ohjaamo/consent';
import { EMPLOYER_ENTITIES } from '@ohjaamo/employers';
import { IDENTITY_ENTITIES } from '@ohjaamo/identity';
import { JOB_ENTITIES } from '@ohjaamo/jobs';
import { OUTCOME_ENTITIES } from '@ohjaamo/outcomes';
import { PLAN_ENTITIES } from '@ohjaamo/plans';
import { REPORT_ENTITIES } from '@ohjaamo/reports';
import { VISIT_ENTITIES } from '@ohjaamo/visits';

/**
 * Every TypeORM entity of the product. The apps and the migration CLI both read this
 * list, so the drift check compares migrations with exactly what the code maps.
 */
export const ENTITIES: (new () => object)[] = [
  ...IDENTITY_ENTITIES,
  AuditLogEntry,
  ...CLIENT_ENTITIES,
  ...CONSENT_ENTITIES,
  ...RECORD_ENTITIES,
  ...VISIT_ENTITIES,
  ...JOB_ENTITIES,
  ...PLAN_ENTITIES,
  ...OUTCOME_ENTITIES,
  ...EMPLOYER_ENTITIES,
  ...REPORT_ENTITIES,
];
