import type { PoolClient } from 'pg';
import type { Clock, DurableTimers } from '@crm/policy';
import {
  deliveryPlan,
  notificationId,
  type DeliveryChannel,
  type NotificationRequest,
} from '@crm/notifications-domain';
import { resolveRecipients } from '../recipients/recipients';
import type { StaffDirectory } from '@crm/staff-replica';
import type { NotificationTables } from '../store/notification-tables';
import type { PreferencesStore } from '../store/preferences.store';

export const DELIVER_TIMER = 'notification.deliver';

/** One timer per delivery attempt series; an administrator's retry starts a new series. */
export const deliveryTimerId = (id: string, channel: DeliveryChannel, retry = 0): string =>
  retry === 0 ? `deliver:${id}:${channel}` : `deliver:${id}:${channel}:retry-${retry}`;

export type DeliveryTimerPayload = { readonly notificationId: string; readonly channel: DeliveryChannel };

/**
 * Turns a request into notifications, all inside the inbound message's inbox transaction: the
 * notification rows (the centre), their deliveries per the person's preferences, and one durable
 * timer per delivery commit together with the inbox entry or not at all. The notification id
 * derives from (event, kind, person) and deliveries are keyed (notification, channel), so a
 * redelivered event adds nothing.
 */
export class NotificationIntake {
  constructor(
    private readonly tables: NotificationTables,
    private readonly directory: StaffDirectory,
    private readonly preferences: PreferencesStore,
    private readonly timers: DurableTimers,
    private readonly clock: Clock,
  ) {}

  /** The number of notifications made (0 for a repeat). */
  async accept(tx: PoolClient, request: NotificationRequest, sourceType: string): Promise<number> {
    const now = this.clock.now();
    const recipients = await resolveRecipients(
      this.directory,
      request.audience,
      new Date(request.occurredAt),
    );
    let made = 0;
    for (const recipient of recipients) {
      const id = notificationId(request.sourceEventId, request.kind, recipient.employeeId);
      const inserted = await tx.query(
        `insert into ${this.tables.notifications}
           (id, recipient_id, kind, source_event_id, source_type, params, link, occurred_at, created_at)
         values ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9) on conflict (id) do nothing`,
        [
          id,
          recipient.employeeId,
          request.kind,
          request.sourceEventId,
          sourceType,
          JSON.stringify(request.params),
          request.link,
          request.occurredAt,
          now,
        ],
      );
      if (inserted.rowCount !== 1) continue;
      made += 1;
      const { preferences } = await this.preferences.of(recipient.employeeId, tx);
      for (const { channel, target } of deliveryPlan(preferences, recipient.email)) {
        await tx.query(
          `insert into ${this.tables.deliveries} (notification_id, channel, target, status, created_at)
           values ($1, $2, $3, 'pending', $4) on conflict do nothing`,
          [id, channel, target, now],
        );
        const payload: DeliveryTimerPayload = { notificationId: id, channel };
        await this.timers.schedule(deliveryTimerId(id, channel), now, DELIVER_TIMER, payload, { within: tx });
      }
    }
    return made;
  }
}
