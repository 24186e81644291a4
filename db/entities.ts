import { AuditLogEntry } from '@ohjaamo/audit';
import { IDENTITY_ENTITIES } from '@ohjaamo/identity';

/**
 * Every TypeORM entity of the product. The apps and the migration CLI both read this
 * list, so the drift check compares migrations with exactly what the code maps.
 */
export const ENTITIES: (new () => object)[] = [...IDENTITY_ENTITIES, AuditLogEntry];
