import type * as Otplib from 'otplib';

// otplib's default plugins (@scure/base, @noble/hashes) are ES modules only. Loading it on
// first use keeps every importer of this library (entity lists, CLIs, test suites) from
// paying for it, or failing on it where ES modules cannot be required.
let loaded: Promise<typeof Otplib> | undefined;
const otplib = (): Promise<typeof Otplib> => (loaded ??= import('otplib'));

export const TOTP_ISSUER = 'Ohjaamo';
// One 30-second step either side: tolerates a phone clock a little off, nothing more.
const EPOCH_TOLERANCE_SECONDS = 30;

/** A new base32 secret (20 random bytes, as authenticator apps expect). */
export async function newTotpSecret(): Promise<string> {
  return (await otplib()).generateSecret();
}

export async function totpUri(secret: string, label: string): Promise<string> {
  return (await otplib()).generateURI({ issuer: TOTP_ISSUER, label, secret });
}

/**
 * The time step `token` matches within ±1 step of now, later than `afterStep`; null when
 * there is none.
 */
export async function matchTotpStep(
  secret: string,
  token: string,
  afterStep: number | null,
): Promise<number | null> {
  try {
    const result = await (
      await otplib()
    ).verify({
      secret,
      token,
      epochTolerance: EPOCH_TOLERANCE_SECONDS,
      afterTimeStep: afterStep ?? undefined,
    });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  } catch {
    // otplib throws when the last accepted step lies beyond the window (clock moved back).
    return null;
  }
}
