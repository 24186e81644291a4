/** The TOTP code an authenticator app would show for `secret`, `offsetSeconds` from now. */
export async function totpCode(secret: string, offsetSeconds = 0): Promise<string> {
  const otplib = await import('otplib');
  return otplib.generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });
}
