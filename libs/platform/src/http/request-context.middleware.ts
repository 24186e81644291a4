import type { NextFunction, Request, Response } from 'express';
import type { AppConfig } from '../config/app-config';
import { requestContext } from '../context/request-context';
import { requestIdFrom } from '../context/request-id';
import { resolveLanguage } from '../i18n/i18n.service';

export const LANGUAGE_COOKIE = 'lang';

/**
 * Opens the request's context: its id (echoed as X-Request-Id) and language. Identity
 * fills in the actor, and may refine the language from the user's own setting, later
 * in the same request.
 */
export function requestContextMiddleware(config: Pick<AppConfig, 'DEFAULT_LANGUAGE'>) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const id = requestIdFrom(req.headers['x-request-id']);
    (req as Request & { id: string }).id = id;
    res.setHeader('X-Request-Id', id);
    const cookies = ((req as Request & { cookies?: unknown }).cookies ?? {}) as Record<
      string,
      string | undefined
    >;
    const language = resolveLanguage({
      cookie: cookies[LANGUAGE_COOKIE],
      acceptLanguage: req.headers['accept-language'],
      fallback: config.DEFAULT_LANGUAGE,
    });
    requestContext.run({ requestId: id, language, ip: req.ip }, () => next());
  };
}
