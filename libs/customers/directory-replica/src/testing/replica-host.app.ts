import { Module, type Type } from '@nestjs/common';
import { Matches } from 'class-validator';
import { PlatformModule, ServiceConfig } from '@crm/nest';
import { CUSTOMERS_TOPIC } from '@crm/customers-contracts';
import type { CustomerDirectoryConfig } from '../customer-directory.config';
import { CustomerDirectoryModule } from '../customer-directory.module';

/** The least a service must declare to host the replica; the replica's own tests boot this. */
export class ReplicaHostConfig extends ServiceConfig implements CustomerDirectoryConfig {
  override SCHEMA = 'replica_host';

  @Matches(/^[a-z0-9][a-z0-9._-]*$/)
  CUSTOMERS_TOPIC: string = CUSTOMERS_TOPIC;
}

/** A host with nothing but the platform shell and the replica. */
export const replicaHostModule = (config: ReplicaHostConfig): Type<unknown> => {
  @Module({
    imports: [
      PlatformModule.forService({ serviceName: 'replica-host', schema: config.SCHEMA, config }),
      CustomerDirectoryModule.forService(config),
    ],
  })
  class ReplicaHostModule {}
  return ReplicaHostModule;
};
