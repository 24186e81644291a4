import type { Consent } from './consent.entity';
import type { ConsentEvidence } from './consent-evidence.entity';
import type { ConsentStatusChange } from './consent-status-change.entity';
import type { ConsentStatus } from './consent-status';

export interface ConsentStatusChangeView {
  from: ConsentStatus | null;
  to: ConsentStatus;
  at: Date;
  byUserId: string | null;
  reason: string | null;
}

export interface ConsentEvidenceView {
  id: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: Date;
}

export type ConsentView = Omit<
  Consent,
  'client' | 'recordedByUser' | 'recordedByOrganisation' | 'replacesConsent' | 'status'
> & {
  /** The stored status, except that a given consent past its last day reads as expired. */
  status: ConsentStatus;
  active: boolean;
  history?: ConsentStatusChangeView[];
  evidence?: ConsentEvidenceView[];
};

/** Given, and today (Helsinki) within [validFrom, validUntil]. */
export function isActive(consent: Consent, today: string): boolean {
  return consent.status === 'given' && consent.validFrom <= today && today <= consent.validUntil;
}

export function toConsentView(
  consent: Consent,
  today: string,
  history?: ConsentStatusChange[],
  evidence?: ConsentEvidence[],
): ConsentView {
  const {
    client: _c,
    recordedByUser: _u,
    recordedByOrganisation: _o,
    replacesConsent: _r,
    ...rest
  } = consent;
  const expired = consent.status === 'given' && consent.validUntil < today;
  return {
    ...rest,
    status: expired ? 'expired' : consent.status,
    active: isActive(consent, today),
    ...(history
      ? {
          history: history.map((h) => ({
            from: h.fromStatus,
            to: h.toStatus,
            at: h.at,
            byUserId: h.byUserId,
            reason: h.reason,
          })),
        }
      : {}),
    ...(evidence
      ? {
          evidence: evidence.map((e) => ({
            id: e.id,
            mimeType: e.mimeType,
            sizeBytes: e.sizeBytes,
            sha256: e.sha256,
            uploadedAt: e.uploadedAt,
          })),
        }
      : {}),
  };
}
