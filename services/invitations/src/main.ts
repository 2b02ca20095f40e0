import 'reflect-metadata';
import { bootstrapService, loadConfig } from '@crm/nest';
import { startCustomerDirectoryConsumer } from '@crm/customers-directory-replica';
import { InvitationsConfig } from './config/invitations.config';
import { invitationsModule, SERVICE_NAME } from './invitations.module';

const main = async (): Promise<void> => {
  const config = loadConfig(InvitationsConfig);
  const app = await bootstrapService(invitationsModule(config), { serviceName: SERVICE_NAME, port: 3004 });
  await startCustomerDirectoryConsumer(app);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
