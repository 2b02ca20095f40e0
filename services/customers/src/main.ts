import 'reflect-metadata';
import { bootstrapService, loadConfig } from '@crm/nest';
import { CustomersConfig } from './config/customers.config';
import { startInboundConsumer } from './consumers/start-inbound-consumer';
import { customersModule, SERVICE_NAME } from './customers.module';

const main = async (): Promise<void> => {
  const config = loadConfig(CustomersConfig);
  const app = await bootstrapService(customersModule(config), { serviceName: SERVICE_NAME, port: 3001 });
  await startInboundConsumer(app);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
