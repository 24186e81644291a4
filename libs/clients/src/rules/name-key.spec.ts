import { firstNamePrefix, nameKey } from './name-key';

describe('nameKey', () => {
  it('ignores case, diacritics, spaces and punctuation', () => {
    expect(nameKey('Mäkinen')).toBe('makinen');
    expect(nameKey('MAKINEN')).toBe('makinen');
    expect(nameKey('Mäki-nen')).toBe('makinen');
    expect(nameKey('Åström')).toBe('astrom');
    expect(nameKey("O'Brien")).toBe('obrien');
    expect(nameKey('Anna Liisa')).toBe(nameKey('Anna-Liisa'));
    expect(nameKey('Søren Ærø')).toBe('sorenaero');
    expect(nameKey('Šárka Čapková')).toBe('sarkacapkova');
  });

  it('keeps letters of other scripts', () => {
    expect(nameKey('Абди')).toBe('абди');
    expect(nameKey('محمد')).toBe('محمد');
  });

  it('takes the first three letters as the first-name prefix', () => {
    expect(firstNamePrefix(nameKey('Aino-Maria'))).toBe('ain');
    expect(firstNamePrefix(nameKey('Al'))).toBe('al');
  });
});
