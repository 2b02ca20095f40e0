import { DynamicModule, Module } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL, SERVICE_INFO, type ServiceInfo } from '@crm/nest';
import { STAFF_DIRECTORY } from './staff-directory';
import { StaffReplicaConsumer } from './staff-replica.consumer';
import { STAFF_REPLICA_OPTIONS, type StaffReplicaOptions } from './staff-replica.options';
import { StaffReplicaReader } from './staff-replica.reader';
import { migrateStaffReplica } from './staff-replica.table';

/**
 * The staff directory replica inside a consuming service: the staff handlers of the customers
 * topic and `STAFF_DIRECTORY` for the host's code (and the platform's actor check). Needs the host's
 * `PlatformModule`. The handlers run in whichever inbox consumer the host connects to the customers
 * topic (Nest gives every `@EventPattern` to every transport): `startStaffReplicaConsumer(app)`
 * when it has none, otherwise its existing one (e.g. the customer directory's).
 */
@Module({})
export class StaffReplicaModule {
  static forService(options: Partial<StaffReplicaOptions> = {}): DynamicModule {
    return {
      module: StaffReplicaModule,
      global: true,
      controllers: [StaffReplicaConsumer],
      providers: [
        {
          provide: STAFF_REPLICA_OPTIONS,
          inject: [SERVICE_INFO],
          useFactory: (service: ServiceInfo): StaffReplicaOptions => ({
            readSchema: options.readSchema ?? service.readSchema,
          }),
        },
        {
          provide: STAFF_DIRECTORY,
          inject: [PG_POOL, STAFF_REPLICA_OPTIONS],
          // The table exists before the first query and before the consumer starts.
          useFactory: async (pool: Pool, replica: StaffReplicaOptions): Promise<StaffReplicaReader> => {
            await migrateStaffReplica(pool, replica.readSchema);
            return new StaffReplicaReader(pool, replica.readSchema);
          },
        },
      ],
      exports: [STAFF_DIRECTORY, STAFF_REPLICA_OPTIONS],
    };
  }
}
