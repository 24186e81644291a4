import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../shared/secrets';

// Crockford's base32: no I, L, O or U, so a code read aloud or off paper is unambiguous.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const GROUPS = 3;
const GROUP_LENGTH = 4;

export const RECOVERY_CODE_COUNT = 10;

/** A fresh code such as "7k2m-q9xd-4hw1": 60 random bits. */
export function generateRecoveryCode(): string {
  const bytes = randomBytes(GROUPS * GROUP_LENGTH);
  // 256 is a multiple of 32, so masking keeps every character equally likely.
  const chars = [...bytes].map((b) => ALPHABET[b & 31]);
  const groups: string[] = [];
  for (let i = 0; i < GROUPS; i++) {
    groups.push(chars.slice(i * GROUP_LENGTH, (i + 1) * GROUP_LENGTH).join(''));
  }
  return groups.join('-');
}

/**
 * The canonical form of a typed code, or null when it cannot be one: case, spaces and
 * dashes do not matter, and the look-alikes o, i and l read as 0, 1 and 1.
 */
export function normaliseRecoveryCode(input: string): string | null {
  const compact = input
    .toLowerCase()
    .replace(/[\s-]/g, '')
    .replace(/o/g, '0')
    .replace(/[il]/g, '1');
  const valid = new RegExp(`^[${ALPHABET}]{${GROUPS * GROUP_LENGTH}}$`);
  return valid.test(compact) ? compact : null;
}

/** What is stored: the SHA-256 of the canonical form (60 random bits need no slow hash). */
export function hashRecoveryCode(canonical: string): string {
  return sha256Hex(canonical);
}
