import type { Actor } from '@ohjaamo/platform';
import { readAuditRows } from './record-audit';
import type { RecordEntry } from './record-entry.entity';

const actor: Actor = {
  userId: '11111111-1111-4111-8111-111111111111',
  organisationId: '22222222-2222-4222-8222-222222222222',
  organisationKind: 'kela',
  siteIds: [],
  roles: ['adviser'],
};
const CLIENT = '33333333-3333-4333-8333-333333333333';
const CONSENT = '44444444-4444-4444-8444-444444444444';
const entry = (section: string) => ({ section }) as RecordEntry;

describe('readAuditRows', () => {
  it('writes one row per legal basis, naming the sections read on it', () => {
    const rows = readAuditRows(
      actor,
      'record.listed',
      CLIENT,
      [
        { entry: entry('plan'), consentId: null },
        { entry: entry('benefits'), consentId: CONSENT },
        { entry: entry('agency_notes'), consentId: CONSENT },
      ],
      [],
    );
    expect(rows.map((r) => [r.legalBasis, r.consentId, r.sections])).toEqual([
      ['own_record', null, ['plan']],
      ['consent', CONSENT, ['agency_notes', 'benefits']],
    ]);
  });

  it('still records a read that found nothing', () => {
    const rows = readAuditRows(actor, 'record.listed', CLIENT, [], ['benefits']);
    expect(rows).toEqual([
      expect.objectContaining({ clientId: CLIENT, sections: ['benefits'], legalBasis: null }),
    ]);
  });

  it("records a read that found nothing on the registry's basis when given", () => {
    const rows = readAuditRows(actor, 'record.listed', CLIENT, [], ['benefits'], 'statutory');
    expect(rows).toEqual([expect.objectContaining({ legalBasis: 'statutory' })]);
  });
});
