import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export const AUDIT_LEGAL_BASES = ['consent', 'own_record', 'statutory'] as const;
export type AuditLegalBasis = (typeof AUDIT_LEGAL_BASES)[number];

/** Details carry non-personal facts only: field names changed, counts, reasons. */
export type AuditDetails = Record<string, unknown>;

/**
 * One row of the append-only audit log. The table is created by the migration
 * 1763950000000-audit-log; every option here mirrors that SQL so the drift check stays empty.
 * Rows are chained: `hash` covers `prevHash` and the row's content (see audit-hash.ts).
 */
@Entity({ name: 'audit_log' })
@Index('IDX_audit_log_occurred_at', ['occurredAt'])
@Index('IDX_audit_log_actor_user_id_occurred_at', ['actorUserId', 'occurredAt'])
@Index('IDX_audit_log_client_id_occurred_at', ['clientId', 'occurredAt'])
@Index('IDX_audit_log_action_occurred_at', ['action', 'occurredAt'])
@Check('CHK_audit_log_outcome', `"outcome" IN ('success', 'failure', 'denied')`)
@Check('CHK_audit_log_legal_basis', `"legal_basis" IN ('consent', 'own_record', 'statutory')`)
export class AuditLogEntry {
  // The identity sequence defines the chain order; ALWAYS keeps anyone from choosing ids.
  // bigint arrives from pg as a string, which keeps ids beyond 2^53 exact.
  @PrimaryGeneratedColumn('identity', {
    name: 'id',
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'PK_audit_log',
  })
  id!: string;

  // Set by the application (truncated to milliseconds) so the hash can be recomputed;
  // the database default only guards against a forgotten value.
  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt!: Date;

  @Column({ name: 'action', type: 'varchar', length: 64 })
  action!: string;

  @Column({ name: 'outcome', type: 'varchar', length: 16 })
  outcome!: AuditOutcome;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Column({ name: 'actor_organisation_id', type: 'uuid', nullable: true })
  actorOrganisationId!: string | null;

  @Column({ name: 'actor_roles', type: 'text', array: true, default: () => "'{}'" })
  actorRoles!: string[];

  @Column({ name: 'subject_type', type: 'varchar', length: 40, nullable: true })
  subjectType!: string | null;

  @Column({ name: 'subject_id', type: 'varchar', length: 64, nullable: true })
  subjectId!: string | null;

  // The client whose data was touched; feeds the client's "who has seen my data" report.
  @Column({ name: 'client_id', type: 'uuid', nullable: true })
  clientId!: string | null;

  @Column({ name: 'sections', type: 'text', array: true, default: () => "'{}'" })
  sections!: string[];

  @Column({ name: 'legal_basis', type: 'varchar', length: 40, nullable: true })
  legalBasis!: AuditLegalBasis | null;

  @Column({ name: 'consent_id', type: 'uuid', nullable: true })
  consentId!: string | null;

  @Column({ name: 'purpose', type: 'varchar', length: 64, nullable: true })
  purpose!: string | null;

  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true })
  requestId!: string | null;

  @Column({ name: 'ip', type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @Column({ name: 'details', type: 'jsonb', default: () => "'{}'" })
  details!: AuditDetails;

  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash!: string;

  @Column({ name: 'hash', type: 'char', length: 64 })
  hash!: string;
}
