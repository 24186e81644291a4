import { I18nService, resolveLanguage } from './i18n.service';

describe('translations', () => {
  it('have the same keys in Finnish, Swedish and English', () => {
    const fi = I18nService.keys('fi');
    expect(I18nService.keys('sv')).toEqual(fi);
    expect(I18nService.keys('en')).toEqual(fi);
  });

  it('fill in parameters and fall back to the key when missing', () => {
    const i18n = new I18nService();
    expect(i18n.translate('validation.min', { min: 10 }, 'en')).toBe('Must be at least 10.');
    expect(i18n.translate('no.such.key', {}, 'sv')).toBe('no.such.key');
  });
});

describe('resolveLanguage', () => {
  it('prefers the user setting, then the cookie, then Accept-Language, then the default', () => {
    expect(
      resolveLanguage({ userSetting: 'en', cookie: 'sv', acceptLanguage: 'fi', fallback: 'fi' }),
    ).toBe('en');
    expect(resolveLanguage({ cookie: 'sv', acceptLanguage: 'en', fallback: 'fi' })).toBe('sv');
    expect(
      resolveLanguage({ acceptLanguage: 'de-DE, sv-FI;q=0.8, en;q=0.9', fallback: 'fi' }),
    ).toBe('en');
    expect(resolveLanguage({ acceptLanguage: 'de, fr', fallback: 'fi' })).toBe('fi');
    expect(resolveLanguage({ cookie: 'xx', acceptLanguage: '', fallback: 'sv' })).toBe('sv');
  });
});

describe('error messages of domain areas', () => {
  it('finds a code under errors, else under the area that defines it', () => {
    const i18n = new I18nService();
    expect(i18n.errorKey('conflict')).toBe('errors.conflict');
    expect(i18n.errorKey('visit_not_logged_by_you')).toBe('visits.errors.visit_not_logged_by_you');
    expect(i18n.errorKey('no_such_code')).toBeUndefined();
  });
});
