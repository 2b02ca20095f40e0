import { Module, type Type } from '@nestjs/common';
import { PlatformModule, ServiceConfig } from '@crm/nest';
import { StaffReplicaModule } from '../staff-replica.module';

/** The least a service must be to host the replica; the replica's own tests boot this. */
export class StaffHostConfig extends ServiceConfig {
  override SCHEMA = 'staff_host';
}

/** A host with nothing but the platform shell and the replica. */
export const staffHostModule = (config: StaffHostConfig): Type<unknown> => {
  @Module({
    imports: [
      PlatformModule.forService({ serviceName: 'staff-host', schema: config.SCHEMA, config }),
      StaffReplicaModule.forService(),
    ],
  })
  class StaffHostModule {}
  return StaffHostModule;
};
