import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SessionService, SignInService, TotpService } from '@ohjaamo/identity';
import { I18nService } from '@ohjaamo/platform';
import type { Response } from 'express';
import { Public } from '../auth/access.decorators';
import type { AuthedRequest, RequestAuth } from '../auth/request-auth';
import { safeReturnPath } from '../auth/safe-return-path';
import { SessionCookies } from '../auth/session-cookie';
import { PageRenderer } from '../ui/page-renderer';
import { MfaForm } from './sign-in.dto';

/**
 * The second sign-in step: a TOTP or recovery code, or enrolment for a user whose role
 * requires two factors and who has none yet. Reachable only with a password-verified
 * session that still owes the second factor.
 */
@ApiExcludeController()
@Controller()
export class MfaController {
  constructor(
    private readonly totp: TotpService,
    private readonly sessions: SessionService,
    private readonly signIn: SignInService,
    private readonly cookies: SessionCookies,
    private readonly pages: PageRenderer,
    private readonly i18n: I18nService,
  ) {}

  @Public()
  @Get('sign-in/mfa')
  form(@Req() req: AuthedRequest, @Res() res: Response, @Query('return') returnTo?: string): void {
    if (!pending(req.auth)) return res.redirect(303, '/sign-in');
    this.pages.render(
      req,
      res,
      'sign-in-mfa',
      { failure: '', returnTo: safeReturnPath(returnTo) },
      {
        titleKey: 'auth.mfaTitle',
      },
    );
  }

  @Public()
  @Post('sign-in/mfa')
  async verify(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Body() form: MfaForm,
  ): Promise<void> {
    const auth = req.auth;
    if (!pending(auth) || !auth.user.totpEnabledAt) return res.redirect(303, '/sign-in');
    const returnTo = safeReturnPath(form.return);
    const code = form.code.trim();
    const ok = /^\d{6}$/.test(code)
      ? await this.totp.verify(auth.user.id, code)
      : await this.totp.useRecoveryCode(auth.user.id, code);
    if (!ok) {
      return this.pages.render(
        req,
        res,
        'sign-in-mfa',
        { failure: this.i18n.translate('auth.mfaFailed'), returnTo },
        {
          titleKey: 'auth.mfaTitle',
          status: 401,
        },
      );
    }
    await this.complete(auth, res);
    res.redirect(303, returnTo);
  }

  @Public()
  @Get('mfa/enrol')
  async enrolForm(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Query('return') returnTo?: string,
  ): Promise<void> {
    if (!pending(req.auth) || req.auth.user.totpEnabledAt) return res.redirect(303, '/sign-in');
    const enrolment = await this.totp.beginEnrolment(req.auth.user.id);
    this.pages.render(
      req,
      res,
      'mfa-enrol',
      { ...enrolment, failure: '', returnTo: safeReturnPath(returnTo) },
      {
        titleKey: 'auth.enrolTitle',
      },
    );
  }

  @Public()
  @Post('mfa/enrol')
  async enrol(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Body() form: MfaForm,
  ): Promise<void> {
    const auth = req.auth;
    if (!pending(auth) || auth.user.totpEnabledAt) return res.redirect(303, '/sign-in');
    const returnTo = safeReturnPath(form.return);
    const codes = await this.totp
      .confirmEnrolment(auth.user.id, form.code.trim())
      .catch(() => null);
    if (!codes) {
      const enrolment = await this.totp.beginEnrolment(auth.user.id);
      return this.pages.render(
        req,
        res,
        'mfa-enrol',
        { ...enrolment, failure: this.i18n.translate('auth.mfaFailed'), returnTo },
        { titleKey: 'auth.enrolTitle', status: 422 },
      );
    }
    await this.complete(auth, res);
    this.pages.render(
      req,
      res,
      'mfa-recovery-codes',
      { codes, returnTo },
      { titleKey: 'auth.recoveryTitle' },
    );
  }

  // The session id changes again once the second factor is given.
  private async complete(auth: RequestAuth, res: Response): Promise<void> {
    const token = await this.sessions.passMfa(auth.sessionToken!);
    this.cookies.setSession(res, token);
    // Forms on the page rendered next must carry the new session's CSRF token.
    const renewed = await this.sessions.resolve(token);
    if (renewed) Object.assign(auth, { session: renewed.session, sessionToken: token });
    await this.signIn.recordSignedIn(auth.user);
  }
}

function pending(auth: RequestAuth | undefined): auth is RequestAuth {
  return auth?.via === 'session' && !auth.session?.mfaPassed && Boolean(auth.sessionToken);
}
