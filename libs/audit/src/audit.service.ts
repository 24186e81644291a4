import { Inject, Injectable } from '@nestjs/common';
import { requestContext } from '@ohjaamo/platform';
import { DataSource, EntityManager } from 'typeorm';
import { auditHash, GENESIS_HASH, type AuditRowContent } from './audit-hash';
import {
  AUDIT_LEGAL_BASES,
  AUDIT_OUTCOMES,
  AuditLogEntry,
  type AuditDetails,
  type AuditLegalBasis,
  type AuditOutcome,
} from './audit-log-entry.entity';

/**
 * Advisory lock key that serialises appends to the chain. Any fixed bigint works as long
 * as nothing else in the product uses it.
 */
export const AUDIT_CHAIN_LOCK_KEY = '7243010001';

/** Who acted. Leave out to take the signed-in actor; null for the system itself. */
export interface AuditActorInput {
  userId?: string | null;
  organisationId?: string | null;
  roles?: readonly string[];
}

/** What a caller tells the audit log. Everything not given is empty or comes from context. */
export interface AuditEntryInput {
  /** Dotted verb, e.g. `auth.sign_in`, `client.read`, `admin.user_created`. */
  action: string;
  outcome: AuditOutcome;
  actor?: AuditActorInput | null;
  subjectType?: string | null;
  subjectId?: string | null;
  /** The client whose data was read or written; shows up in that client's access report. */
  clientId?: string | null;
  /** Record sections touched, e.g. `contact`, `plan`, `notes`. */
  sections?: readonly string[];
  legalBasis?: AuditLegalBasis | null;
  consentId?: string | null;
  /** Defaults to the actor's purpose from the request context. */
  purpose?: string | null;
  /** Defaults to the request context's request id. */
  requestId?: string | null;
  /** Defaults to the request context's ip. */
  ip?: string | null;
  /** Non-personal details only: field names changed, counts, reasons. */
  details?: AuditDetails;
}

const ACTION = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/;
// A last line of defence against personal data in details: Finnish identity codes
// (any century sign) and e-mail addresses. Callers should never get this far.
const IDENTITY_CODE = /\b\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]\b/i;
const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;

/** Writes audit rows into the hash chain. */
@Injectable()
export class AuditService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * Appends one row. Pass the caller's transactional EntityManager so the change and its
   * audit row commit or roll back together. Without one (or with a manager outside a
   * transaction), the row gets a transaction of its own.
   *
   * The chain lock is held until the surrounding transaction ends, so record as late in
   * the transaction as practical: concurrent audited transactions wait for each other here.
   */
  async record(input: AuditEntryInput, manager?: EntityManager): Promise<AuditLogEntry> {
    // Read the request context now, before any await can leave it behind.
    const content = resolveInput(input);
    if (manager?.queryRunner?.isTransactionActive) return this.append(manager, content);
    const owner = manager ?? this.dataSource.manager;
    return owner.transaction('READ COMMITTED', (inner) => this.append(inner, content));
  }

  private async append(
    manager: EntityManager,
    content: Omit<ResolvedEntry, 'occurredAt'>,
  ): Promise<AuditLogEntry> {
    const [lock] = await manager.query<{ isolation: string }[]>(
      `SELECT pg_advisory_xact_lock($1::bigint), current_setting('transaction_isolation') AS isolation`,
      [AUDIT_CHAIN_LOCK_KEY],
    );
    // Under REPEATABLE READ or SERIALIZABLE the snapshot may predate rows committed while
    // we waited for the lock, so the "last" row read below could be stale and fork the chain.
    if (lock.isolation !== 'read committed') {
      throw new Error(
        `AuditService.record needs a READ COMMITTED transaction, got ${lock.isolation}`,
      );
    }
    const [last] = await manager.query<{ hash: string }[]>(
      `SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1`,
    );
    const prevHash = last?.hash ?? GENESIS_HASH;

    // Taken under the lock so time order follows chain order. JS dates have millisecond
    // precision, which timestamptz stores exactly: the hash recomputes from the row.
    const row: ResolvedEntry = { ...content, occurredAt: new Date() };
    const entry = Object.assign(new AuditLogEntry(), row, {
      prevHash,
      hash: auditHash(prevHash, row),
    });
    // save() on a new entity is a single INSERT ... RETURNING, which fills in the id.
    return manager.save(entry);
  }
}

/** A caller's input with defaults applied, typed as the entity holds it. */
type ResolvedEntry = Omit<AuditLogEntry, 'id' | 'prevHash' | 'hash'> & AuditRowContent;

function resolveInput(input: AuditEntryInput): Omit<ResolvedEntry, 'occurredAt'> {
  if (!ACTION.test(input.action) || input.action.length > 64) {
    throw new Error(`Audit action must be a dotted lowercase name: "${input.action}"`);
  }
  if (!AUDIT_OUTCOMES.includes(input.outcome)) {
    throw new Error(`Unknown audit outcome "${String(input.outcome)}"`);
  }
  if (input.legalBasis != null && !AUDIT_LEGAL_BASES.includes(input.legalBasis)) {
    throw new Error(`Unknown legal basis "${String(input.legalBasis)}"`);
  }
  const context = requestContext.current();
  const contextActor = context?.actor;
  const actor: AuditActorInput | null =
    input.actor === undefined
      ? contextActor
        ? {
            userId: contextActor.userId,
            organisationId: contextActor.organisationId,
            roles: contextActor.roles,
          }
        : null
      : input.actor;
  return {
    action: input.action,
    outcome: input.outcome,
    actorUserId: actor?.userId ?? null,
    actorOrganisationId: actor?.organisationId ?? null,
    actorRoles: [...(actor?.roles ?? [])],
    subjectType: input.subjectType ?? null,
    subjectId: input.subjectId ?? null,
    clientId: input.clientId ?? null,
    sections: [...(input.sections ?? [])],
    legalBasis: input.legalBasis ?? null,
    consentId: input.consentId ?? null,
    purpose: input.purpose === undefined ? (contextActor?.purpose ?? null) : input.purpose,
    requestId: input.requestId === undefined ? (context?.requestId ?? null) : input.requestId,
    ip: input.ip === undefined ? (context?.ip ?? null) : input.ip,
    details: normaliseDetails(input.details ?? {}),
  };
}

/**
 * Round-trips details through JSON so the hash covers exactly what jsonb will store
 * (no undefined members, dates as strings), and refuses obvious personal data.
 */
function normaliseDetails(details: AuditDetails): AuditDetails {
  const json = JSON.stringify(details);
  if (IDENTITY_CODE.test(json) || EMAIL.test(json)) {
    // The message names neither the value nor the key's content: it may be personal data.
    throw new Error('Audit details must not contain personal data');
  }
  const parsed: unknown = JSON.parse(json);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error('Audit details must be a JSON object');
  }
  return parsed as AuditDetails;
}
