import type { AuditEntryInput, AuditLegalBasis } from '@ohjaamo/audit';
import type { Actor } from '@ohjaamo/platform';
import type { VisibleEntry } from './record-entries.repository';

/**
 * Audit rows for a read of entries: one per legal basis (own record, or each consent),
 * naming the sections read on that basis, so the access report can say why. A read that
 * found nothing still opened the client's record, on the registry's basis.
 */
export function readAuditRows(
  actor: Actor,
  action: string,
  clientId: string,
  visible: readonly VisibleEntry[],
  requestedSections: readonly string[],
  registryBasis: AuditLegalBasis | null = null,
): AuditEntryInput[] {
  const base = {
    action,
    outcome: 'success' as const,
    actor: { userId: actor.userId, organisationId: actor.organisationId, roles: actor.roles },
    subjectType: 'client',
    subjectId: clientId,
    clientId,
  };
  if (visible.length === 0) {
    return [
      { ...base, sections: requestedSections, legalBasis: registryBasis, details: { count: 0 } },
    ];
  }
  const groups = new Map<
    string,
    { consentId: string | null; sections: Set<string>; count: number }
  >();
  for (const { entry, consentId } of visible) {
    const key = consentId ?? 'own';
    const group = groups.get(key) ?? { consentId, sections: new Set<string>(), count: 0 };
    group.sections.add(entry.section);
    group.count += 1;
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => ({
    ...base,
    sections: [...g.sections].sort(),
    legalBasis: g.consentId ? ('consent' as const) : ('own_record' as const),
    consentId: g.consentId,
    details: { count: g.count },
  }));
}
