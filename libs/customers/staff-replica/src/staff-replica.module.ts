import { DynamicModule, Module } from '@nestjs/common';
import type { Pool } from 'pg';
import { ACTOR_DIRECTORY, PG_POOL, SERVICE_INFO, type ServiceInfo } from '@crm/nest';
import { ReplicaActorDirectory } from './replica-actor-directory';
import { STAFF_DIRECTORY, type StaffDirectory } from './staff-directory';
import { StaffReplicaConsumer } from './staff-replica.consumer';
import { STAFF_REPLICA_OPTIONS, type StaffReplicaOptions } from './staff-replica.options';
import { StaffReplicaReader } from './staff-replica.reader';
import { migrateStaffReplica } from './staff-replica.table';

/**
 * The staff directory replica inside a consuming service: the staff handlers of the customers
 * topic and `STAFF_DIRECTORY` for the host's code (and the platform's actor check). Needs the host's
 * `PlatformModule`. The handlers run in whichever inbox consumer the host connects to the customers
 * topic (Nest gives every `@EventPattern` to every transport): `startStaffReplicaConsumer(app)`
 * when it has none, otherwise its existing one (e.g. the customer directory's). Also provides the
 * platform's ACTOR_DIRECTORY: the host's HTTP actors are checked against the replica.
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
        {
          provide: ACTOR_DIRECTORY,
          inject: [STAFF_DIRECTORY, PG_POOL, STAFF_REPLICA_OPTIONS],
          useFactory: (staff: StaffDirectory, pool: Pool, replica: StaffReplicaOptions) =>
            new ReplicaActorDirectory(staff, pool, replica.readSchema),
        },
      ],
      exports: [STAFF_DIRECTORY, STAFF_REPLICA_OPTIONS, ACTOR_DIRECTORY],
    };
  }
}
