import { Controller, Get, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import { NotificationInbox } from './notification-inbox';

@ApiTags('notifications')
@Controller('api/v1/notifications')
export class NotificationsApiController {
  constructor(private readonly inbox: NotificationInbox) {}

  /** The signed-in user's unread count, for the navigation badge. */
  @Allow('notifications.read')
  @Get('unread-count')
  async unreadCount(@Req() req: AuthedRequest): Promise<{ unread: number }> {
    return { unread: await this.inbox.unreadCount(req.auth!.user.id) };
  }
}
