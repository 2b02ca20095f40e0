import type { Pool } from 'pg';
import { ProblemException } from '@crm/nest';
import type { DeliveryChannel } from '@crm/notifications-domain';
import { withTransaction } from '@crm/postgres';
import type { Clock, DurableTimers } from '@crm/policy';
import type { NotificationTables } from '../store/notification-tables';
import { DELIVER_TIMER, deliveryTimerId, type DeliveryTimerPayload } from './notification-intake';

/**
 * An administrator sends a parked (`failed`) delivery again once the cause is fixed (a new webhook
 * URL, the mail server back): a new series of attempts under a new timer. Only a failed delivery can
 * be retried, so a retry never duplicates a sent or still-retrying one.
 */
export class DeliveryRetry {
  constructor(
    private readonly pool: Pool,
    private readonly tables: NotificationTables,
    private readonly timers: DurableTimers,
    private readonly clock: Clock,
  ) {}

  async retry(notificationId: string, channel: DeliveryChannel): Promise<void> {
    await withTransaction(this.pool, async (tx) => {
      const { rows } = await tx.query<{ status: string; retries: number }>(
        `select status, retries from ${this.tables.deliveries}
          where notification_id = $1 and channel = $2 for update`,
        [notificationId, channel],
      );
      const row = rows[0];
      if (row === undefined)
        throw new ProblemException(404, 'delivery.not_found', `No ${channel} delivery of ${notificationId}.`);
      if (row.status !== 'failed')
        throw new ProblemException(
          409,
          'delivery.not_failed',
          `The delivery is ${row.status}; only a failed one is retried.`,
          {
            status: row.status,
          },
        );
      const retry = row.retries + 1;
      await tx.query(
        `update ${this.tables.deliveries} set status = 'pending', retries = $3 where notification_id = $1 and channel = $2`,
        [notificationId, channel, retry],
      );
      const payload: DeliveryTimerPayload = { notificationId, channel };
      await this.timers.schedule(
        deliveryTimerId(notificationId, channel, retry),
        this.clock.now(),
        DELIVER_TIMER,
        payload,
        {
          within: tx,
        },
      );
    });
  }
}
