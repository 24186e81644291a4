import type { Response } from 'express';

/**
 * Sends the printable consent form. The form is a standalone document with its own print
 * styles and no scripts, so its policy allows inline styles and nothing else.
 */
export function sendConsentForm(res: Response, html: string): void {
  res.status(200);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader(
    'Content-Security-Policy',
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
  );
  res.type('html').send(html);
}
