import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function needsCsrfCheck(req: Request): boolean {
  return !SAFE_METHODS.has(req.method);
}

/**
 * The token a form or script sent: the `_csrf` field, else the X-CSRF-Token header. A
 * multipart form (a file upload) is read only after this check, so such a form carries
 * its token in the query of its action instead.
 */
export function submittedCsrfToken(req: Request): string | undefined {
  const body = req.body as Record<string, unknown> | undefined;
  const fromBody = body && typeof body._csrf === 'string' ? body._csrf : undefined;
  const header = req.headers['x-csrf-token'];
  const query = (req.query as Record<string, unknown> | undefined)?._csrf;
  const fromQuery = req.is('multipart/form-data') && typeof query === 'string' ? query : undefined;
  return fromBody ?? (typeof header === 'string' ? header : undefined) ?? fromQuery;
}

export function csrfTokensMatch(
  expected: string | undefined,
  submitted: string | undefined,
): boolean {
  if (!expected || !submitted) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(submitted);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function newCsrfToken(): string {
  return randomBytes(24).toString('base64url');
}
