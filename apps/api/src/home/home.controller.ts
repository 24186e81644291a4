import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Site, StaffUsersService } from '@ohjaamo/identity';
import { AppConfig, isLanguage, LANGUAGE_COOKIE } from '@ohjaamo/platform';
import type { Response } from 'express';
import { DataSource, In } from 'typeorm';
import { Public, SignedIn } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import { safeReturnPath } from '../auth/safe-return-path';
import { PageRenderer } from '../ui/page-renderer';

@ApiExcludeController()
@Controller()
export class HomeController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly users: StaffUsersService,
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  @SignedIn()
  @Get()
  async home(@Req() req: AuthedRequest, @Res() res: Response): Promise<void> {
    const auth = req.auth!;
    const sites = auth.actor.siteIds.length
      ? await this.dataSource
          .getRepository(Site)
          .find({ where: { id: In(auth.actor.siteIds) }, order: { name: 'ASC' } })
      : [];
    this.pages.render(
      req,
      res,
      'home',
      {
        name: auth.user.displayName,
        organisation: auth.organisationName,
        roles: auth.user.roles,
        sites,
      },
      { titleKey: 'home.title' },
    );
  }

  /**
   * The fi/sv/en switch. A plain link so it works everywhere; it only sets a preference
   * (the cookie, and the signed-in user's own setting), nothing else.
   */
  @Public()
  @Get('language/:lang')
  async switchLanguage(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Param('lang') lang: string,
    @Query('return') returnTo?: string,
  ): Promise<void> {
    if (isLanguage(lang)) {
      res.cookie(LANGUAGE_COOKIE, lang, {
        httpOnly: true,
        secure: this.config.COOKIE_SECURE,
        sameSite: 'lax',
        path: '/',
        maxAge: 365 * 24 * 3600 * 1000,
      });
      if (req.auth) await this.users.setLanguage(req.auth.user.id, lang);
    }
    res.redirect(303, safeReturnPath(returnTo));
  }
}
