import { Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '@crm/event-sourcing';
import { ApiCommand, ApiRead, CLOCK, CurrentActor } from '@crm/nest';
import type { Clock } from '@crm/policy';
import { NotificationsReader } from '../store/notifications.reader';
import { MarkedReadDto, NotificationPageDto, NotificationsQuery, UnreadCountDto } from './notification.dto';

/** The notification centre: the caller's own notifications, whoever they are. */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly reader: NotificationsReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiRead({
    operationId: 'listMyNotifications',
    summary: 'My notifications, newest first, with my unread count',
    response: NotificationPageDto,
  })
  async mine(@Query() q: NotificationsQuery, @CurrentActor() actor: Actor): Promise<NotificationPageDto> {
    const page = await this.reader.mine(actor.id, q);
    return { ...page, page: q.page, limit: q.limit };
  }

  @Get('unread-count')
  @ApiRead({
    operationId: 'countMyUnreadNotifications',
    summary: 'How many of my notifications are unread (the bell)',
    response: UnreadCountDto,
  })
  async unread(@CurrentActor() actor: Actor): Promise<UnreadCountDto> {
    return { unreadCount: await this.reader.unreadCount(actor.id) };
  }

  @Post('read-all')
  @ApiCommand({
    operationId: 'markAllMyNotificationsRead',
    summary: 'Mark all my notifications read',
    response: MarkedReadDto,
    status: 200,
  })
  async readAll(@CurrentActor() actor: Actor): Promise<MarkedReadDto> {
    const marked = await this.reader.markAllRead(actor.id, this.clock.now());
    return { marked, unreadCount: await this.reader.unreadCount(actor.id) };
  }

  @Post(':notificationId/read')
  @ApiCommand({
    operationId: 'markNotificationRead',
    summary: 'Mark one of my notifications read (again: no change)',
    response: MarkedReadDto,
    status: 200,
    errors: { 404: 'No such notification of yours' },
  })
  async read(
    @Param('notificationId', new ParseUUIDPipe()) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<MarkedReadDto> {
    await this.reader.markRead(actor.id, id, this.clock.now());
    return { marked: 1, unreadCount: await this.reader.unreadCount(actor.id) };
  }
}
