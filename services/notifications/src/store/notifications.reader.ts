import type { Pool } from 'pg';
import { ProblemException } from '@crm/nest';
import type { NotificationKind, NotificationParams } from '@crm/notifications-domain';
import type { NotificationTables } from './notification-tables';

export type NotificationView = {
  readonly notificationId: string;
  readonly kind: NotificationKind;
  readonly params: NotificationParams;
  readonly link: string;
  readonly occurredAt: string;
  readonly createdAt: string;
  readonly readAt: string | null;
};

export type DeliveryView = {
  readonly notificationId: string;
  readonly channel: string;
  readonly recipientId: string;
  readonly kind: string;
  readonly status: string;
  readonly attempts: number;
  readonly retries: number;
  readonly lastError: string | null;
  readonly lastAttemptAt: string | null;
  readonly sentAt: string | null;
  readonly createdAt: string;
};

type NotificationRow = {
  id: string;
  kind: NotificationKind;
  params: NotificationParams;
  link: string;
  occurred_at: Date;
  created_at: Date;
  read_at: Date | null;
};

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

/** The notification centre (a person's own notifications) and the administrator's delivery view. */
export class NotificationsReader {
  constructor(
    private readonly pool: Pool,
    private readonly tables: NotificationTables,
  ) {}

  async mine(
    recipientId: string,
    q: { readonly unreadOnly: boolean; readonly page: number; readonly limit: number },
  ): Promise<{ items: NotificationView[]; total: number; unreadCount: number }> {
    const filter = q.unreadOnly ? 'and read_at is null' : '';
    const [items, counts] = await Promise.all([
      this.pool.query<NotificationRow>(
        `select id, kind, params, link, occurred_at, created_at, read_at from ${this.tables.notifications}
          where recipient_id = $1 ${filter} order by created_at desc, id limit $2 offset $3`,
        [recipientId, q.limit, (q.page - 1) * q.limit],
      ),
      this.pool.query<{ total: number; unread: number }>(
        `select count(*)::int as total, count(*) filter (where read_at is null)::int as unread
           from ${this.tables.notifications} where recipient_id = $1`,
        [recipientId],
      ),
    ]);
    const c = counts.rows[0] ?? { total: 0, unread: 0 };
    return {
      items: items.rows.map((r) => ({
        notificationId: r.id,
        kind: r.kind,
        params: r.params,
        link: r.link,
        occurredAt: r.occurred_at.toISOString(),
        createdAt: r.created_at.toISOString(),
        readAt: iso(r.read_at),
      })),
      total: q.unreadOnly ? c.unread : c.total,
      unreadCount: c.unread,
    };
  }

  async unreadCount(recipientId: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>(
      `select count(*)::int as n from ${this.tables.notifications} where recipient_id = $1 and read_at is null`,
      [recipientId],
    );
    return rows[0]?.n ?? 0;
  }

  /** Marks one of the caller's notifications read (again: unchanged); someone else's is 404. */
  async markRead(recipientId: string, id: string, now: Date): Promise<void> {
    const { rowCount } = await this.pool.query(
      `update ${this.tables.notifications} set read_at = coalesce(read_at, $3) where id = $1 and recipient_id = $2`,
      [id, recipientId, now],
    );
    if (rowCount !== 1)
      throw new ProblemException(404, 'notification.not_found', `No notification ${id} of yours.`, {
        notificationId: id,
      });
  }

  async markAllRead(recipientId: string, now: Date): Promise<number> {
    const { rowCount } = await this.pool.query(
      `update ${this.tables.notifications} set read_at = $2 where recipient_id = $1 and read_at is null`,
      [recipientId, now],
    );
    return rowCount ?? 0;
  }

  async deliveries(q: {
    readonly status: readonly string[];
    readonly page: number;
    readonly limit: number;
  }): Promise<{ items: DeliveryView[]; total: number }> {
    const [items, count] = await Promise.all([
      this.pool.query<DeliveryRow>(
        `${DELIVERY_SELECT} from ${this.tables.deliveries} d join ${this.tables.notifications} n on n.id = d.notification_id
          where d.status = any($1) order by d.created_at desc, d.notification_id, d.channel limit $2 offset $3`,
        [q.status, q.limit, (q.page - 1) * q.limit],
      ),
      this.pool.query<{ n: number }>(
        `select count(*)::int as n from ${this.tables.deliveries} where status = any($1)`,
        [q.status],
      ),
    ]);
    return { items: items.rows.map(toDeliveryView), total: count.rows[0]?.n ?? 0 };
  }

  async delivery(notificationId: string, channel: string): Promise<DeliveryView | undefined> {
    const { rows } = await this.pool.query<DeliveryRow>(
      `${DELIVERY_SELECT} from ${this.tables.deliveries} d join ${this.tables.notifications} n on n.id = d.notification_id
        where d.notification_id = $1 and d.channel = $2`,
      [notificationId, channel],
    );
    return rows[0] !== undefined ? toDeliveryView(rows[0]) : undefined;
  }
}

const DELIVERY_SELECT = `select d.notification_id, d.channel, n.recipient_id, n.kind, d.status, d.attempts, d.retries,
  d.last_error, d.last_attempt_at, d.sent_at, d.created_at`;

type DeliveryRow = {
  notification_id: string;
  channel: string;
  recipient_id: string;
  kind: string;
  status: string;
  attempts: number;
  retries: number;
  last_error: string | null;
  last_attempt_at: Date | null;
  sent_at: Date | null;
  created_at: Date;
};

const toDeliveryView = (r: DeliveryRow): DeliveryView => ({
  notificationId: r.notification_id,
  channel: r.channel,
  recipientId: r.recipient_id,
  kind: r.kind,
  status: r.status,
  attempts: r.attempts,
  retries: r.retries,
  lastError: r.last_error,
  lastAttemptAt: iso(r.last_attempt_at),
  sentAt: iso(r.sent_at),
  createdAt: r.created_at.toISOString(),
});
