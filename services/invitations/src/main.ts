import 'reflect-metadata';
import { bootstrapService, loadConfig } from '@crm/nest';
import { InvitationsConfig } from './config/invitations.config';
import { startCreditTopicConsumer } from './credit/start-credit-consumer';
import { startCustomersTopicConsumer } from './eligibility/start-eligibility-consumer';
import { invitationsModule, SERVICE_NAME } from './invitations.module';

const main = async (): Promise<void> => {
  const config = loadConfig(InvitationsConfig);
  const app = await bootstrapService(invitationsModule(config), { serviceName: SERVICE_NAME, port: 3004 });
  await startCustomersTopicConsumer(app);
  await startCreditTopicConsumer(app);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
