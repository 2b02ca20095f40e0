import type { INestApplication } from '@nestjs/common';
import { connectInboxConsumer } from '@crm/nest';
import type { KafkaInboxTransport } from '@crm/messaging';
import { NotificationsConfig } from '../config/notifications.config';

export const NOTICES_PROBE = 'consumer.notices';

/** Inbox dedupe key, consumer group and dead-letter topic of the notices consumer. */
export const noticesConsumerName = (config: Pick<NotificationsConfig, 'SCHEMA'>): string =>
  `${config.SCHEMA}.notices`;

/**
 * One inbox consumer for the three topics whose events call for a person. The customers topic
 * feeds the staff replica through its own consumer (no customers event notifies anyone yet).
 */
export const startNoticesConsumer = async (app: INestApplication): Promise<KafkaInboxTransport> => {
  const config = app.get(NotificationsConfig);
  return connectInboxConsumer(app, {
    name: noticesConsumerName(config),
    topics: [config.COMPLAINTS_TOPIC, config.CREDIT_TOPIC, config.INVITATIONS_TOPIC],
    probe: NOTICES_PROBE,
  });
};
