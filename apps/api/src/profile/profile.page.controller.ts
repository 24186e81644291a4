import { Body, Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import {
  AccessTokenService,
  ALL_PERMISSIONS,
  Site,
  StaffUsersService,
  TOKEN_MAX_DAYS,
} from '@ohjaamo/identity';
import {
  AppConfig,
  type FieldError,
  I18nService,
  LANGUAGE_COOKIE,
  type Language,
} from '@ohjaamo/platform';
import type { Response } from 'express';
import { DataSource, In } from 'typeorm';
import { addDays, helsinkiDate, helsinkiDayStart } from '@ohjaamo/platform';
import { languageOptions } from '../admin/admin-options';
import { formErrors, text } from '../admin/form-errors';
import { IdParam, InvalidIdFilter } from '../api-v1/id-param';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest, RequestAuth } from '../auth/request-auth';
import { asList, parseForm, validationErrorsOf } from '../ui/form';
import { PageRenderer } from '../ui/page-renderer';
import { LanguageForm, PasswordForm, TokenForm } from './profile.form';
import { assertScopesWithinRequest } from './token-scopes';

const DEFAULT_TOKEN_DAYS = 90;

interface ProfileState {
  language: string;
  languageErrors: FieldError[];
  passwordErrors: FieldError[];
  token: { name: string; scopes: string[]; expiresOn: string };
  tokenErrors: FieldError[];
}

