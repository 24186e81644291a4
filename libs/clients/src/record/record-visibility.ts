import type {
  ConsentScope,
  HiddenReason,
  LapsedConsentScope,
  RecordSection,
} from '@ohjaamo/consent';
import type { Actor } from '@ohjaamo/platform';
import type { ClientAccessPolicy } from '../access/client-access.policy';

/** One section × recording organisation as the actor sees it, for the client page's notes. */
export interface RecordVisibility {
  section: RecordSection;
  organisationId: string;
  organisationName: string;
  entries: number;
  visible: boolean;
  legalBasis: 'own_record' | 'consent' | null;
  consentId: string | null;
  /** Why it is hidden: the actor's role, or no consent (never, withdrawn or expired). */
  hiddenReason: HiddenReason | null;
}

export function visibilityOf(
  actor: Actor,
  authors: {
    section: RecordSection;
    organisationId: string;
    organisationName: string;
    entries: number;
  }[],
  consents: readonly ConsentScope[],
  policy: ClientAccessPolicy,
  lapsed: readonly LapsedConsentScope[] = [],
): RecordVisibility[] {
  return authors.map((a) => {
    const decision = policy.recordSection(actor, a.section, a.organisationId, consents, lapsed);
    return {
      ...a,
      visible: decision.visible,
      legalBasis: decision.visible ? decision.legalBasis : null,
      consentId: decision.visible && decision.legalBasis === 'consent' ? decision.consentId : null,
      hiddenReason: decision.visible ? null : decision.reason,
    };
  });
}
