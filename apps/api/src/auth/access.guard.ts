import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuditService } from '@ohjaamo/audit';
import { SessionService } from '@ohjaamo/identity';
import { AppConfig, DomainError, requestContext } from '@ohjaamo/platform';
import { ACCESS_METADATA, AccessRule } from './access.decorators';
import { Authenticator } from './authenticator';
import { csrfTokensMatch, needsCsrfCheck, submittedCsrfToken } from './csrf';
import type { AuthedRequest, RequestAuth } from './request-auth';
import { SessionCookies } from './session-cookie';

/**
 * The global guard. Default deny: a route that declares no access rule is refused.
 * Then: authenticate, require the second factor where configured, check CSRF on every
 * unsafe request (signed-in or not), check the permission, and record the actor in the
 * request context for services and the audit log.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('AccessGuard');
  private readonly mfaRoles: string[];

  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    private readonly audit: AuditService,
    private readonly cookies: SessionCookies,
    private readonly sessions: SessionService,
    config: AppConfig,
  ) {
    this.mfaRoles = config.MFA_REQUIRED_ROLES.split(',').filter((r) => r && r !== 'none');
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    if (!rule) {
      this.logger.error(
        { route: `${context.getClass().name}.${context.getHandler().name}` },
        'route without access rule',
      );
      throw new DomainError('forbidden', 'forbidden');
    }

    const auth = await this.authenticator.authenticate(req);
    if (auth === 'token_invalid') {
      await this.audit.record({ action: 'auth.token_rejected', outcome: 'denied' });
      throw new DomainError('unauthorized', 'token_invalid');
    }
    if (auth) this.attach(req, auth);
    else await this.forgetStaleSession(req);

    if (needsCsrfCheck(req) && auth?.via !== 'token') await this.checkCsrf(req, auth);

    if (rule.kind === 'public') return true;
    if (!auth) throw new DomainError('unauthorized', 'unauthorized');
    if (this.mfaPending(auth)) throw new DomainError('unauthorized', 'mfa_required');
    if (rule.kind === 'signed_in') return true;
    if (rule.permissions.some((p) => auth.permissions.has(p))) return true;

    await this.audit.record({
      action: 'access.denied',
      outcome: 'denied',
      details: {
        route: req.route ? `${req.method} ${(req.route as { path: string }).path}` : req.method,
        required: rule.permissions,
      },
    });
    throw new DomainError('forbidden', 'forbidden');
  }

  // A cookie whose session is over (signed out, timed out, user deactivated): record why
  // once, and drop the cookie so the browser stops sending it.
  private async forgetStaleSession(req: AuthedRequest): Promise<void> {
    const token = this.cookies.read(req, this.cookies.session);
    if (!token) return;
    const rejection = await this.sessions.rejection(token);
    if (rejection) {
      await this.audit.record({
        action: 'auth.session_expired',
        outcome: 'denied',
        actor: null,
        subjectType: 'user',
        subjectId: rejection.userId,
        details: { reason: rejection.reason },
      });
    }
    if (req.res) this.cookies.clearSession(req.res);
  }

  /** Signed in with the password but the second factor is still owed. */
  private mfaPending(auth: RequestAuth): boolean {
    if (auth.via !== 'session' || auth.session?.mfaPassed) return false;
    return auth.user.roles.some((role) => this.mfaRoles.includes(role));
  }

  private attach(req: AuthedRequest, auth: RequestAuth): void {
    req.auth = auth;
    const context = requestContext.current();
    if (context) {
      context.actor = auth.actor;
      context.language = auth.user.language;
    }
  }

  // Signed-in forms carry the session's token; the sign-in form itself carries a token
  // bound to a pre-session cookie (double submit), which stops login CSRF.
  private async checkCsrf(req: AuthedRequest, auth: RequestAuth | null): Promise<void> {
    const expected =
      auth?.session?.csrfToken ?? this.cookies.read(req, this.cookies.preSessionCsrf);
    const submitted = submittedCsrfToken(req);
    const body = req.body as Record<string, unknown> | undefined;
    if (body && typeof body === 'object') delete body._csrf;
    if (!csrfTokensMatch(expected, submitted)) {
      await this.audit.record({
        action: 'access.csrf_rejected',
        outcome: 'denied',
        details: { method: req.method, path: req.path },
      });
      throw new DomainError('forbidden', 'csrf_rejected');
    }
  }
}
