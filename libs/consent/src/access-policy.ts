import type { Actor } from '@ohjaamo/platform';
import type { RecordSection } from './record-sections';

/** What a consent lets through: agencies (by id or kind) × data categories. */
export interface ConsentScope {
  id: string;
  organisationIds: readonly string[];
  organisationKinds: readonly string[];
  sections: readonly RecordSection[];
}

/** A consent that no longer holds, and how it ended: what the hidden-section note names. */
export interface LapsedConsentScope extends ConsentScope {
  ended: 'withdrawn' | 'expired';
}

/**
 * Why a part of the record is hidden from the actor: their role, or no consent in force
 * (never one, or the latest that covered them was withdrawn or ran out).
 */
export type HiddenReason = 'role' | 'no_consent' | 'consent_withdrawn' | 'consent_expired';

export type SectionDecision =
  | { visible: true; legalBasis: 'own_record' }
  | { visible: true; legalBasis: 'consent'; consentId: string }
  | { visible: false; reason: HiddenReason };

/**
 * How much of individual records a role sees at all: advisers the consent-gated record,
 * the front desk the registry identification only, everyone else nothing.
 */
export function recordRoleView(actor: Actor): 'record' | 'identification' | null {
  if (actor.roles.includes('adviser')) return 'record';
  if (actor.roles.includes('front_desk')) return 'identification';
  return null;
}

/**
 * May this actor read entries of `section` recorded by `recordedByOrganisationId`, given
 * the client's consents active today? The one rule of ARCHITECTURE.md "Access policy";
 * `coveringConsentSql` is the same rule for lists and must stay in step with it.
 * `lapsedConsents` (newest first) only explain a refusal: they never let anything through.
 */
export function decideSection(
  actor: Actor,
  section: RecordSection,
  recordedByOrganisationId: string,
  activeConsents: readonly ConsentScope[],
  lapsedConsents: readonly LapsedConsentScope[] = [],
): SectionDecision {
  if (recordRoleView(actor) !== 'record') return { visible: false, reason: 'role' };
  if (recordedByOrganisationId === actor.organisationId) {
    return { visible: true, legalBasis: 'own_record' };
  }
  const consent = activeConsents.find((c) => covers(c, actor, section));
  if (consent) return { visible: true, legalBasis: 'consent', consentId: consent.id };
  const lapsed = lapsedConsents.find((c) => covers(c, actor, section));
  if (lapsed) {
    return {
      visible: false,
      reason: lapsed.ended === 'withdrawn' ? 'consent_withdrawn' : 'consent_expired',
    };
  }
  return { visible: false, reason: 'no_consent' };
}

export function covers(consent: ConsentScope, actor: Actor, section: RecordSection): boolean {
  const agency =
    consent.organisationIds.includes(actor.organisationId) ||
    consent.organisationKinds.includes(actor.organisationKind);
  return agency && consent.sections.includes(section);
}

/** A WHERE fragment with positional parameters starting at `$${first}`. */
export interface SqlCondition {
  sql: string;
  params: unknown[];
}

/**
 * The consent that lets the actor see entry `alias` today, as a scalar subquery (null when
 * none does). `today` is the Helsinki calendar date: a consent holds through the end of its
 * `valid_until` day in Finland.
 */
export function coveringConsentSql(
  alias: string,
  actor: Actor,
  today: string,
  first: number,
): SqlCondition {
  const [org, kind, day] = [`$${first}`, `$${first + 1}`, `$${first + 2}`];
  return {
    sql: `(SELECT k.id FROM consents k
      WHERE k.client_id = ${alias}.client_id AND k.status = 'given'
        AND k.valid_from <= ${day}::date AND k.valid_until >= ${day}::date
        AND ${alias}.section = ANY(k.sections)
        AND (${org}::uuid = ANY(k.organisation_ids) OR ${kind}::text = ANY(k.organisation_kinds))
      ORDER BY k.created_at LIMIT 1)`,
    params: [actor.organisationId, actor.organisationKind, today],
  };
}
