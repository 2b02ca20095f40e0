import { Module, type Type } from '@nestjs/common';
import { PlatformModule } from '@crm/nest';
import { CustomerDirectoryModule } from '@crm/customers-directory-replica';
import type { Clock } from '@crm/policy';
import { ComplaintsConfig } from './config/complaints.config';

export const SERVICE_NAME = 'complaints';

/** The complaints service's root module for one loaded configuration. */
export const complaintsModule = (
  config: ComplaintsConfig,
  options: { readonly clock?: Clock } = {},
): Type<unknown> => {
  @Module({
    imports: [
      PlatformModule.forService({ serviceName: SERVICE_NAME, schema: config.SCHEMA, config, ...options }),
      CustomerDirectoryModule.forService(config),
    ],
  })
  class ComplaintsAppModule {}
  return ComplaintsAppModule;
};
