import { Module, type OnModuleDestroy, type OnModuleInit, type Type } from '@nestjs/common';
import type { Pool } from 'pg';
import { CLOCK, PG_POOL, PlatformModule, TimerHandlers } from '@crm/nest';
import { DurableTimers, type Clock } from '@crm/policy';
import { DeliveryRetry } from './application/delivery-retry';
import { DeliveryWorker } from './application/delivery-worker';
import { DELIVER_TIMER, NotificationIntake } from './application/notification-intake';
import { EmailSender } from './channels/email.sender';
import { GroupRobotSender } from './channels/group-robot.sender';
import { NotificationsConfig } from './config/notifications.config';
import { DeliveriesController } from './http/deliveries.controller';
import { NotificationsController } from './http/notifications.controller';
import { PreferencesController } from './http/preferences.controller';
import { NoticesConsumer } from './inbound/notices.consumer';
import { STAFF_DIRECTORY, StaffReplicaModule, type StaffDirectory } from '@crm/staff-replica';
import { NotificationTables } from './store/notification-tables';
import { NotificationsReader } from './store/notifications.reader';
import { PreferencesStore } from './store/preferences.store';

export const SERVICE_NAME = 'notifications';

export interface NotificationsModuleOptions {
  readonly clock?: Clock;
  readonly timerIntervalMs?: number;
}

/** The notifications service's root module for one loaded configuration. */
export const notificationsModule = (
  config: NotificationsConfig,
  options: NotificationsModuleOptions = {},
): Type<unknown> => {
  /** Registers the delivery timer handler and closes the SMTP pool on shutdown. */
  class DeliveryLifecycle implements OnModuleInit, OnModuleDestroy {
    constructor(
      private readonly handlers: TimerHandlers,
      private readonly worker: DeliveryWorker,
      private readonly email: EmailSender,
    ) {}
    onModuleInit(): void {
      this.handlers.on(DELIVER_TIMER, this.worker.deliver);
    }
    onModuleDestroy(): void {
      this.email.close();
    }
  }

  @Module({
    imports: [
      PlatformModule.forService({ serviceName: SERVICE_NAME, schema: config.SCHEMA, config, ...options }),
      StaffReplicaModule.forService(),
    ],
    controllers: [NotificationsController, PreferencesController, DeliveriesController, NoticesConsumer],
    providers: [
      {
        provide: NotificationTables,
        inject: [PG_POOL],
        useFactory: async (pool: Pool): Promise<NotificationTables> => {
          const tables = new NotificationTables(pool, config.SCHEMA);
          await tables.migrate();
          return tables;
        },
      },
      {
        provide: PreferencesStore,
        inject: [PG_POOL, NotificationTables],
        useFactory: (pool: Pool, tables: NotificationTables) => new PreferencesStore(pool, tables),
      },
      {
        provide: NotificationsReader,
        inject: [PG_POOL, NotificationTables],
        useFactory: (pool: Pool, tables: NotificationTables) => new NotificationsReader(pool, tables),
      },
      {
        provide: NotificationIntake,
        inject: [NotificationTables, STAFF_DIRECTORY, PreferencesStore, DurableTimers, CLOCK],
        useFactory: (
          tables: NotificationTables,
          directory: StaffDirectory,
          preferences: PreferencesStore,
          timers: DurableTimers,
          clock: Clock,
        ) => new NotificationIntake(tables, directory, preferences, timers, clock),
      },
      {
        provide: EmailSender,
        useFactory: () => new EmailSender(config.SMTP_URL, config.MAIL_FROM, config.DELIVERY_TIMEOUT_MS),
      },
      {
        provide: DeliveryWorker,
        inject: [PG_POOL, NotificationTables, EmailSender, CLOCK],
        useFactory: (pool: Pool, tables: NotificationTables, email: EmailSender, clock: Clock) =>
          new DeliveryWorker(
            pool,
            tables,
            [
              email,
              new GroupRobotSender('wecom', config.DELIVERY_TIMEOUT_MS),
              new GroupRobotSender('dingtalk', config.DELIVERY_TIMEOUT_MS),
            ],
            clock,
            config.CONSOLE_URL,
            config.DELIVERY_MAX_ATTEMPTS,
          ),
      },
      {
        provide: DeliveryRetry,
        inject: [PG_POOL, NotificationTables, DurableTimers, CLOCK],
        useFactory: (pool: Pool, tables: NotificationTables, timers: DurableTimers, clock: Clock) =>
          new DeliveryRetry(pool, tables, timers, clock),
      },
      {
        provide: DeliveryLifecycle,
        inject: [TimerHandlers, DeliveryWorker, EmailSender],
        useFactory: (handlers: TimerHandlers, worker: DeliveryWorker, email: EmailSender) =>
          new DeliveryLifecycle(handlers, worker, email),
      },
    ],
  })
  class NotificationsAppModule {}
  return NotificationsAppModule;
};
