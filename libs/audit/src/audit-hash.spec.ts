import { auditHash, canonicalJson, GENESIS_HASH, type AuditRowContent } from './audit-hash';

const base: AuditRowContent = {
  occurredAt: new Date('2025-03-04T10:11:12.345Z'),
  action: 'client.update',
  outcome: 'success',
  actorUserId: '6f1c2c4e-8c1d-4a39-9d55-0d7d3b8f2a10',
  actorOrganisationId: 'b0c1a2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d',
  actorRoles: ['counsellor'],
  subjectType: 'client',
  subjectId: '0b7e1d8c-3c2a-4f6e-9b1d-2a3c4e5f6a7b',
  clientId: '0b7e1d8c-3c2a-4f6e-9b1d-2a3c4e5f6a7b',
  sections: ['contact', 'plan'],
  legalBasis: 'consent',
  consentId: 'c4d5e6f7-a8b9-4c0d-8e1f-2a3b4c5d6e7f',
  purpose: 'guidance',
  requestId: 'req-12345678',
  ip: '192.0.2.10',
  details: { fields: ['phone'], count: 1 },
};

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,1]},"b":1}',
    );
  });

  it('writes dates as ISO strings with milliseconds', () => {
    expect(canonicalJson({ at: new Date(Date.UTC(2025, 0, 2, 3, 4, 5, 6)) })).toBe(
      '{"at":"2025-01-02T03:04:05.006Z"}',
    );
  });

  it('does not depend on the order keys were written in', () => {
    const reversed = Object.fromEntries(
      Object.entries(base).reverse(),
    ) as unknown as AuditRowContent;
    expect(auditHash(GENESIS_HASH, reversed)).toBe(auditHash(GENESIS_HASH, base));
  });
});

describe('auditHash', () => {
  it('is stable: the same input gives the same lowercase hex digest', () => {
    const hash = auditHash(GENESIS_HASH, base);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(auditHash(GENESIS_HASH, { ...base, details: { count: 1, fields: ['phone'] } })).toBe(
      hash,
    );
    // Pinned: a change to the canonical form would break every stored chain.
    expect(hash).toBe('9cdf5656d51b5d7778f54dc6d977b4644a907454c9550db1daf0bf94892bacea');
  });

  it('changes when the previous hash changes', () => {
    expect(auditHash('f'.repeat(64), base)).not.toBe(auditHash(GENESIS_HASH, base));
  });

  const changes: { [K in keyof AuditRowContent]: AuditRowContent[K] } = {
    occurredAt: new Date('2025-03-04T10:11:12.346Z'),
    action: 'client.read',
    outcome: 'denied',
    actorUserId: null,
    actorOrganisationId: '00000000-0000-4000-8000-000000000000',
    actorRoles: ['counsellor', 'admin'],
    subjectType: 'site',
    subjectId: 'other',
    clientId: null,
    sections: ['plan', 'contact'],
    legalBasis: 'statutory',
    consentId: null,
    purpose: 'statistics',
    requestId: 'req-87654321',
    ip: '192.0.2.11',
    details: { fields: ['phone'], count: 2 },
  };

  it.each(Object.keys(changes) as (keyof AuditRowContent)[])('changes when %s changes', (field) => {
    const changed: AuditRowContent = { ...base, [field]: changes[field] };
    expect(auditHash(GENESIS_HASH, changed)).not.toBe(auditHash(GENESIS_HASH, base));
  });

  it('tells null apart from an empty string', () => {
    expect(auditHash(GENESIS_HASH, { ...base, purpose: '' })).not.toBe(
      auditHash(GENESIS_HASH, { ...base, purpose: null }),
    );
  });
});
