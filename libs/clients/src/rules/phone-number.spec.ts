import { phoneDigits, phoneSearch } from './phone-number';

describe('phoneDigits', () => {
  it.each([
    ['040 123 4567', '358401234567'],
    ['0401234567', '358401234567'],
    ['+358 40 123 4567', '358401234567'],
    ['+358-40-1234567', '358401234567'],
    ['00358401234567', '358401234567'],
    ['358401234567', '358401234567'],
    ['(09) 310 1234', '35893101234'],
    ['+46 70 123 45 67', '46701234567'],
    [' 050 555 1234 ', '358505551234'],
  ])('reads %p as %p', (input, digits) => {
    expect(phoneDigits(input)).toBe(digits);
  });

  it.each([
    '',
    'abc',
    '040 123 456x',
    '12345',
    '+358 40 123 4567 123 456',
    '040+1234567',
    '+0401234567',
  ])('refuses %p', (input) => {
    expect(phoneDigits(input)).toBeNull();
  });
});

describe('phoneSearch', () => {
  it('matches full numbers exactly in international form', () => {
    expect(phoneSearch('040 123 4567')).toEqual({ match: 'exact', digits: '358401234567' });
    expect(phoneSearch('+358401234567')).toEqual({ match: 'exact', digits: '358401234567' });
    expect(phoneSearch('358401234567')).toEqual({ match: 'exact', digits: '358401234567' });
  });

  it('matches a bare tail as the end of the number', () => {
    expect(phoneSearch('123 4567')).toEqual({ match: 'suffix', digits: '1234567' });
    expect(phoneSearch('401234567')).toEqual({ match: 'suffix', digits: '401234567' });
  });

  it('refuses tails too short to be useful, and non-numbers', () => {
    expect(phoneSearch('4567')).toBeNull();
    expect(phoneSearch('name')).toBeNull();
    expect(phoneSearch('0 12')).toBeNull();
  });
});
