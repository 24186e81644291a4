import { checkEvidence, EVIDENCE_MAX_BYTES } from './evidence-check';

describe('checkEvidence', () => {
  it('recognises PDF, PNG and JPEG by their first bytes', () => {
    expect(checkEvidence(Buffer.from('%PDF-1.7\n')).mime).toBe('application/pdf');
    expect(
      checkEvidence(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])).mime,
    ).toBe('image/png');
    expect(checkEvidence(Buffer.from([0xff, 0xd8, 0xff, 0xe0])).mime).toBe('image/jpeg');
  });

  it('refuses anything else, whatever it is called', () => {
    expect(checkEvidence(Buffer.from('<html>')).errors[0].code).toBe('evidenceType');
  });

  it('refuses more than 10 MB', () => {
    const big = Buffer.alloc(EVIDENCE_MAX_BYTES + 1);
    big.write('%PDF-');
    expect(checkEvidence(big).errors[0].code).toBe('evidenceTooLarge');
  });
});
