import { prepareClientFields, type ClientSnapshot } from './client-field-rules';

const TODAY = '2025-06-15';
const fields = (errors: { field: string; code: string }[]): string[] =>
  errors.map((e) => `${e.field}:${e.code}`);
const stored = (over: Partial<ClientSnapshot> = {}): ClientSnapshot => ({
  birthDate: null,
  phone: null,
  email: null,
  preferredContact: null,
  nonDisclosure: false,
  hasIdentityCode: false,
  ...over,
});

describe('prepareClientFields when creating', () => {
  it('needs both names and folds them for duplicate checks', () => {
    const { errors, columns } = prepareClientFields(
      { firstName: ' Äino ', lastName: 'Mäki-Nen' },
      null,
      TODAY,
    );
    expect(errors).toEqual([]);
    expect(columns).toMatchObject({
      firstName: 'Äino',
      lastName: 'Mäki-Nen',
      firstNameKey: 'aino',
      lastNameKey: 'makinen',
    });
    expect(fields(prepareClientFields({}, null, TODAY).errors)).toEqual([
      'firstName:isNotEmpty',
      'lastName:isNotEmpty',
    ]);
  });

  it('refuses names over 100 characters, counting characters not bytes', () => {
    const ok = prepareClientFields({ firstName: 'ä'.repeat(100), lastName: 'B' }, null, TODAY);
    expect(ok.errors).toEqual([]);
    const long = prepareClientFields({ firstName: 'a'.repeat(101), lastName: 'B' }, null, TODAY);
    expect(long.errors).toEqual([{ field: 'firstName', code: 'maxLength', params: { max: 100 } }]);
  });

  it('derives the birth date from the identity code', () => {
    const prepared = prepareClientFields(
      { firstName: 'A', lastName: 'B', identityCode: '131052-308t' },
      null,
      TODAY,
    );
    expect(prepared.errors).toEqual([]);
    expect(prepared.identityCode).toMatchObject({ code: '131052-308T', birthDate: '1952-10-13' });
    expect(prepared.columns.birthDate).toBe('1952-10-13');
  });

  it('refuses a birth date that disagrees with the identity code', () => {
    const prepared = prepareClientFields(
      { firstName: 'A', lastName: 'B', identityCode: '131052-308T', birthDate: '1952-10-14' },
      null,
      TODAY,
    );
    expect(fields(prepared.errors)).toEqual(['birthDate:birthDateMismatch']);
  });

  it('names what is wrong with an identity code', () => {
    const problem = (identityCode: string): string[] =>
      fields(
        prepareClientFields({ firstName: 'A', lastName: 'B', identityCode }, null, TODAY).errors,
      );
    expect(problem('131052-308U')).toEqual(['identityCode:identityCodeCheckCharacter']);
    expect(problem('1310523-08T')).toEqual(['identityCode:identityCodeFormat']);
    expect(problem('310252-308T')).toEqual(['identityCode:identityCodeDate']);
    // 01.01.2030 has not come yet.
    expect(problem('010130A0028')).toEqual(['identityCode:identityCodeDate']);
  });

  it('refuses impossible and future birth dates', () => {
    const problem = (birthDate: string): string[] =>
      fields(prepareClientFields({ firstName: 'A', lastName: 'B', birthDate }, null, TODAY).errors);
    expect(problem('2005-02-30')).toEqual(['birthDate:birthDateInvalid']);
    expect(problem('15.6.2005')).toEqual(['birthDate:birthDateInvalid']);
    expect(problem('2025-06-16')).toEqual(['birthDate:birthDateInFuture']);
    expect(problem('2025-06-15')).toEqual([]);
  });

  it('keeps the phone as typed and its digits in international form', () => {
    const { columns, errors } = prepareClientFields(
      { firstName: 'A', lastName: 'B', phone: '040 123 4567' },
      null,
      TODAY,
    );
    expect(errors).toEqual([]);
    expect(columns).toMatchObject({ phone: '040 123 4567', phoneDigits: '358401234567' });
  });

  it('refuses bad contact details and a preferred method without its detail', () => {
    const { errors } = prepareClientFields(
      {
        firstName: 'A',
        lastName: 'B',
        phone: 'call me',
        email: 'not-an-address',
        language: 'Finnish',
        postalCode: '123',
      },
      null,
      TODAY,
    );
    expect(fields(errors)).toEqual([
      'phone:phoneInvalid',
      'email:isEmail',
      'postalCode:postalCodeInvalid',
      'language:languageInvalid',
    ]);
    const sms = prepareClientFields(
      { firstName: 'A', lastName: 'B', preferredContact: 'sms' },
      null,
      TODAY,
    );
    expect(fields(sms.errors)).toEqual(['preferredContact:preferredContactMissing']);
  });

  it('refuses any address for a person with a non-disclosure order', () => {
    const { errors, columns } = prepareClientFields(
      {
        firstName: 'A',
        lastName: 'B',
        nonDisclosure: true,
        streetAddress: 'Kauppakatu 1',
        postalCode: '00100',
        postOffice: '',
      },
      null,
      TODAY,
    );
    expect(fields(errors)).toEqual([
      'streetAddress:addressNotAllowed',
      'postalCode:addressNotAllowed',
    ]);
    expect(columns).toMatchObject({ streetAddress: null, postalCode: null, postOffice: null });
  });

  it('stores blanks as null and lower-cases the language', () => {
    const { columns } = prepareClientFields(
      { firstName: 'A', lastName: 'B', email: '  ', language: 'SV', municipality: ' Turku ' },
      null,
      TODAY,
    );
    expect(columns).toMatchObject({ email: null, language: 'sv', municipality: 'Turku' });
  });

  it('answers a value of the wrong type as such, not as blank', () => {
    const { errors } = prepareClientFields(
      { firstName: 'A', lastName: 'B', phone: 401234567 as unknown as string },
      null,
      TODAY,
    );
    expect(fields(errors)).toEqual(['phone:isString']);
  });
});

