import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import type { AuthedRequest } from '../auth/request-auth';
import { NotificationInbox } from './notification-inbox';

/** Request field the page layout reads the unread count from. */
export const UNREAD_NOTIFICATIONS = 'unreadNotifications';

/**
 * Counts the signed-in user's unread notifications for the navigation. Runs after the
 * access guard (so the user is known) and only for page requests in a browser session.
 */
@Injectable()
export class UnreadCountInterceptor implements NestInterceptor {
  constructor(private readonly inbox: NotificationInbox) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() === 'http') {
      const req = context.switchToHttp().getRequest<AuthedRequest>();
      if (req.method === 'GET' && req.auth?.session && !req.path.startsWith('/api/')) {
        (req as unknown as Record<string, number>)[UNREAD_NOTIFICATIONS] =
          await this.inbox.unreadCount(req.auth.user.id);
      }
    }
    return next.handle();
  }
}
