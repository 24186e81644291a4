import { Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { I18nService, type TranslationParams } from '@ohjaamo/platform';
import type { Response } from 'express';
import { IdParam, InvalidIdFilter } from '../api-v1/id-param';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import { PageRenderer } from '../ui/page-renderer';
import { NotificationInbox } from './notification-inbox';

/** The staff inbox: reminders and notices, newest first. Forms carry the CSRF token. */
@ApiExcludeController()
@UseFilters(InvalidIdFilter)
@Controller('notifications')
export class NotificationsPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly inbox: NotificationInbox,
    private readonly i18n: I18nService,
  ) {}

  @Allow('notifications.read')
  @Get()
  async show(@Req() req: AuthedRequest, @Res() res: Response): Promise<void> {
    const rows = await this.inbox.latest(req.auth!.user.id);
    const notifications = rows.map((n) => ({
      id: n.id,
      // Translated when shown, from ids and numbers only.
      message: this.i18n.translate(n.messageKey, n.params as TranslationParams),
      link: n.link && n.link.startsWith('/') ? n.link : null,
      createdAt: n.createdAt,
      unread: n.readAt === null,
    }));
    this.pages.render(
      req,
      res,
      'notifications/inbox',
      { notifications, anyUnread: notifications.some((n) => n.unread) },
      { titleKey: 'notifications.title' },
    );
  }

  @Allow('notifications.read')
  @Post(':id/read')
  async markRead(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam('id') id: string,
  ): Promise<void> {
    await this.inbox.markRead(req.auth!.user.id, id);
    res.redirect(303, '/notifications');
  }

  @Allow('notifications.read')
  @Post('read-all')
  async markAllRead(@Req() req: AuthedRequest, @Res() res: Response): Promise<void> {
    await this.inbox.markAllRead(req.auth!.user.id);
    this.pages.flash(res, { kind: 'success', key: 'notifications.allMarkedRead' });
    res.redirect(303, '/notifications');
  }
}
