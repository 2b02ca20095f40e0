/** Injection tokens for what `PlatformModule.forService` provides. */
export const PG_POOL = Symbol('PG_POOL');
export const EVENT_STORE = Symbol('EVENT_STORE');
export const CLOCK = Symbol('CLOCK');
export const PLATFORM_CONFIG = Symbol('PLATFORM_CONFIG');
export const SERVICE_INFO = Symbol('SERVICE_INFO');

/** Who this process is: fixed by the service at wiring time. */
export interface ServiceInfo {
  readonly serviceName: string;
  /** PostgreSQL schema owning the service's event store, idempotency keys and timers. */
  readonly schema: string;
  /** Schema of its read models (`<schema>_read` unless wired otherwise). */
  readonly readSchema: string;
}
