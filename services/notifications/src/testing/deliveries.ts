import type { Pool } from 'pg';
import type { NotificationsConfig } from '../config/notifications.config';

export type DeliveryRow = { channel: string; status: string; attempts: number; last_error: string | null };

/** The deliveries of `recipientId`'s notifications, for assertions. */
export const deliveriesOf = async (
  pool: Pool,
  config: NotificationsConfig,
  recipientId: string,
): Promise<DeliveryRow[]> =>
  (
    await pool.query<DeliveryRow>(
      `select d.channel, d.status, d.attempts, d.last_error
         from "${config.SCHEMA}".notification_deliveries d
         join "${config.SCHEMA}".notifications n on n.id = d.notification_id
        where n.recipient_id = $1 order by d.channel`,
      [recipientId],
    )
  ).rows;
