import { Injectable } from '@nestjs/common';
import {
  AppConfig,
  FieldError,
  I18nService,
  requestContext,
  TranslatedFieldError,
  translateFieldError,
} from '@ohjaamo/platform';
import type { Request, Response } from 'express';
import type { AuthedRequest } from '../auth/request-auth';
import { newCsrfToken } from '../auth/csrf';
import { SessionCookies } from '../auth/session-cookie';
import { FlashMessage, setFlash, takeFlash } from './flash';
import { NAVIGATION } from './navigation';
import { LayoutData, ViewRenderer } from './view-renderer';

export interface PageOptions {
  titleKey: string;
  titleParams?: Record<string, string | number>;
  scripts?: string[];
  status?: number;
}

/**
 * Renders a full page for the current request: the layout with the user's navigation,
 * the CSRF token for its forms, flash messages, and the language of the request.
 */
@Injectable()
export class PageRenderer {
  constructor(
    private readonly views: ViewRenderer,
    private readonly i18n: I18nService,
    private readonly cookies: SessionCookies,
    private readonly config: AppConfig,
  ) {}

  render(
    req: Request,
    res: Response,
    page: string,
    data: Record<string, unknown>,
    options: PageOptions,
  ): void {
    const layout = this.layout(req, res, options);
    res.status(options.status ?? 200);
    // Pages can show personal data: never store them in any cache.
    res.setHeader('Cache-Control', 'no-store');
    res.type('html').send(this.views.render(page, data, layout));
  }

  /** Field errors in the page's language, for the error summary and the field partials. */
  errors(errors: FieldError[]): TranslatedFieldError[] {
    return errors.map((e) => translateFieldError(this.i18n, e));
  }

  flash(res: Response, message: FlashMessage): void {
    setFlash(res, message, this.config.COOKIE_SECURE);
  }

  layout(req: Request, res: Response, options: PageOptions): LayoutData {
    const auth = (req as AuthedRequest).auth;
    const language = requestContext.current()?.language ?? this.config.DEFAULT_LANGUAGE;
    const visible = auth
      ? NAVIGATION.filter(
          (item) => item.permission === 'signed_in' || auth.permissions.has(item.permission),
        )
      : [];
    const current = currentHref(
      req.path,
      visible.map((item) => item.href),
    );
    const navigation = visible.map((item) => ({
      href: item.href,
      labelKey: item.labelKey,
      current: item.href === current,
    }));
    const layout = {
      language,
      // Counted by the notifications interceptor for signed-in page requests.
      unreadNotifications:
        (req as unknown as { unreadNotifications?: number }).unreadNotifications ?? 0,
      title: this.i18n.translate(options.titleKey, options.titleParams ?? {}, language),
      csrfToken: auth?.session?.csrfToken ?? this.preSessionCsrf(req, res),
      user: auth
        ? {
            displayName: auth.user.displayName,
            organisationName: auth.organisationName,
            roles: auth.user.roles,
          }
        : null,
      navigation,
      flash: takeFlash(req, res).map((m) => ({
        kind: m.kind,
        message: this.i18n.translate(m.key, m.params ?? {}, language),
      })),
      currentPath: encodeURIComponent(req.originalUrl.slice(0, 300)),
      scripts: options.scripts ?? [],
    };
    return layout;
  }

  // Anonymous forms (sign-in) use a double-submit token bound to a cookie.
  private preSessionCsrf(req: Request, res: Response): string {
    const existing = this.cookies.read(req, this.cookies.preSessionCsrf);
    if (existing) return existing;
    const token = newCsrfToken();
    res.cookie(this.cookies.preSessionCsrf, token, this.cookies.options());
    return token;
  }
}

// The entry the page belongs to: the longest href that is the path or a parent of it
// (so /desk/board marks "Queue board", not also "Front desk").
function currentHref(path: string, hrefs: string[]): string | undefined {
  const matching = hrefs.filter((href) =>
    href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`),
  );
  return matching.sort((a, b) => b.length - a.length)[0];
}
