import { Admin, Kafka, logLevel } from 'kafkajs';
import type { Pool } from 'pg';

export const postgresProbe =
  (pool: Pool): (() => Promise<boolean>) =>
  async () => {
    await pool.query('select 1');
    return true;
  };

/**
 * Kafka reachability through the admin API's describeCluster. One admin connection is kept and
 * reconnected after a failure, so a health check does not open a connection every time.
 */
export class KafkaProbe {
  private readonly kafka: Kafka;
  private admin: Admin | undefined;

  constructor(clientId: string, brokers: string[], timeoutMs = 1_500) {
    this.kafka = new Kafka({
      clientId: `${clientId}-health`,
      brokers,
      connectionTimeout: timeoutMs,
      requestTimeout: timeoutMs,
      retry: { retries: 0 },
      // Failures are reported by /health; kafkajs' own error logs would only duplicate them.
      logLevel: logLevel.NOTHING,
    });
  }

  readonly probe = async (): Promise<boolean> => {
    try {
      this.admin ??= this.kafka.admin();
      await this.admin.connect();
      const cluster = await this.admin.describeCluster();
      return cluster.brokers.length > 0;
    } catch (error) {
      await this.close();
      throw error;
    }
  };

  async close(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.disconnect().catch(() => undefined);
  }
}
