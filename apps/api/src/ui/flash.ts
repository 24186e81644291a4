import type { Request, Response } from 'express';

const COOKIE = 'ohjaamo_flash';

export interface FlashMessage {
  kind: 'success' | 'error' | 'info';
  /** Translation key and parameters; never personal data (the cookie is not encrypted). */
  key: string;
  params?: Record<string, string | number>;
}

/** One-shot messages shown on the next page ("User created"), carried in a cookie. */
export function setFlash(res: Response, message: FlashMessage, secure: boolean): void {
  res.cookie(COOKIE, JSON.stringify(message), {
    httpOnly: true,
    secure,
    sameSite: 'lax',
    path: '/',
    maxAge: 60_000,
  });
}

export function takeFlash(req: Request, res: Response): FlashMessage[] {
  const raw = (req.cookies as Record<string, string> | undefined)?.[COOKIE];
  if (!raw) return [];
  res.clearCookie(COOKIE, { path: '/' });
  try {
    const parsed = JSON.parse(raw) as Partial<FlashMessage>;
    if (
      typeof parsed.key !== 'string' ||
      !['success', 'error', 'info'].includes(String(parsed.kind))
    )
      return [];
    return [{ kind: parsed.kind as FlashMessage['kind'], key: parsed.key, params: parsed.params }];
  } catch {
    return [];
  }
}
