import 'reflect-metadata';
import { bootstrapService, loadConfig } from '@crm/nest';
import { PenaltiesConfig } from './config/penalties.config';
import { startPenaltiesConsumer } from './intake/start-penalties-consumer';
import { penaltiesModule, SERVICE_NAME } from './penalties.module';

const main = async (): Promise<void> => {
  const config = loadConfig(PenaltiesConfig);
  const app = await bootstrapService(penaltiesModule(config), { serviceName: SERVICE_NAME, port: 3006 });
  await startPenaltiesConsumer(app);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
