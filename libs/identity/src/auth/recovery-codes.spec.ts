import { generateRecoveryCode, hashRecoveryCode, normaliseRecoveryCode } from './recovery-codes';

describe('recovery codes', () => {
  it('look like xxxx-xxxx-xxxx in Crockford base32', () => {
    for (let i = 0; i < 50; i++) {
      expect(generateRecoveryCode()).toMatch(/^[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){2}$/);
    }
  });

  it('are different each time', () => {
    const codes = new Set(Array.from({ length: 200 }, generateRecoveryCode));
    expect(codes.size).toBe(200);
  });

  it('normalise case, spaces, dashes and look-alike letters', () => {
    expect(normaliseRecoveryCode(' 7K2M q9xd-4HW1 ')).toBe('7k2mq9xd4hw1');
    expect(normaliseRecoveryCode('oilO-0000-0000')).toBe('011000000000');
  });

  it('refuse input that cannot be a code', () => {
    expect(normaliseRecoveryCode('7k2m-q9xd')).toBeNull();
    expect(normaliseRecoveryCode('7k2m-q9xd-4hwu')).toBeNull();
    expect(normaliseRecoveryCode('')).toBeNull();
  });

  it('hash to 64 hex characters, the same for any spelling of a code', () => {
    const a = hashRecoveryCode(normaliseRecoveryCode('7k2m-q9xd-4hw1') as string);
    const b = hashRecoveryCode(normaliseRecoveryCode('7K2M Q9XD 4HWL') as string);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).toBe(b);
  });
});
