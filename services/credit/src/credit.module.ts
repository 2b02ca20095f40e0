import { Module, type Type } from '@nestjs/common';
import { PlatformModule } from '@crm/nest';
import { CustomerDirectoryModule } from '@crm/customers-directory-replica';
import type { Clock } from '@crm/policy';
import { CreditConfig } from './config/credit.config';

export const SERVICE_NAME = 'credit';

/** The credit service's root module for one loaded configuration. */
export const creditModule = (
  config: CreditConfig,
  options: { readonly clock?: Clock } = {},
): Type<unknown> => {
  @Module({
    imports: [
      PlatformModule.forService({ serviceName: SERVICE_NAME, schema: config.SCHEMA, config, ...options }),
      CustomerDirectoryModule.forService(config),
    ],
  })
  class CreditAppModule {}
  return CreditAppModule;
};
