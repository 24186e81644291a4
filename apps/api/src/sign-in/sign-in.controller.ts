import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AuditService } from '@ohjaamo/audit';
import { SessionService, SignInService } from '@ohjaamo/identity';
import { AppConfig, I18nService } from '@ohjaamo/platform';
import type { Response } from 'express';
import { Public } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import { safeReturnPath } from '../auth/safe-return-path';
import { SessionCookies } from '../auth/session-cookie';
import { PageRenderer } from '../ui/page-renderer';
import { SignInForm } from './sign-in.dto';

/** The sign-in and sign-out pages. Two-factor steps are in MfaController. */
@ApiExcludeController()
@Controller()
export class SignInController {
  constructor(
    private readonly signIn: SignInService,
    private readonly sessions: SessionService,
    private readonly cookies: SessionCookies,
    private readonly pages: PageRenderer,
    private readonly i18n: I18nService,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  @Public()
  @Get('sign-in')
  form(@Req() req: AuthedRequest, @Res() res: Response, @Query('return') returnTo?: string): void {
    if (req.auth?.session?.mfaPassed) return res.redirect(303, safeReturnPath(returnTo));
    this.pages.render(
      req,
      res,
      'sign-in',
      { email: '', failure: '', returnTo: safeReturnPath(returnTo) },
      {
        titleKey: 'auth.signInTitle',
      },
    );
  }

  @Public()
  @Post('sign-in')
  async submit(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Body() form: SignInForm,
  ): Promise<void> {
    const returnTo = safeReturnPath(form.return);
    const result = await this.signIn.attempt({
      email: form.email,
      password: form.password,
      ip: req.ip ?? 'unknown',
    });
    if (result.outcome !== 'signed_in') {
      const failure =
        result.outcome === 'throttled'
          ? this.i18n.translate('auth.throttled', {
              minutes: Math.max(1, Math.ceil(result.retryAfterSeconds / 60)),
            })
          : this.i18n.translate('auth.signInFailed', { minutes: this.config.LOCKOUT_MINUTES });
      return this.pages.render(
        req,
        res,
        'sign-in',
        { email: form.email, failure, returnTo },
        {
          titleKey: 'auth.signInTitle',
          status: result.outcome === 'throttled' ? 429 : 401,
        },
      );
    }
    // A new session id at every sign-in: any session the browser had before is ended.
    if (req.auth?.sessionToken) await this.sessions.end(req.auth.sessionToken);
    const secondFactor = result.mfaRequired || result.mfaEnrolled;
    const { token } = await this.sessions.create(result.user.id, { mfaPassed: !secondFactor });
    this.cookies.setSession(res, token);
    res.clearCookie(this.cookies.preSessionCsrf, this.cookies.options());
    if (!secondFactor) {
      await this.signIn.recordSignedIn(result.user);
      return res.redirect(303, returnTo);
    }
    const next = result.mfaEnrolled ? '/sign-in/mfa' : '/mfa/enrol';
    res.redirect(303, `${next}?return=${encodeURIComponent(returnTo)}`);
  }

  @Public()
  @Post('sign-out')
  async signOut(@Req() req: AuthedRequest, @Res() res: Response): Promise<void> {
    if (req.auth?.sessionToken) {
      await this.sessions.end(req.auth.sessionToken);
      await this.audit.record({
        action: 'auth.sign_out',
        outcome: 'success',
        subjectType: 'user',
        subjectId: req.auth.user.id,
      });
    }
    this.cookies.clearSession(res);
    this.pages.flash(res, { kind: 'success', key: 'auth.signedOut' });
    res.redirect(303, '/sign-in');
  }
}
