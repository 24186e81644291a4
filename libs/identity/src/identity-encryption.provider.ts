import type { FactoryProvider } from '@nestjs/common';
import { AppConfig, FieldEncryption } from '@ohjaamo/platform';

/** FieldEncryption keyed with DATA_ENCRYPTION_KEY; boot fails clearly without one. */
export const FIELD_ENCRYPTION_PROVIDER: FactoryProvider<FieldEncryption> = {
  provide: FieldEncryption,
  inject: [AppConfig],
  useFactory: (config: AppConfig) => {
    if (!config.DATA_ENCRYPTION_KEY) {
      throw new Error(
        'DATA_ENCRYPTION_KEY is not set: the identity module needs it to encrypt TOTP secrets ' +
          '(32 random bytes in base64, e.g. `openssl rand -base64 32`)',
      );
    }
    return new FieldEncryption(config.DATA_ENCRYPTION_KEY);
  },
};
