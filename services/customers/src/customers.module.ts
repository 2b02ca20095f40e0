import { CUSTOMERS_CONTRACTS } from '@crm/customers-contracts';
import { Module, type Type } from '@nestjs/common';
import type { Pool } from 'pg';
import type { DestinationStream } from 'pino';
import type { EventStore } from '@crm/event-store';
import { EVENT_STORE, EventPipelineModule, PG_POOL, PlatformModule, WorkItemsModule } from '@crm/nest';
import { DurableTimers, PolicyRegistry, type Clock } from '@crm/policy';
import { CustomerCommands } from './application/customer-commands';
import { CustomerQueries } from './application/customer-queries';
import { LapseTimerHandler } from './application/lapse-timer.handler';
import { LapseTimerBackfill } from './application/lapse-timer-backfill';
import { LapseTimers } from './application/lapse-timers';
import { RegisterCustomerHandler } from './application/register-customer.handler';
import { CorrectCustomerHandler } from './application/correct-customer.handler';
import { StaffCommands } from './application/staff-commands';
import { CustomersConfig } from './config/customers.config';
import { ComplaintsConsumer } from './consumers/complaints.consumer';
import { InvitationsConsumer } from './consumers/invitations.consumer';
import { CustomerCommandsController } from './http/customer-commands.controller';
import { CustomerDataController } from './http/customer-data.controller';
import { CustomersController } from './http/customers.controller';
import { StaffController } from './http/staff.controller';
import { OutreachBatchesController } from './http/outreach-batches.controller';
import { OutreachBatches } from './application/outreach-batches';
import { CustomerReportsController } from './http/customer-reports.controller';
import { CustomerSearch } from './application/customer-search';
import { CustomerReportsReader } from './projections/customer-reports.reader';
import {
  allocationFairnessProjection,
  pointsLedgerProjection,
  reassignmentHistoryProjection,
} from './projections/report-projections';
import { PiiVault } from './pii/pii-vault';
import { CUSTOMERS_POLICIES, CustomersPolicies } from './policy/customers-policies';
import { CustomerListReader } from './projections/customer-list.reader';
import { customerWorkItemsProjection } from './projections/work-items/customer-work-items.projection';
import { customerListProjection } from './projections/customer-list.projection';
import { businessUnitsProjection, staffDirectoryProjection } from './projections/staff-directory.projection';
import { StaffDirectoryReader } from './projections/staff-directory.reader';
import { outreachBatchListProjection } from './projections/outreach-batch-list.projection';
import { OutreachBatchListReader } from './projections/outreach-batch-list.reader';
import { toCustomersContract } from './relay/customers-contract.mapper';

export const SERVICE_NAME = 'customers';

export interface CustomersModuleOptions {
  /** Replaces the system clock (tests). */
  readonly clock?: Clock;
  /** How often due timers are looked for (default 1 s). */
  readonly timerIntervalMs?: number;
  /** Where the logs go instead of stdout (tests). */
  readonly logDestination?: DestinationStream;
}

