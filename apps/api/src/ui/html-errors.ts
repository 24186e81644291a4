import type { ErrorBody } from '@ohjaamo/platform';
import type { NextFunction, Request, Response } from 'express';
import type { PageRenderer } from './page-renderer';

/**
 * Lets the global error filter answer browser pages with pages: an unauthenticated
 * visitor goes to sign-in (and back afterwards), other errors get a translated page.
 * API routes keep their JSON answers.
 */
export function htmlErrorsMiddleware(pages: PageRenderer) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.path.startsWith('/api/') || req.path.startsWith('/health') || req.path === '/metrics')
      return next();
    (req as Request & { renderError?: (body: ErrorBody) => boolean }).renderError = (body) => {
      if (body.statusCode === 401) {
        const target = body.error === 'mfa_required' ? '/sign-in/mfa' : '/sign-in';
        const back = req.method === 'GET' ? `?return=${encodeURIComponent(req.originalUrl)}` : '';
        res.redirect(303, target + back);
        return true;
      }
      pages.render(
        req,
        res,
        'error',
        { error: body },
        { titleKey: 'ui.errorPageTitle', status: body.statusCode },
      );
      return true;
    };
    next();
  };
}
