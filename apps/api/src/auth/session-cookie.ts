import type { AppConfig } from '@ohjaamo/platform';
import type { CookieOptions, Request, Response } from 'express';

/**
 * Cookie names and options in one place. With Secure cookies the __Host- prefix makes
 * the browser refuse any cookie not set by this exact origin over HTTPS.
 */
export class SessionCookies {
  readonly session: string;
  readonly preSessionCsrf: string;

  constructor(private readonly config: Pick<AppConfig, 'COOKIE_SECURE'>) {
    const prefix = config.COOKIE_SECURE ? '__Host-' : '';
    this.session = `${prefix}ohjaamo_session`;
    this.preSessionCsrf = `${prefix}ohjaamo_csrf`;
  }

  options(maxAgeMs?: number): CookieOptions {
    return {
      httpOnly: true,
      secure: this.config.COOKIE_SECURE,
      sameSite: 'lax',
      path: '/',
      ...(maxAgeMs ? { maxAge: maxAgeMs } : {}),
    };
  }

  read(req: Request, name: string): string | undefined {
    const value = (req.cookies as Record<string, string> | undefined)?.[name];
    return typeof value === 'string' && value.length > 0 && value.length <= 200 ? value : undefined;
  }

  setSession(res: Response, token: string): void {
    res.cookie(this.session, token, this.options());
  }

  clearSession(res: Response): void {
    res.clearCookie(this.session, this.options());
  }
}
