import 'reflect-metadata';
import { bootstrapService, loadConfig } from '@crm/nest';
import { startStaffReplicaConsumer } from '@crm/staff-replica';
import { NotificationsConfig } from './config/notifications.config';
import { startNoticesConsumer } from './inbound/start-notices-consumer';
import { notificationsModule, SERVICE_NAME } from './notifications.module';

const main = async (): Promise<void> => {
  const config = loadConfig(NotificationsConfig);
  const app = await bootstrapService(notificationsModule(config), { serviceName: SERVICE_NAME, port: 3005 });
  await startStaffReplicaConsumer(app, config.CUSTOMERS_TOPIC);
  await startNoticesConsumer(app);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
