import { Controller, Get, Param, ParseEnumPipe, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiCommand, ApiRead, Roles } from '@crm/nest';
import { DELIVERY_CHANNELS, type DeliveryChannel } from '@crm/notifications-domain';
import { DeliveryRetry } from '../application/delivery-retry';
import { NotificationsReader } from '../store/notifications.reader';
import { DeliveriesQuery, DeliveryDto, DeliveryPageDto, TROUBLE_STATUSES } from './notification.dto';

enum ChannelParam {
  email = 'email',
  wecom = 'wecom',
  dingtalk = 'dingtalk',
}

/** Deliveries in trouble, for an administrator: still failing (retried with backoff) or given up. */
@ApiTags('notification-deliveries')
@Controller('admin/notification-deliveries')
@Roles('admin')
export class DeliveriesController {
  constructor(
    private readonly reader: NotificationsReader,
    private readonly retries: DeliveryRetry,
  ) {}

  @Get()
  @ApiRead({
    operationId: 'listTroubledDeliveries',
    summary: 'Deliveries that keep failing (admin)',
    response: DeliveryPageDto,
  })
  async list(@Query() q: DeliveriesQuery): Promise<DeliveryPageDto> {
    const status = q.status === 'all' ? [...TROUBLE_STATUSES] : [q.status];
    return {
      ...(await this.reader.deliveries({ status, page: q.page, limit: q.limit })),
      page: q.page,
      limit: q.limit,
    };
  }

  @Post(':notificationId/:channel/retry')
  @ApiParam({ name: 'channel', enum: DELIVERY_CHANNELS })
  @ApiCommand({
    operationId: 'retryDelivery',
    summary: 'Send a failed delivery again, once the cause is fixed (admin)',
    response: DeliveryDto,
    status: 200,
    errors: { 404: 'delivery.not_found', 409: 'delivery.not_failed: only a failed delivery is retried' },
  })
  async retry(
    @Param('notificationId', new ParseUUIDPipe()) notificationId: string,
    @Param('channel', new ParseEnumPipe(ChannelParam)) channel: DeliveryChannel,
  ): Promise<DeliveryDto> {
    await this.retries.retry(notificationId, channel);
    const found = await this.reader.delivery(notificationId, channel);
    if (found === undefined)
      throw new Error(`delivery ${notificationId}/${channel} vanished after its retry`);
    return found;
  }
}
