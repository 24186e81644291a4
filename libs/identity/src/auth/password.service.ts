import { Injectable } from '@nestjs/common';
import type { FieldError } from '@ohjaamo/platform';
import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import { passwordPolicyErrors, type PasswordContext } from './password-policy';

// OWASP's argon2id baseline (19 MiB, 2 passes): strong, and light enough that a morning
// rush of sign-ins does not exhaust an API process's memory.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

// Inputs longer than this are refused without hashing: hashing cost grows with length.
const MAX_INPUT_LENGTH = 1024;

/** Password hashing and the password policy. */
@Injectable()
export class PasswordService {
  private dummyHash?: Promise<string>;

  hash(password: string): Promise<string> {
    return argon2.hash(password, OPTIONS);
  }

  async verify(hash: string, password: string): Promise<boolean> {
    if (password.length > MAX_INPUT_LENGTH) return false;
    try {
      return await argon2.verify(hash, password);
    } catch {
      // A malformed stored hash is a failed check, not a crash of the sign-in page.
      return false;
    }
  }

  /**
   * Spends the same time as a real check, for callers that have no user to check against:
   * otherwise response time tells which e-mail addresses have accounts.
   */
  async verifyDummy(password: string): Promise<false> {
    this.dummyHash ??= this.hash(randomBytes(16).toString('base64url'));
    await this.verify(await this.dummyHash, password.slice(0, MAX_INPUT_LENGTH));
    return false;
  }

  /** True when a hash was made with older parameters and should be replaced at sign-in. */
  needsRehash(hash: string): boolean {
    try {
      // needsRehash compares costs only, not the variant.
      return !hash.startsWith('$argon2id$') || argon2.needsRehash(hash, OPTIONS);
    } catch {
      return true;
    }
  }

  policyErrors(password: string, context: PasswordContext, field = 'password'): FieldError[] {
    return passwordPolicyErrors(password, context, field);
  }
}
