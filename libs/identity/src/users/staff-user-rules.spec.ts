import { canonicalRoles, emailErrors, rolesErrors } from './staff-user-rules';

describe('staff user rules', () => {
  it('accepts plain e-mail addresses and refuses malformed ones', () => {
    expect(emailErrors('email', 'aino.virtanen@lahti.fi')).toEqual([]);
    for (const bad of ['aino', 'aino@', '@lahti.fi', 'aino@lahti', 'a b@lahti.fi', 'a@@lahti.fi']) {
      expect(emailErrors('email', bad)).toEqual([{ field: 'email', code: 'isEmail' }]);
    }
    expect(emailErrors('email', ' ')).toEqual([{ field: 'email', code: 'isNotEmpty' }]);
  });

  it('needs at least one known role', () => {
    expect(rolesErrors('roles', [])).toEqual([{ field: 'roles', code: 'arrayNotEmpty' }]);
    expect(rolesErrors('roles', ['adviser', 'superuser'])).toEqual([
      { field: 'roles.1', code: 'isIn' },
    ]);
  });

  it('orders roles the same way every time, without repeats', () => {
    expect(canonicalRoles(['admin', 'adviser', 'admin'])).toEqual(['adviser', 'admin']);
  });
});
