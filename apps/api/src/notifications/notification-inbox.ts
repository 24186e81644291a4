import { Injectable } from '@nestjs/common';
import { Notification } from '@ohjaamo/jobs';
import { DataSource, IsNull } from 'typeorm';

const PAGE_SIZE = 50;

/** A staff user's inbox. Every query is scoped by the recipient: nobody reads another's. */
@Injectable()
export class NotificationInbox {
  constructor(private readonly dataSource: DataSource) {}

  latest(recipientId: string): Promise<Notification[]> {
    return this.dataSource.getRepository(Notification).find({
      where: { recipientId },
      order: { createdAt: 'DESC' },
      take: PAGE_SIZE,
    });
  }

  unreadCount(recipientId: string): Promise<number> {
    return this.dataSource.getRepository(Notification).countBy({ recipientId, readAt: IsNull() });
  }

  async markRead(recipientId: string, id: string): Promise<void> {
    await this.dataSource
      .getRepository(Notification)
      .update({ id, recipientId, readAt: IsNull() }, { readAt: new Date() });
  }

  async markAllRead(recipientId: string): Promise<void> {
    await this.dataSource
      .getRepository(Notification)
      .update({ recipientId, readAt: IsNull() }, { readAt: new Date() });
  }
}
