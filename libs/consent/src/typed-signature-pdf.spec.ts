import { sniffEvidenceType } from './evidence-check';
import { typedSignaturePdf } from './typed-signature-pdf';

describe('typedSignaturePdf', () => {
  const pdf = typedSignaturePdf(['Nimi: Äijä Öhman (testi)', 'Vahvistettu 1.2.2026 klo 10.00']);
  const text = pdf.toString('latin1');

  it('is recognised as PDF evidence', () => {
    expect(sniffEvidenceType(pdf)).toBe('application/pdf');
  });

  it('carries the lines with Finnish letters and escaped parentheses', () => {
    expect(text).toContain("(Nimi: \xc4ij\xe4 \xd6hman \\(testi\\)) '");
  });

  it('has a cross-reference table pointing at each object', () => {
    const start = Number(/startxref\n(\d+)/.exec(text)![1]);
    expect(text.slice(start, start + 4)).toBe('xref');
    const offsets = [...text.matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(5);
    offsets.forEach((o, i) => expect(text.slice(o, o + 7)).toBe(`${i + 1} 0 obj`));
  });
});
