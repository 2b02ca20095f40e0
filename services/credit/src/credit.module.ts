import { CREDIT_CONTRACTS } from '@crm/credit-contracts';
import { Module, type Type } from '@nestjs/common';
import type { Pool } from 'pg';
import type { EventStore } from '@crm/event-store';
import { EVENT_STORE, EventPipelineModule, PG_POOL, PlatformModule, WorkItemsModule } from '@crm/nest';
import { DurableTimers, PolicyRegistry, type Clock } from '@crm/policy';
import { CustomerDirectoryModule, CustomerDirectoryReader } from '@crm/customers-directory-replica';
import { StaffReplicaModule } from '@crm/staff-replica';
import { CreditAccountExecutor } from './application/credit-account.executor';
import { CreditQueries } from './application/credit-queries';
import { CreditAccountList } from './application/credit-account-list';
import { CreditTimerHandlers } from './application/credit-timer-handlers';
import { CreditConfig } from './config/credit.config';
import { ComplaintsConsumer } from './consumer/complaints.consumer';
import { CreditAccountsController } from './http/credit-accounts.controller';
import { CreditPortfolioController } from './http/credit-portfolio.controller';
import { CREDIT_POLICY_DOCUMENTS } from './policy/credit-policy.document';
import { creditProjections } from './projections/credit-projections';
import { toCreditContract } from './relay/credit-contract.mapper';
import type { DestinationStream } from 'pino';

export const SERVICE_NAME = 'credit';

export interface CreditModuleOptions {
  /** Replaces the system clock (tests). */
  readonly clock?: Clock;
  /** How often due timers are looked for (tests shorten it). */
  readonly timerIntervalMs?: number;
  /** Where the logs go instead of stdout (tests). */
  readonly logDestination?: DestinationStream;
}

/** The credit service's root module for one loaded configuration. */
export const creditModule = (config: CreditConfig, options: CreditModuleOptions = {}): Type<unknown> => {
  @Module({
    imports: [
      PlatformModule.forService({
        serviceName: SERVICE_NAME,
        schema: config.SCHEMA,
        config,
        policies: CREDIT_POLICY_DOCUMENTS,
        ...(options.clock !== undefined ? { clock: options.clock } : {}),
        ...(options.timerIntervalMs !== undefined ? { timerIntervalMs: options.timerIntervalMs } : {}),
        ...(options.logDestination !== undefined ? { logDestination: options.logDestination } : {}),
      }),
      EventPipelineModule.forService({
        relay: { topic: config.CREDIT_TOPIC, toContract: toCreditContract, contracts: CREDIT_CONTRACTS },
        projections: creditProjections,
      }),
      CustomerDirectoryModule.forService(config),
      // Staff facts ride the same customers-topic consumer as the customer directory.
      StaffReplicaModule.forService(),
      WorkItemsModule.forService(SERVICE_NAME),
    ],
    controllers: [CreditAccountsController, CreditPortfolioController, ComplaintsConsumer],
    providers: [
      {
        provide: CreditAccountExecutor,
        inject: [EVENT_STORE, PG_POOL, PolicyRegistry, DurableTimers],
        useFactory: (store: EventStore, pool: Pool, policies: PolicyRegistry, timers: DurableTimers) =>
          new CreditAccountExecutor(store, pool, policies, timers),
      },
      {
        provide: CreditQueries,
        inject: [EVENT_STORE, PolicyRegistry, CustomerDirectoryReader],
        useFactory: (store: EventStore, policies: PolicyRegistry, directory: CustomerDirectoryReader) =>
          new CreditQueries(store, policies, directory),
      },
      {
        provide: CreditAccountList,
        inject: [PG_POOL, PolicyRegistry],
        useFactory: (pool: Pool, policies: PolicyRegistry) =>
          new CreditAccountList(pool, policies, config.readSchema()),
      },
      CreditTimerHandlers,
    ],
  })
  class CreditAppModule {}
  return CreditAppModule;
};
