import { DynamicModule, Module } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '@crm/nest';
import { CUSTOMER_DIRECTORY_CONFIG, type CustomerDirectoryConfig } from './customer-directory.config';
import { CustomerDirectoryConsumer } from './customer-directory.consumer';
import { CustomerDirectoryController } from './customer-directory.controller';
import { CustomerDirectoryReader } from './customer-directory.reader';
import { migrateCustomerDirectory } from './customer-directory.table';

/**
 * The customers directory replica inside a consuming service: `GET /customer-directory[/:id]`,
 * the `CustomerRegistered` handler and `CustomerDirectoryReader` for the host's own code. Needs the
 * host's `PlatformModule` (pool, consumer metrics, health, analyst access); the consumer itself is started after the app
 * is created, with `startCustomerDirectoryConsumer(app)`.
 */
@Module({})
export class CustomerDirectoryModule {
  static forService(config: CustomerDirectoryConfig): DynamicModule {
    return {
      module: CustomerDirectoryModule,
      controllers: [CustomerDirectoryController, CustomerDirectoryConsumer],
      providers: [
        { provide: CUSTOMER_DIRECTORY_CONFIG, useValue: config },
        {
          provide: CustomerDirectoryReader,
          inject: [PG_POOL],
          // The table exists before the first query and before the consumer starts.
          useFactory: async (pool: Pool): Promise<CustomerDirectoryReader> => {
            await migrateCustomerDirectory(pool, config.readSchema());
            return new CustomerDirectoryReader(pool, config.readSchema());
          },
        },
      ],
      exports: [CUSTOMER_DIRECTORY_CONFIG, CustomerDirectoryReader],
    };
  }
}
