import { I18nService } from '@ohjaamo/platform';
import { ROLES } from '../users/role';
import { ALL_PERMISSIONS, PERMISSIONS, permissionsOf } from './permissions';

describe('permissions', () => {
  it('name only known roles', () => {
    for (const roles of Object.values(PERMISSIONS)) {
      for (const role of roles) expect(ROLES).toContain(role);
    }
  });

  it('give coordinators no access to individual client records', () => {
    const held = permissionsOf(['coordinator']);
    expect(
      [...held].filter((p) => /^(clients|record|visits|plans|outcomes|consent)\./.test(p)),
    ).toEqual([]);
  });

  it('each have a label in Finnish, Swedish and English (shown when creating tokens)', () => {
    const i18n = new I18nService();
    const missing = ALL_PERMISSIONS.flatMap((permission) =>
      (['fi', 'sv', 'en'] as const)
        .filter((language) => !i18n.has(`profile.scopes.${permission}`, language))
        .map((language) => `${permission} (${language})`),
    );
    expect(missing).toEqual([]);
  });
});
