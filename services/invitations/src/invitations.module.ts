import { Module, type Type } from '@nestjs/common';
import { PlatformModule } from '@crm/nest';
import { CustomerDirectoryModule } from '@crm/customers-directory-replica';
import type { Clock } from '@crm/policy';
import { InvitationsConfig } from './config/invitations.config';

export const SERVICE_NAME = 'invitations';

/** The invitations service's root module for one loaded configuration. */
export const invitationsModule = (
  config: InvitationsConfig,
  options: { readonly clock?: Clock } = {},
): Type<unknown> => {
  @Module({
    imports: [
      PlatformModule.forService({ serviceName: SERVICE_NAME, schema: config.SCHEMA, config, ...options }),
      CustomerDirectoryModule.forService(config),
    ],
  })
  class InvitationsAppModule {}
  return InvitationsAppModule;
};
