import type { FieldError } from '@ohjaamo/platform';

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

// Recognised by content, not by the name or type the browser claims.
const SIGNATURES: { mime: string; magic: number[] }[] = [
  { mime: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { mime: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
];

export function sniffEvidenceType(content: Buffer): string | null {
  const match = SIGNATURES.find((s) => s.magic.every((byte, i) => content[i] === byte));
  return match?.mime ?? null;
}

/** The evidence's type, or the field errors that refuse it. */
export function checkEvidence(content: Buffer | undefined): {
  mime?: string;
  errors: FieldError[];
} {
  const error = (code: string): FieldError => ({
    field: 'file',
    code,
    messageKey: `consent.fieldErrors.${code}`,
  });
  if (!content || content.length === 0) return { errors: [error('evidenceMissing')] };
  if (content.length > EVIDENCE_MAX_BYTES) return { errors: [error('evidenceTooLarge')] };
  const mime = sniffEvidenceType(content);
  if (!mime) return { errors: [error('evidenceType')] };
  return { mime, errors: [] };
}