/** The signed-in user's own page: their data, language, password and access tokens. */
@ApiExcludeController()
@UseFilters(InvalidIdFilter)
@Controller('profile')
export class ProfilePageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly users: StaffUsersService,
    private readonly tokens: AccessTokenService,
    private readonly dataSource: DataSource,
    private readonly i18n: I18nService,
    private readonly config: AppConfig,
  ) {}

  @Allow('profile.manage')
  @Get()
  async show(@Req() req: AuthedRequest, @Res() res: Response): Promise<void> {
    await this.render(req, res, this.initialState(req.auth!), 200);
  }

  @Allow('profile.manage')
  @Post('language')
  async setLanguage(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const auth = req.auth!;
    const state = { ...this.initialState(auth), language: text(body.language) };
    const parsed = await parseForm(LanguageForm, body);
    if (!parsed.ok) return this.render(req, res, { ...state, languageErrors: parsed.errors }, 422);
    try {
      await this.users.setLanguage(auth.user.id, parsed.value.language as Language);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      return this.render(req, res, { ...state, languageErrors: errors }, 422);
    }
    res.cookie(LANGUAGE_COOKIE, parsed.value.language, {
      httpOnly: true,
      secure: this.config.COOKIE_SECURE,
      sameSite: 'lax',
      path: '/',
      maxAge: 365 * 24 * 3600 * 1000,
    });
    this.pages.flash(res, { kind: 'success', key: 'profile.languageSaved' });
    res.redirect(303, '/profile');
  }

  /** Other sessions of the user end; this one stays signed in. */
  @Allow('profile.manage')
  @Post('password')
  async changePassword(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const auth = req.auth!;
    const state = this.initialState(auth);
    const parsed = await parseForm(PasswordForm, body);
    if (!parsed.ok) return this.render(req, res, { ...state, passwordErrors: parsed.errors }, 422);
    const { currentPassword, newPassword, repeatPassword } = parsed.value;
    if (newPassword !== repeatPassword) {
      const mismatch: FieldError = {
        field: 'repeatPassword',
        code: 'passwordMismatch',
        messageKey: 'profile.passwordMismatch',
      };
      return this.render(req, res, { ...state, passwordErrors: [mismatch] }, 422);
    }
    try {
      await this.users.changePassword(
        auth.user.id,
        currentPassword,
        newPassword,
        auth.sessionToken,
      );
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      return this.render(req, res, { ...state, passwordErrors: errors }, 422);
    }
    this.pages.flash(res, { kind: 'success', key: 'profile.passwordChanged' });
    res.redirect(303, '/profile');
  }

  /** Creates a token and shows it once, on the answer to this request only. */
  @Allow('tokens.manage')
  @Post('tokens')
  async createToken(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const auth = req.auth!;
    const input = { ...body, scopes: asList(body.scopes) };
    const token = { name: text(body.name), scopes: input.scopes, expiresOn: text(body.expiresOn) };
    const state = { ...this.initialState(auth), token };
    const parsed = await parseForm(TokenForm, input);
    if (!parsed.ok) return this.render(req, res, { ...state, tokenErrors: parsed.errors }, 422);
    const day = parsed.value.expiresOn;
    const endOfDay = helsinkiDayStart(day) ? helsinkiDayStart(addDays(day, 1)) : null;
    const request = {
      name: parsed.value.name,
      scopes: parsed.value.scopes,
      expiresAt: endOfDay ?? new Date(NaN),
    };
    try {
      assertScopesWithinRequest(auth, request);
      const created = await this.tokens.create(auth.user, request);
      this.pages.render(
        req,
        res,
        'profile/token-created',
        {
          token: created.token,
          record: {
            name: created.record.name,
            scopes: created.record.scopes,
            expiresAt: created.record.expiresAt,
          },
        },
        { titleKey: 'profile.tokens.createdTitle', status: 201 },
      );
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      return this.render(req, res, { ...state, tokenErrors: errors }, 422);
    }
  }

  @Allow('tokens.manage')
  @Post('tokens/:id/revoke')
  async revokeToken(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
  ): Promise<void> {
    await this.tokens.revoke(req.auth!.user.id, id);
    this.pages.flash(res, { kind: 'success', key: 'profile.tokens.revoked' });
    res.redirect(303, '/profile');
  }

  private initialState(auth: RequestAuth): ProfileState {
    return {
      language: auth.user.language,
      languageErrors: [],
      passwordErrors: [],
      token: {
        name: '',
        scopes: [],
        expiresOn: addDays(helsinkiDate(new Date()), DEFAULT_TOKEN_DAYS),
      },
      tokenErrors: [],
    };
  }

  private async render(
    req: AuthedRequest,
    res: Response,
    state: ProfileState,
    status: number,
  ): Promise<void> {
    const auth = req.auth!;
    const user = auth.user;
    const canManageTokens = auth.permissions.has('tokens.manage');
    const [sites, tokens] = await Promise.all([
      auth.actor.siteIds.length
        ? this.dataSource
            .getRepository(Site)
            .find({ where: { id: In(auth.actor.siteIds) }, order: { name: 'ASC' } })
        : Promise.resolve([]),
      canManageTokens ? this.tokens.listForUser(user.id) : Promise.resolve([]),
    ]);
    const now = Date.now();
    const today = helsinkiDate(new Date());
    this.pages.render(
      req,
      res,
      'profile/profile',
      {
        me: {
          displayName: user.displayName,
          email: user.email,
          organisation: auth.organisationName,
          roles: user.roles,
          sites: sites.map((s) => s.name),
          mfa: user.totpEnabledAt !== null,
          lastSignInAt: user.lastSignInAt ?? '',
        },
        language: state.language,
        languageOptions: languageOptions(this.i18n),
        languageErrors: this.pages.errors(formErrors(state.languageErrors)),
        passwordErrors: this.pages.errors(formErrors(state.passwordErrors)),
        canManageTokens,
        tokens: tokens.map((t) => ({
          id: t.id,
          name: t.name,
          scopes: t.scopes,
          createdAt: t.createdAt,
          expiresAt: t.expiresAt,
          lastUsedAt: t.lastUsedAt ?? '',
          revokedAt: t.revokedAt ?? '',
          expired: t.expiresAt.getTime() <= now,
          live: t.revokedAt === null && t.expiresAt.getTime() > now,
        })),
        token: state.token,
        // Only permissions held in this request can be given to a new token.
        scopeOptions: ALL_PERMISSIONS.filter((p) => auth.permissions.has(p)).map((p) => ({
          value: p,
          // A permission added without a label yet still shows, by its code.
          label: this.i18n.has(`profile.scopes.${p}`)
            ? `${this.i18n.translate(`profile.scopes.${p}`)} (${p})`
            : p,
        })),
        tokenErrors: this.pages.errors(
          formErrors(
            state.tokenErrors.map((e) =>
              e.field === 'expiresAt' ? { ...e, field: 'expiresOn' } : e,
            ),
            ['scopes'],
          ),
        ),
        expiryMin: addDays(today, 1),
        expiryMax: addDays(today, TOKEN_MAX_DAYS - 1),
      },
      { titleKey: 'profile.title', status },
    );
  }
}
