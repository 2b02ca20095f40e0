import { Matches } from 'class-validator';
import { PlatformConfig } from './platform-config';

/** The one naming rule for a service's read-model schema (architecture §6). */
export const readSchemaFor = (schema: string): string => `${schema}_read`;

/**
 * Configuration of a service that owns a schema: every service. A subclass sets the default,
 * e.g. `override SCHEMA = 'credit'`, and adds its own variables.
 */
export abstract class ServiceConfig extends PlatformConfig {
  /**
   * Schema of the event store, inbox, dead letters, idempotency keys and timers; read models live in
   * `<SCHEMA>_read`. Also names the Kafka consumer groups, so replicas sharing a database share the work.
   */
  @Matches(/^[a-z][a-z0-9_]{0,40}$/, { message: 'SCHEMA must be a lower-case SQL identifier (max 41 chars)' })
  SCHEMA!: string;

  readSchema(): string {
    return readSchemaFor(this.SCHEMA);
  }
}
