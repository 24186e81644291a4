import type { FieldEncryption } from '@ohjaamo/platform';

// The blind index's purpose label: the same code hashes differently for another purpose.
const PURPOSE = 'identity_code';

/** The keyed hash an identity code is found by. Takes the normalised (upper-case) code. */
export function identityCodeBlindIndex(
  encryption: FieldEncryption,
  normalisedCode: string,
): string {
  return encryption.blindIndex(normalisedCode, PURPOSE);
}
