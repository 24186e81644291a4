import { createHash } from 'node:crypto';

/**
 * Deterministic ids for demo rows (a name-based UUID), so loading the data set twice
 * finds the same rows and changes nothing.
 */
export function demoId(name: string): string {
  const hex = createHash('sha1').update(`ohjaamo-demo:${name}`).digest('hex');
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `5${hex.slice(13, 16)}`,
    ((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16) + hex.slice(18, 20),
    hex.slice(20, 32),
  ].join('-');
}