/** The customers service's root module for one loaded configuration. */
export const customersModule = (
  config: CustomersConfig,
  options: CustomersModuleOptions = {},
): Type<unknown> => {
  @Module({
    imports: [
      PlatformModule.forService({
        serviceName: SERVICE_NAME,
        schema: config.SCHEMA,
        config,
        policies: CUSTOMERS_POLICIES,
        ...(options.clock !== undefined ? { clock: options.clock } : {}),
        ...(options.timerIntervalMs !== undefined ? { timerIntervalMs: options.timerIntervalMs } : {}),
        ...(options.logDestination !== undefined ? { logDestination: options.logDestination } : {}),
      }),
      EventPipelineModule.forService({
        relay: {
          topic: config.CUSTOMERS_TOPIC,
          toContract: toCustomersContract,
          contracts: CUSTOMERS_CONTRACTS,
        },
        projections: [
          customerListProjection,
          staffDirectoryProjection,
          businessUnitsProjection,
          allocationFairnessProjection,
          reassignmentHistoryProjection,
          pointsLedgerProjection,
          customerWorkItemsProjection,
          outreachBatchListProjection,
        ],
      }),
      WorkItemsModule.forService(SERVICE_NAME),
    ],
    controllers: [
      CustomersController,
      CustomerCommandsController,
      CustomerDataController,
      StaffController,
      OutreachBatchesController,
      CustomerReportsController,
      InvitationsConsumer,
      ComplaintsConsumer,
    ],
    providers: [
      {
        provide: PiiVault,
        inject: [PG_POOL],
        useFactory: async (pool: Pool): Promise<PiiVault> => {
          const vault = new PiiVault(pool, config.SCHEMA, config.piiHmacSecret(), config.piiMasterKey());
          await vault.migrate();
          return vault;
        },
      },
      {
        provide: CustomersPolicies,
        inject: [PolicyRegistry],
        useFactory: (registry: PolicyRegistry) => new CustomersPolicies(registry),
      },
      {
        provide: LapseTimers,
        inject: [DurableTimers, CustomersPolicies],
        useFactory: (timers: DurableTimers, policies: CustomersPolicies) => new LapseTimers(timers, policies),
      },
      {
        provide: CustomerCommands,
        inject: [EVENT_STORE, PG_POOL, PiiVault, LapseTimers],
        useFactory: (store: EventStore, pool: Pool, vault: PiiVault, lapse: LapseTimers) =>
          new CustomerCommands(store, pool, vault, lapse),
      },
      LapseTimerHandler,
      LapseTimerBackfill,
      {
        provide: RegisterCustomerHandler,
        inject: [EVENT_STORE, PG_POOL, PiiVault, LapseTimers],
        useFactory: (store: EventStore, pool: Pool, vault: PiiVault, lapse: LapseTimers) =>
          new RegisterCustomerHandler(store, pool, vault, lapse),
      },
      {
        provide: CorrectCustomerHandler,
        inject: [EVENT_STORE, PG_POOL, PiiVault],
        useFactory: (store: EventStore, pool: Pool, vault: PiiVault) =>
          new CorrectCustomerHandler(store, pool, vault),
      },
      {
        provide: CustomerQueries,
        inject: [EVENT_STORE, PiiVault],
        useFactory: (store: EventStore, vault: PiiVault) => new CustomerQueries(store, vault),
      },
      {
        provide: CustomerListReader,
        inject: [PG_POOL, PiiVault],
        useFactory: (pool: Pool, vault: PiiVault) => new CustomerListReader(pool, config.readSchema(), vault),
      },
      {
        provide: StaffDirectoryReader,
        inject: [PG_POOL],
        useFactory: (pool: Pool) => new StaffDirectoryReader(pool, config.readSchema()),
      },
      {
        provide: OutreachBatchListReader,
        inject: [PG_POOL],
        useFactory: (pool: Pool) => new OutreachBatchListReader(pool, config.readSchema()),
      },
      {
        provide: CustomerReportsReader,
        inject: [PG_POOL],
        useFactory: (pool: Pool) => new CustomerReportsReader(pool, config.readSchema()),
      },
      {
        provide: CustomerSearch,
        inject: [EVENT_STORE, PiiVault, CustomerQueries, CustomerListReader],
        useFactory: (
          store: EventStore,
          vault: PiiVault,
          queries: CustomerQueries,
          list: CustomerListReader,
        ) => new CustomerSearch(store, vault, queries, list),
      },
      {
        provide: OutreachBatches,
        inject: [EVENT_STORE, RegisterCustomerHandler, CustomerCommands, CustomersPolicies],
        useFactory: (
          store: EventStore,
          register: RegisterCustomerHandler,
          commands: CustomerCommands,
          policies: CustomersPolicies,
        ) => new OutreachBatches(store, register, commands, policies),
      },
      {
        provide: StaffCommands,
        inject: [EVENT_STORE, StaffDirectoryReader, CustomerListReader, CustomerCommands, CustomersPolicies],
        useFactory: (
          store: EventStore,
          staff: StaffDirectoryReader,
          customers: CustomerListReader,
          commands: CustomerCommands,
          policies: CustomersPolicies,
        ) => new StaffCommands(store, staff, customers, commands, policies),
      },
    ],
  })
  class CustomersAppModule {}
  return CustomersAppModule;
};
