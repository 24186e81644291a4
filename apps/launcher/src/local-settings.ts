import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Settings the zero-config start fills in when the environment leaves them empty, so a
 * fresh checkout runs with one command. The encryption key is generated once and kept
 * next to the embedded database (losing it would make encrypted fields unreadable).
 */
export function localDefaults(
  env: NodeJS.ProcessEnv,
  secretsFile: string,
): { env: NodeJS.ProcessEnv; notes: string[] } {
  const out = { ...env };
  const notes: string[] = [];
  if (!out.DATA_ENCRYPTION_KEY) {
    out.DATA_ENCRYPTION_KEY = readOrCreateKey(secretsFile);
    notes.push(
      `Encryption key for local data: ${secretsFile} (set DATA_ENCRYPTION_KEY in production).`,
    );
  }
  if (!out.MFA_REQUIRED_ROLES && out.NODE_ENV !== 'production') {
    // The demo log-ins should work without an authenticator app; a real deployment
    // keeps the default (two factors for every role that reads client records).
    out.MFA_REQUIRED_ROLES = 'none';
    notes.push(
      'Two-factor sign-in is optional in this local run; set MFA_REQUIRED_ROLES to require it.',
    );
  }
  return { env: out, notes };
}

function readOrCreateKey(file: string): string {
  if (existsSync(file)) {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { dataEncryptionKey?: string };
    if (parsed.dataEncryptionKey) return parsed.dataEncryptionKey;
  }
  const key = randomBytes(32).toString('base64');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ dataEncryptionKey: key }, null, 2), { mode: 0o600 });
  return key;
}
