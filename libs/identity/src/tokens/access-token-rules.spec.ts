import { accessTokenErrors } from './access-token-rules';

const now = new Date('2026-03-01T10:00:00Z');
const inDays = (days: number): Date => new Date(now.getTime() + days * 86_400_000);
const codes = (input: Parameters<typeof accessTokenErrors>[0], roles = ['adviser']): string[] =>
  accessTokenErrors(input, roles, now).map((e) => `${e.field}:${e.code}`);

describe('access token rules', () => {
  it('accepts permissions the owner holds, expiring within a year', () => {
    expect(
      codes({ name: 'Reporting script', scopes: ['sites.read'], expiresAt: inDays(30) }),
    ).toEqual([]);
  });

  it('refuses unknown permissions and ones the owner lacks', () => {
    expect(
      codes({
        name: 'x',
        scopes: ['sites.read', 'clients.delete_all', 'admin.users'],
        expiresAt: inDays(1),
      }),
    ).toEqual(['scopes.1:scopeUnknown', 'scopes.2:scopeNotHeld']);
    expect(codes({ name: 'x', scopes: ['admin.users'], expiresAt: inDays(1) }, ['admin'])).toEqual(
      [],
    );
  });

  it('needs at least one scope', () => {
    expect(codes({ name: 'x', scopes: [], expiresAt: inDays(1) })).toEqual([
      'scopes:arrayNotEmpty',
    ]);
  });

  it('needs an expiry in the future and at most 366 days ahead', () => {
    const base = { name: 'x', scopes: ['sites.read'] };
    expect(codes({ ...base, expiresAt: now })).toEqual(['expiresAt:expiryInPast']);
    expect(codes({ ...base, expiresAt: inDays(366) })).toEqual([]);
    expect(codes({ ...base, expiresAt: inDays(367) })).toEqual(['expiresAt:expiryTooFar']);
    expect(codes({ ...base, expiresAt: new Date('nonsense') })).toEqual(['expiresAt:isISO8601']);
  });

  it('needs a name of 1 to 100 characters', () => {
    const base = { scopes: ['sites.read'], expiresAt: inDays(1) };
    expect(codes({ ...base, name: '  ' })).toEqual(['name:isNotEmpty']);
    expect(codes({ ...base, name: 'n'.repeat(100) })).toEqual([]);
    expect(codes({ ...base, name: 'n'.repeat(101) })).toEqual(['name:maxLength']);
  });
});
