import { passwordPolicyErrors } from './password-policy';

const context = { email: 'aino.virtanen@ohjaamo.fi', displayName: 'Aino Virtanen' };
const codes = (password: unknown, ctx = context): string[] =>
  passwordPolicyErrors(password, ctx).map((e) => e.code);

describe('password policy', () => {
  it('accepts a long, unusual passphrase', () => {
    expect(passwordPolicyErrors('kesäinen sadepäivä Lahdessa', context)).toEqual([]);
  });

  it('refuses fewer than 12 code points and says the minimum', () => {
    expect(passwordPolicyErrors('short pass1', context)).toEqual([
      {
        field: 'password',
        code: 'passwordTooShort',
        messageKey: 'identity.passwordTooShort',
        params: { min: 12 },
      },
    ]);
  });

  it('counts code points, not UTF-16 units: six emoji are six characters', () => {
    expect(codes('😀😁😂🤣😃😄')).toEqual(['passwordTooShort']);
    expect(codes('😀😁😂🤣😃😄😅😆😉😊😋😎')).toEqual([]);
  });

  it('refuses more than 128 code points', () => {
    const sixteen = 'Kolme pientä ku,';
    expect(codes(sixteen.repeat(8) + 'x')).toEqual(['passwordTooLong']);
    expect(codes(sixteen.repeat(8))).toEqual([]);
  });

  it('refuses a password containing the e-mail local part, in any case', () => {
    expect(codes('my-AINO.VIRTANEN-secret')).toEqual(['passwordContainsEmail']);
  });

  it('ignores a very short local part', () => {
    expect(codes('jk-is-my-long-secret', { email: 'jk@ohjaamo.fi', displayName: 'J K' })).toEqual(
      [],
    );
  });

  it('refuses the display name itself, ignoring case and spaces', () => {
    expect(
      codes('Aino  Maria Virtanen', { email: 'a@b.fi', displayName: 'aino maria virtanen' }),
    ).toEqual(['passwordIsName']);
  });

  it('refuses common and repetitive passwords', () => {
    expect(codes('Salasana1234')).toEqual(['passwordTooCommon']);
    expect(codes('password1234')).toEqual(['passwordTooCommon']);
    expect(codes('aaaaaaaaaaaaaaa')).toEqual(['passwordTooCommon']);
    expect(codes('abababababababab')).toEqual(['passwordTooCommon']);
  });

  it('names the field it is given and refuses a missing password', () => {
    expect(passwordPolicyErrors('', context, 'newPassword')).toEqual([
      { field: 'newPassword', code: 'isNotEmpty' },
    ]);
    expect(codes(undefined)).toEqual(['isNotEmpty']);
  });
});
