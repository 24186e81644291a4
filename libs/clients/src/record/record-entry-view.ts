import type { AuditLegalBasis } from '@ohjaamo/audit';
import type { RecordSection } from '@ohjaamo/consent';
import type { RecordEntry } from './record-entry.entity';

/** An entry as its reader sees it, with the basis on which they see it. */
export interface RecordEntryView {
  id: string;
  clientId: string;
  section: RecordSection;
  version: number;
  title: string;
  body: string;
  recordedAt: Date;
  recordedByOrganisationId: string;
  recordedByUserId: string;
  legalBasis: Extract<AuditLegalBasis, 'own_record' | 'consent'>;
  consentId: string | null;
}

export function toRecordEntryView(entry: RecordEntry, consentId: string | null): RecordEntryView {
  return {
    id: entry.entryId,
    clientId: entry.clientId,
    section: entry.section,
    version: entry.version,
    title: entry.title,
    body: entry.body,
    recordedAt: entry.recordedAt,
    recordedByOrganisationId: entry.recordedByOrganisationId,
    recordedByUserId: entry.recordedByUserId,
    legalBasis: consentId ? 'consent' : 'own_record',
    consentId,
  };
}
