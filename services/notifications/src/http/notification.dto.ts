import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '@crm/nest';
import { DELIVERY_CHANNELS, NOTIFICATION_KINDS } from '@crm/notifications-domain';

export class NotificationsQuery extends PageQuery {
  @ApiPropertyOptional({ default: false, description: 'Only notifications not read yet' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unreadOnly: boolean = false;
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) notificationId!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS, description: 'i18n key notifications:kinds.<kind>' })
  kind!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
    description: 'Values the text is filled from (case number, due time, order, …)',
  })
  params!: Record<string, string | number>;
  @ApiProperty({ example: '/complaints/cases/2f7c…', description: 'Console route of the item' })
  link!: string;
  @ApiProperty({ format: 'date-time', description: 'When the fact happened' }) occurredAt!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt!: string | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items!: NotificationDto[];
  @ApiProperty({ description: 'Items matching the filter' }) total!: number;
  @ApiProperty({ description: 'The caller’s unread notifications (the bell’s count)' }) unreadCount!: number;
  @ApiProperty() page!: number;
  @ApiProperty() limit!: number;
}

export class UnreadCountDto {
  @ApiProperty() unreadCount!: number;
}

export class MarkedReadDto {
  @ApiProperty({ description: 'Notifications marked read by this call' }) marked!: number;
  @ApiProperty() unreadCount!: number;
}

export const TROUBLE_STATUSES = ['failing', 'failed'] as const;

export class DeliveriesQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: [...TROUBLE_STATUSES, 'all'],
    default: 'all',
    description: '`failing`: still being retried; `failed`: given up; `all`: both',
  })
  @IsOptional()
  @IsIn([...TROUBLE_STATUSES, 'all'])
  status: 'failing' | 'failed' | 'all' = 'all';
}

export class DeliveryDto {
  @ApiProperty({ format: 'uuid' }) notificationId!: string;
  @ApiProperty({ enum: DELIVERY_CHANNELS }) channel!: string;
  @ApiProperty() recipientId!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind!: string;
  @ApiProperty({ enum: ['pending', 'sent', 'failing', 'failed'] }) status!: string;
  @ApiProperty({ description: 'Attempts so far' }) attempts!: number;
  @ApiProperty({ description: 'Times an administrator sent it again' }) retries!: number;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastAttemptAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class DeliveryPageDto {
  @ApiProperty({ type: [DeliveryDto] }) items!: DeliveryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() limit!: number;
}
