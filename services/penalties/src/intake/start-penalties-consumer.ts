import type { INestApplication } from '@nestjs/common';
import { connectInboxConsumer } from '@crm/nest';
import type { KafkaInboxTransport } from '@crm/messaging';
import { PenaltiesConfig } from '../config/penalties.config';

/**
 * One inbox consumer for every inbound topic (staff facts for the replica, fines from complaints
 * and invitations); each `@EventPattern` handler picks its event types. One, because a second
 * consumer of the customers topic would run the replica's handlers twice.
 */
export const startPenaltiesConsumer = (app: INestApplication): Promise<KafkaInboxTransport> => {
  const config = app.get(PenaltiesConfig);
  return connectInboxConsumer(app, {
    name: `${config.SCHEMA}.fines`,
    schema: config.SCHEMA,
    topics: [config.CUSTOMERS_TOPIC, config.COMPLAINTS_TOPIC, config.INVITATIONS_TOPIC],
  });
};
