import type { Pool } from 'pg';
import { migrateSchema, qualifiedName } from '@crm/postgres';

/** The service's own tables, in its schema (it keeps no event store of its own). */
export class NotificationTables {
  readonly notifications: string;
  readonly deliveries: string;
  readonly preferences: string;

  constructor(
    private readonly pool: Pool,
    private readonly schema: string,
  ) {
    this.notifications = qualifiedName(schema, 'notifications');
    this.deliveries = qualifiedName(schema, 'notification_deliveries');
    this.preferences = qualifiedName(schema, 'notification_preferences');
  }

  migrate(): Promise<void> {
    return migrateSchema(this.pool, this.schema, async (client) => {
      // The id derives from (source event, kind, recipient): one row per person, however often the event comes.
      await client.query(`create table if not exists ${this.notifications} (
        id uuid primary key,
        recipient_id text not null,
        kind text not null,
        source_event_id text not null,
        source_type text not null,
        params jsonb not null,
        link text not null,
        occurred_at timestamptz not null,
        created_at timestamptz not null,
        read_at timestamptz
      )`);
      await client.query(
        `create index if not exists notifications_recipient on ${this.notifications} (recipient_id, created_at desc, id)`,
      );
      await client.query(
        `create index if not exists notifications_unread on ${this.notifications} (recipient_id) where read_at is null`,
      );
      // The outbox: one row per (notification, channel), the unit of exactly-once delivery.
      await client.query(`create table if not exists ${this.deliveries} (
        notification_id uuid not null references ${this.notifications} (id),
        channel text not null,
        target text not null,
        status text not null check (status in ('pending', 'sent', 'failing', 'failed')),
        attempts integer not null default 0,
        retries integer not null default 0,
        last_error text,
        last_attempt_at timestamptz,
        sent_at timestamptz,
        created_at timestamptz not null,
        primary key (notification_id, channel)
      )`);
      await client.query(
        `create index if not exists notification_deliveries_trouble on ${this.deliveries} (status, created_at) where status in ('failing', 'failed')`,
      );
      await client.query(`create table if not exists ${this.preferences} (
        employee_id text primary key,
        email_enabled boolean not null,
        email text,
        wecom_enabled boolean not null,
        wecom_webhook text,
        dingtalk_enabled boolean not null,
        dingtalk_webhook text,
        version integer not null,
        updated_at timestamptz not null
      )`);
    });
  }
}