describe('prepareClientFields when updating', () => {
  it('checks and writes only the fields given', () => {
    const { errors, columns } = prepareClientFields({ municipality: 'Oulu' }, stored(), TODAY);
    expect(errors).toEqual([]);
    expect(columns).toEqual({ municipality: 'Oulu' });
  });

  it('does not let names be cleared', () => {
    expect(fields(prepareClientFields({ lastName: ' ' }, stored(), TODAY).errors)).toEqual([
      'lastName:isNotEmpty',
    ]);
  });

  it('keeps the birth date tied to a stored identity code', () => {
    const current = stored({ birthDate: '1952-10-13', hasIdentityCode: true });
    expect(fields(prepareClientFields({ birthDate: '1952-10-14' }, current, TODAY).errors)).toEqual(
      ['birthDate:birthDateMismatch'],
    );
    expect(prepareClientFields({ birthDate: '1952-10-13' }, current, TODAY).errors).toEqual([]);
    // Removing the code frees the birth date.
    const freed = prepareClientFields(
      { identityCode: null, birthDate: '1952-10-14' },
      current,
      TODAY,
    );
    expect(freed.errors).toEqual([]);
    expect(freed.identityCode).toBeNull();
  });

  it('drops a stored address when a non-disclosure order is recorded', () => {
    const { errors, columns } = prepareClientFields({ nonDisclosure: true }, stored(), TODAY);
    expect(errors).toEqual([]);
    expect(columns).toEqual({
      nonDisclosure: true,
      streetAddress: null,
      postalCode: null,
      postOffice: null,
    });
  });

  it('refuses an address for a client already under a non-disclosure order', () => {
    const current = stored({ nonDisclosure: true });
    expect(fields(prepareClientFields({ postOffice: 'Turku' }, current, TODAY).errors)).toEqual([
      'postOffice:addressNotAllowed',
    ]);
  });

  it('refuses clearing the phone when SMS is the preferred way to reach the client', () => {
    const current = stored({ phone: '0401234567', preferredContact: 'sms' });
    expect(fields(prepareClientFields({ phone: null }, current, TODAY).errors)).toEqual([
      'preferredContact:preferredContactMissing',
    ]);
    expect(
      prepareClientFields({ phone: null, preferredContact: null }, current, TODAY).errors,
    ).toEqual([]);
  });
});
