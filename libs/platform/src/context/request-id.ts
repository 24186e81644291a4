import { randomUUID } from 'node:crypto';

// Accept a caller's id (from a proxy) only when it looks like an id, never free text.
const SAFE_ID = /^[A-Za-z0-9._-]{8,64}$/;

export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && SAFE_ID.test(value) ? value : randomUUID();
}
