import 'reflect-metadata';
import { bootstrapService, loadConfig } from '@crm/nest';
import { CreditConfig } from './config/credit.config';
import { startCreditConsumers } from './consumer/start-credit-consumers';
import { creditModule, SERVICE_NAME } from './credit.module';

const main = async (): Promise<void> => {
  const config = loadConfig(CreditConfig);
  const app = await bootstrapService(creditModule(config), { serviceName: SERVICE_NAME, port: 3003 });
  await startCreditConsumers(app);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
