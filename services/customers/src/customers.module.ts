import { Module, type Type } from '@nestjs/common';
import type { Pool } from 'pg';
import type { EventStore } from '@crm/event-store';
import { EVENT_STORE, EventPipelineModule, PG_POOL, PlatformModule } from '@crm/nest';
import type { Clock } from '@crm/policy';
import { CustomerQueries } from './application/customer-queries';
import { RegisterCustomerHandler } from './application/register-customer.handler';
import { CustomersConfig } from './config/customers.config';
import { CustomersController } from './http/customers.controller';
import { PiiVault } from './pii/pii-vault';
import { CustomerListReader } from './projections/customer-list.reader';
import { customerListProjection } from './projections/customer-list.projection';
import { toCustomersContract } from './relay/customers-contract.mapper';

export const SERVICE_NAME = 'customers';

export interface CustomersModuleOptions {
  /** Replaces the system clock (tests). */
  readonly clock?: Clock;
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
        ...(options.clock !== undefined ? { clock: options.clock } : {}),
      }),
      EventPipelineModule.forService({
        relay: { topic: config.CUSTOMERS_TOPIC, toContract: toCustomersContract },
        projections: [customerListProjection],
      }),
    ],
    controllers: [CustomersController],
    providers: [
      {
        provide: PiiVault,
        inject: [PG_POOL],
        useFactory: async (pool: Pool): Promise<PiiVault> => {
          const vault = new PiiVault(pool, config.SCHEMA, config.piiHmacSecret());
          await vault.migrate();
          return vault;
        },
      },
      {
        provide: RegisterCustomerHandler,
        inject: [EVENT_STORE, PG_POOL, PiiVault],
        useFactory: (store: EventStore, pool: Pool, vault: PiiVault) =>
          new RegisterCustomerHandler(store, pool, vault),
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
    ],
  })
  class CustomersAppModule {}
  return CustomersAppModule;
};
