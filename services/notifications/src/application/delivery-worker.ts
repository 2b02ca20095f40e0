import { Logger } from '@nestjs/common';
import type { Pool } from 'pg';
import type { ClaimedTimer, Clock } from '@crm/policy';
import {
  notificationText,
  type DeliveryChannel,
  type NotificationKind,
  type NotificationParams,
} from '@crm/notifications-domain';
import type { ChannelSender } from '../channels/outgoing-message';
import type { NotificationTables } from '../store/notification-tables';
import type { DeliveryTimerPayload } from './notification-intake';

type DeliveryRow = {
  target: string;
  status: string;
  kind: NotificationKind;
  params: NotificationParams;
  link: string;
};

/**
 * Runs one delivery when its durable timer falls due. A sent delivery is never sent again (a timer
 * firing twice finds it `sent`). A failure is recorded on the delivery (`failing`) and rethrown so
 * the platform's timers retry it with backoff; each (notification, channel) has its own timer, so
 * a failing channel delays nothing else. After `maxAttempts` the delivery is parked as `failed`,
 * where an administrator sees it and can retry it.
 */
export class DeliveryWorker {
  private readonly logger = new Logger('DeliveryWorker');
  private readonly senders: ReadonlyMap<DeliveryChannel, ChannelSender>;

  constructor(
    private readonly pool: Pool,
    private readonly tables: NotificationTables,
    senders: readonly ChannelSender[],
    private readonly clock: Clock,
    private readonly consoleUrl: string,
    private readonly maxAttempts: number,
  ) {
    this.senders = new Map(senders.map((s) => [s.channel, s]));
  }

  readonly deliver = async (timer: ClaimedTimer): Promise<void> => {
    const { notificationId, channel } = timer.payload as DeliveryTimerPayload;
    const { rows } = await this.pool.query<DeliveryRow>(
      `select d.target, d.status, n.kind, n.params, n.link
         from ${this.tables.deliveries} d join ${this.tables.notifications} n on n.id = d.notification_id
        where d.notification_id = $1 and d.channel = $2`,
      [notificationId, channel],
    );
    const delivery = rows[0];
    if (delivery === undefined || delivery.status === 'sent' || delivery.status === 'failed') return;
    const sender = this.senders.get(channel);
    try {
      if (sender === undefined) throw new Error(`no sender for channel ${channel}`);
      const text = notificationText(delivery.kind, delivery.params);
      await sender.send(delivery.target, {
        notificationId,
        title: `${text.zh.title} / ${text.en.title}`,
        text: `${text.zh.body}\n\n${text.en.body}`,
        url: `${this.consoleUrl.replace(/\/+$/, '')}${delivery.link}`,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const giveUp = timer.attempts >= this.maxAttempts;
      await this.pool.query(
        `update ${this.tables.deliveries}
            set status = $3, attempts = attempts + 1, last_error = $4, last_attempt_at = $5
          where notification_id = $1 and channel = $2 and status <> 'sent'`,
        [notificationId, channel, giveUp ? 'failed' : 'failing', message.slice(0, 1000), this.clock.now()],
      );
      this.logger.warn(
        { notificationId, channel, attempts: timer.attempts, giveUp },
        `delivery failed: ${message}`,
      );
      // Parked: the timer is done; the administrator's view shows the delivery.
      if (giveUp) return;
      throw error;
    }
    const now = this.clock.now();
    await this.pool.query(
      `update ${this.tables.deliveries}
          set status = 'sent', attempts = attempts + 1, sent_at = $3, last_attempt_at = $3
        where notification_id = $1 and channel = $2 and status <> 'sent'`,
      [notificationId, channel, now],
    );
  };
}
