import {
  calendarDate,
  isValidIdentityCode,
  normaliseIdentityCode,
  parseIdentityCode,
} from './identity-code';

const CHECK_CHARACTERS = '0123456789ABCDEFHJKLMNPRSTUVWXY';

/** Builds a code with the right check character, for table-driven cases. */
function code(ddmmyy: string, sign: string, individual: string): string {
  return `${ddmmyy}${sign}${individual}${CHECK_CHARACTERS[Number(ddmmyy + individual) % 31]}`;
}

describe('parseIdentityCode', () => {
  it('accepts the canonical example and derives the birth date', () => {
    expect(parseIdentityCode('131052-308T')).toEqual({
      valid: true,
      code: '131052-308T',
      birthDate: '1952-10-13',
      temporary: false,
    });
  });

  it.each([
    // Check characters computed by hand: DDMMYYNNN mod 31.
    ['010101A002S', '2001-01-01'],
    ['290200A899A', '2000-02-29'],
    ['010100-123D', '1900-01-01'],
    ['150617A456L', '2017-06-15'],
    ['010190-002R', '1990-01-01'],
    ['050301A111F', '2001-03-05'],
    ['291160+050N', '1860-11-29'],
  ])('accepts %s (born %s)', (input, birthDate) => {
    expect(parseIdentityCode(input)).toMatchObject({ valid: true, birthDate, temporary: false });
  });

  it.each(['Y', 'X', 'W', 'V', 'U'])('reads the 2023 century sign %s as the 1900s', (sign) => {
    expect(parseIdentityCode(`131052${sign}308T`)).toMatchObject({
      valid: true,
      code: `131052${sign}308T`,
      birthDate: '1952-10-13',
    });
  });

  it.each(['B', 'C', 'D', 'E', 'F'])('reads the 2023 century sign %s as the 2000s', (sign) => {
    expect(parseIdentityCode(`010101${sign}002S`)).toMatchObject({
      valid: true,
      birthDate: '2001-01-01',
    });
  });

  it('reads + as the 1800s', () => {
    expect(parseIdentityCode('131052+308T')).toMatchObject({ birthDate: '1852-10-13' });
  });

  it('normalises to upper case and trims', () => {
    expect(parseIdentityCode('  131052-308t ')).toMatchObject({ valid: true, code: '131052-308T' });
    expect(parseIdentityCode('010101a002s')).toMatchObject({ valid: true, code: '010101A002S' });
    expect(parseIdentityCode('131052y308t')).toMatchObject({ valid: true, code: '131052Y308T' });
    expect(normaliseIdentityCode(' 010101b002s ')).toBe('010101B002S');
  });

  it('flags temporary codes (individual number 900–999) but accepts them', () => {
    expect(parseIdentityCode('010594Y934' + CHECK_CHARACTERS[10594934 % 31])).toMatchObject({
      valid: true,
      birthDate: '1994-05-01',
      temporary: true,
    });
    expect(parseIdentityCode('311299-999E')).toMatchObject({ valid: true, temporary: true });
    expect(parseIdentityCode(code('010101', 'A', '900'))).toMatchObject({ temporary: true });
    expect(parseIdentityCode(code('010101', 'A', '899'))).toMatchObject({ temporary: false });
  });

  it('refuses individual numbers 000 and 001', () => {
    expect(parseIdentityCode(code('010101', 'A', '000'))).toEqual({
      valid: false,
      problem: 'individualNumber',
    });
    expect(parseIdentityCode(code('010101', 'A', '001'))).toEqual({
      valid: false,
      problem: 'individualNumber',
    });
    expect(parseIdentityCode(code('010101', 'A', '002'))).toMatchObject({ valid: true });
  });

  it('refuses a wrong check character', () => {
    expect(parseIdentityCode('131052-308U')).toEqual({ valid: false, problem: 'checkCharacter' });
    expect(parseIdentityCode('131052-309T')).toEqual({ valid: false, problem: 'checkCharacter' });
  });

  it.each([
    ['300200A123', 'February 30th'],
    ['290201A123', 'February 29th outside a leap year'],
    ['290200-123', '1900 was not a leap year'],
    ['310401A123', 'April 31st'],
    ['001001A123', 'day 00'],
    ['011301A123', 'month 13'],
    ['010001A123', 'month 00'],
  ])('refuses %s (%s)', (prefix, _why) => {
    const withCheck = prefix + CHECK_CHARACTERS[Number(prefix.slice(0, 6) + prefix.slice(7)) % 31];
    expect(parseIdentityCode(withCheck)).toEqual({ valid: false, problem: 'date' });
  });

  it('accepts February 29th of a leap year', () => {
    expect(parseIdentityCode(code('290204', 'A', '123'))).toMatchObject({
      valid: true,
      birthDate: '2004-02-29',
    });
  });

  it.each([
    '',
    '131052308T',
    '131052-308',
    '131052-308TT',
    '131052*308T',
    '131052G308T',
    '131052Z308T',
    '1310522308T',
    '13105-3308T',
    '131052-30AT',
    '131052-308G', // G is never a check character
    '131052-308I',
    '131052-308O',
    '131052-308Z',
    '131052 - 308T',
  ])('refuses the malformed %p', (input) => {
    expect(parseIdentityCode(input)).toEqual({ valid: false, problem: 'format' });
  });

  it('refuses non-strings', () => {
    expect(parseIdentityCode(undefined)).toEqual({ valid: false, problem: 'format' });
    expect(parseIdentityCode(131052308)).toEqual({ valid: false, problem: 'format' });
    expect(isValidIdentityCode(null)).toBe(false);
    expect(isValidIdentityCode('131052-308T')).toBe(true);
  });

  it('accepts every check character position (property: a computed code always parses)', () => {
    for (let individual = 2; individual < 1000; individual += 7) {
      const n = String(individual).padStart(3, '0');
      for (const sign of ['-', 'U', 'A', 'F', '+']) {
        expect(parseIdentityCode(code('241299', sign, n)).valid).toBe(true);
      }
    }
  });
});

describe('calendarDate', () => {
  it('formats existing dates and refuses others', () => {
    expect(calendarDate(2024, 2, 29)).toBe('2024-02-29');
    expect(calendarDate(2023, 2, 29)).toBeNull();
    expect(calendarDate(2000, 2, 29)).toBe('2000-02-29');
    expect(calendarDate(1900, 2, 29)).toBeNull();
    expect(calendarDate(1999, 12, 31)).toBe('1999-12-31');
    expect(calendarDate(1999, 0, 1)).toBeNull();
  });
});
