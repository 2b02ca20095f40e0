import 'reflect-metadata';
import { bootstrapService, loadConfig } from '@crm/nest';
import { startCustomerDirectoryConsumer } from '@crm/customers-directory-replica';
import { ComplaintsConfig } from './config/complaints.config';
import { complaintsModule, SERVICE_NAME } from './complaints.module';

const main = async (): Promise<void> => {
  const config = loadConfig(ComplaintsConfig);
  const app = await bootstrapService(complaintsModule(config), { serviceName: SERVICE_NAME, port: 3002 });
  await startCustomerDirectoryConsumer(app);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
