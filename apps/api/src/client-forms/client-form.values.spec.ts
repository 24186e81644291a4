import {
  clientFormFromBody,
  emptyClientForm,
  toCreateInput,
  toUpdateInput,
} from './client-form.values';

describe('client form values', () => {
  const filled = {
    ...emptyClientForm(),
    firstName: 'Aino',
    lastName: 'Virtanen',
    municipality: 'Lahti',
    phone: '040 123 4567',
    streetAddress: 'Katu 1',
    postalCode: '15100',
    postOffice: 'Lahti',
  };

  it('reads only text fields and the non-disclosure box from a posted form', () => {
    const values = clientFormFromBody({
      firstName: '  Aino ',
      lastName: ['x'],
      nonDisclosure: 'on',
      extra: 'ignored',
    });
    expect(values.firstName).toBe('Aino');
    expect(values.lastName).toBe('');
    expect(values.nonDisclosure).toBe(true);
    expect(values).not.toHaveProperty('extra');
  });

  it('leaves blank fields out of a new client', () => {
    expect(toCreateInput({ ...emptyClientForm(), firstName: 'A', lastName: 'B' })).toEqual({
      firstName: 'A',
      lastName: 'B',
      nonDisclosure: false,
    });
  });

  it('drops the address of a new client under a non-disclosure order', () => {
    const input = toCreateInput({ ...filled, nonDisclosure: true });
    expect(input).not.toHaveProperty('streetAddress');
    expect(input).not.toHaveProperty('postalCode');
    expect(input).toMatchObject({ nonDisclosure: true, phone: '040 123 4567' });
  });

  it('clears blank fields on update but keeps the identity code unless one is typed', () => {
    const input = toUpdateInput({ ...filled, phone: '' }, true);
    expect(input.phone).toBeNull();
    expect(input).not.toHaveProperty('identityCode');
    expect(toUpdateInput({ ...filled, identityCode: '131052-308T' }, true).identityCode).toBe(
      '131052-308T',
    );
  });

  it('clears the address on update under a non-disclosure order', () => {
    const input = toUpdateInput({ ...filled, nonDisclosure: true }, true);
    expect(input).toMatchObject({
      nonDisclosure: true,
      streetAddress: null,
      postalCode: null,
      postOffice: null,
    });
  });

  it('sends only the identification fields for a user who sees identification only', () => {
    const input = toUpdateInput({ ...filled, identityCode: '131052-308T' }, false);
    expect(Object.keys(input).sort()).toEqual([
      'birthDate',
      'firstName',
      'language',
      'lastName',
      'municipality',
    ]);
  });
});
