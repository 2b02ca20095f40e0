import type { Pool, PoolClient } from 'pg';
import { DEFAULT_PREFERENCES, type DeliveryPreferences } from '@crm/notifications-domain';
import { ProblemException } from '@crm/nest';
import type { NotificationTables } from './notification-tables';

export type StoredPreferences = { readonly preferences: DeliveryPreferences; readonly version: number };

type Row = {
  email_enabled: boolean;
  email: string | null;
  wecom_enabled: boolean;
  wecom_webhook: string | null;
  dingtalk_enabled: boolean;
  dingtalk_webhook: string | null;
  version: number;
};

const fromRow = (row: Row): DeliveryPreferences => ({
  emailEnabled: row.email_enabled,
  ...(row.email !== null ? { email: row.email } : {}),
  wecomEnabled: row.wecom_enabled,
  ...(row.wecom_webhook !== null ? { wecomWebhook: row.wecom_webhook } : {}),
  dingtalkEnabled: row.dingtalk_enabled,
  ...(row.dingtalk_webhook !== null ? { dingtalkWebhook: row.dingtalk_webhook } : {}),
});

/** Each person's delivery choices; version 0 means the defaults (never saved). */
export class PreferencesStore {
  constructor(
    private readonly pool: Pool,
    private readonly tables: NotificationTables,
  ) {}

  async of(employeeId: string, db: Pool | PoolClient = this.pool): Promise<StoredPreferences> {
    const { rows } = await db.query<Row>(
      `select email_enabled, email, wecom_enabled, wecom_webhook, dingtalk_enabled, dingtalk_webhook, version
         from ${this.tables.preferences} where employee_id = $1`,
      [employeeId],
    );
    const row = rows[0];
    return row
      ? { preferences: fromRow(row), version: row.version }
      : { preferences: DEFAULT_PREFERENCES, version: 0 };
  }

  /** Saves over `expectedVersion` only: a change made meanwhile (another tab) is a 409, never lost. */
  async save(
    employeeId: string,
    p: DeliveryPreferences,
    expectedVersion: number,
    now: Date,
  ): Promise<StoredPreferences> {
    const values = [
      employeeId,
      p.emailEnabled,
      p.email ?? null,
      p.wecomEnabled,
      p.wecomWebhook ?? null,
      p.dingtalkEnabled,
      p.dingtalkWebhook ?? null,
      expectedVersion + 1,
      now,
    ];
    const result =
      expectedVersion === 0
        ? await this.pool.query(
            `insert into ${this.tables.preferences}
               (employee_id, email_enabled, email, wecom_enabled, wecom_webhook, dingtalk_enabled, dingtalk_webhook, version, updated_at)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (employee_id) do nothing`,
            values,
          )
        : await this.pool.query(
            `update ${this.tables.preferences} set email_enabled = $2, email = $3, wecom_enabled = $4,
               wecom_webhook = $5, dingtalk_enabled = $6, dingtalk_webhook = $7, version = $8, updated_at = $9
             where employee_id = $1 and version = $8 - 1`,
            values,
          );
    if (result.rowCount !== 1) {
      const current = await this.of(employeeId);
      throw new ProblemException(
        409,
        'preferences.version_conflict',
        `The preferences changed meanwhile (now version ${current.version}); reload and try again.`,
        { expectedVersion, currentVersion: current.version },
      );
    }
    return { preferences: p, version: expectedVersion + 1 };
  }
}
