import { nameAlternatives, resolveDeskSearch } from './desk-search-criteria';

describe('nameAlternatives', () => {
  it('reads one word as the start of a last name', () => {
    expect(nameAlternatives('Virt')).toEqual([{ last: 'Virt' }]);
  });

  it('reads two words in either order', () => {
    expect(nameAlternatives('Aino  Virtanen')).toEqual([
      { last: 'Aino Virtanen' },
      { last: 'Aino', first: 'Virtanen' },
      { last: 'Virtanen', first: 'Aino' },
    ]);
  });

  it('reads "last, first" as given', () => {
    expect(nameAlternatives('Virtanen, Ai')).toEqual([{ last: 'Virtanen', first: 'Ai' }]);
    expect(nameAlternatives('Virtanen,')).toEqual([{ last: 'Virtanen' }]);
  });

  it('splits several words at every point', () => {
    expect(nameAlternatives('Aino Maria Virtanen')).toContainEqual({
      last: 'Virtanen',
      first: 'Aino Maria',
    });
    expect(nameAlternatives('a b c d e f')).toHaveLength(7);
  });
});

describe('resolveDeskSearch', () => {
  const fields = (errors: { field: string; code: string }[]): string[] =>
    errors.map((e) => `${e.field}:${e.code}`);

  it('needs at least one criterion', () => {
    expect(fields(resolveDeskSearch({}).errors)).toEqual(['criteria:criteriaMissing']);
    expect(fields(resolveDeskSearch({ name: '  ' }).errors)).toEqual(['criteria:criteriaMissing']);
  });

  it('checks each criterion and lists the ones used, without their values', () => {
    const { errors, search } = resolveDeskSearch({
      name: 'Virtanen',
      birthDate: '2004-02-29',
      phone: '040 123 4567',
      identityCode: '131052-308t',
    });
    expect(errors).toEqual([]);
    expect(search).toEqual({
      used: ['name', 'birthDate', 'phone', 'identityCode'],
      names: [{ last: 'Virtanen' }],
      birthDate: '2004-02-29',
      phone: { match: 'exact', digits: '358401234567' },
      identityCode: '131052-308T',
    });
  });

  it('refuses criteria it cannot use', () => {
    const { errors } = resolveDeskSearch({
      name: 'V',
      birthDate: '2005-02-29',
      phone: '123',
      identityCode: '131052-308U',
    });
    expect(fields(errors)).toEqual([
      'name:nameSearchLength',
      'birthDate:birthDateInvalid',
      'phone:phoneSearchInvalid',
      'identityCode:identityCodeCheckCharacter',
    ]);
  });
});
