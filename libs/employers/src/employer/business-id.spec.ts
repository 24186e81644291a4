import { isBusinessId, normaliseBusinessId } from './business-id';

describe('business ID (Y-tunnus)', () => {
  it.each(['0737546-2', '1572860-0', '2617416-4', '0112038-9'])('accepts %s', (id) => {
    expect(isBusinessId(id)).toBe(true);
  });

  it.each([
    ['a wrong check digit', '0737546-3'],
    ['no dash', '07375462'],
    ['too short', '737546-2'],
    ['letters', '07a7546-2'],
    ['spaces', ' 0737546-2'],
  ])('refuses %s', (_case, id) => {
    expect(isBusinessId(id)).toBe(false);
  });

  it('refuses every number whose remainder is 1, whatever the check digit', () => {
    // 0000006: 2·6 = 12, 12 mod 11 = 1 (never issued).
    for (let digit = 0; digit <= 9; digit++) {
      expect(isBusinessId(`0000006-${digit}`)).toBe(false);
    }
  });

  it('takes a remainder of 0 as check digit 0', () => {
    // 0000000 has sum 0.
    expect(isBusinessId('0000000-0')).toBe(true);
    expect(isBusinessId('0000000-1')).toBe(false);
  });

  it('adds the leading zero of the old six-digit form', () => {
    expect(normaliseBusinessId(' 737546-2 ')).toBe('0737546-2');
    expect(isBusinessId(normaliseBusinessId('737546-2'))).toBe(true);
  });
});
