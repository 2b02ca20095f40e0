import type { INestApplication } from '@nestjs/common';
import { connectInboxConsumer } from '@crm/nest';
import type { KafkaInboxTransport } from '@crm/messaging';
import { CustomersConfig } from '../config/customers.config';
import { inboundFactsConsumerName } from './consumer-names';

/** Feeds the invitations and complaints topics to the app's `@EventPattern` handlers (inbox-deduplicated). */
export const startInboundConsumer = (app: INestApplication): Promise<KafkaInboxTransport> => {
  const config = app.get(CustomersConfig);
  return connectInboxConsumer(app, {
    name: inboundFactsConsumerName(config),
    topics: [config.INVITATIONS_TOPIC, config.COMPLAINTS_TOPIC],
  });
};
