import { createHash } from 'node:crypto';
import type { AuditDetails } from './audit-log-entry.entity';

/** prev_hash of the first row: there is nothing before it. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The fields a row's hash covers: everything except id, prev_hash and hash. Keys are the
 * column names, so the hash can be recomputed from the table alone, without this code.
 */
export interface AuditHashContent {
  occurred_at: Date;
  action: string;
  outcome: string;
  actor_user_id: string | null;
  actor_organisation_id: string | null;
  actor_roles: readonly string[];
  subject_type: string | null;
  subject_id: string | null;
  client_id: string | null;
  sections: readonly string[];
  legal_basis: string | null;
  consent_id: string | null;
  purpose: string | null;
  request_id: string | null;
  ip: string | null;
  details: AuditDetails;
}

/** The row fields, as the entity (or a caller about to insert one) holds them. */
export interface AuditRowContent {
  occurredAt: Date;
  action: string;
  outcome: string;
  actorUserId: string | null;
  actorOrganisationId: string | null;
  actorRoles: readonly string[];
  subjectType: string | null;
  subjectId: string | null;
  clientId: string | null;
  sections: readonly string[];
  legalBasis: string | null;
  consentId: string | null;
  purpose: string | null;
  requestId: string | null;
  ip: string | null;
  details: AuditDetails;
}

export function hashContentOf(row: AuditRowContent): AuditHashContent {
  return {
    occurred_at: row.occurredAt,
    action: row.action,
    outcome: row.outcome,
    actor_user_id: row.actorUserId,
    actor_organisation_id: row.actorOrganisationId,
    actor_roles: row.actorRoles,
    subject_type: row.subjectType,
    subject_id: row.subjectId,
    client_id: row.clientId,
    sections: row.sections,
    legal_basis: row.legalBasis,
    consent_id: row.consentId,
    purpose: row.purpose,
    request_id: row.requestId,
    ip: row.ip,
    details: row.details,
  };
}

/** sha256(prev_hash || canonical JSON of the content), lowercase hex. */
export function auditHash(prevHash: string, row: AuditRowContent): string {
  return createHash('sha256')
    .update(prevHash, 'utf8')
    .update(canonicalJson(hashContentOf(row)), 'utf8')
    .digest('hex');
}

/**
 * JSON with object keys sorted at every depth, so equal content always gives equal text.
 * Dates become ISO strings (millisecond precision, UTC); arrays keep their order;
 * undefined object members are left out as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new Error('canonicalJson: invalid date');
    return value.toISOString();
  }
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
    }
    return sorted;
  }
  return value;
}
