import type { INestApplication } from '@nestjs/common';
import { connectInboxConsumer } from '@crm/nest';
import type { KafkaInboxTransport } from '@crm/messaging';
import { InvitationsConfig } from '../config/invitations.config';

export const CREDIT_BLOCKS_PROBE = 'consumer.credit-blocks';

/** Inbox dedupe key, consumer group and dead-letter topic of the credit-topic consumer. */
export const creditConsumerName = (config: Pick<InvitationsConfig, 'SCHEMA'>): string =>
  `${config.SCHEMA}.credit-blocks`;

/**
 * A second inbox consumer on the same app, for the credit topic (the platform starts only the
 * consumer it connects). Nest gives it every `@EventPattern` handler too, but it only subscribes
 * to the credit topic, so only the credit handlers ever run on it.
 */
export const startCreditTopicConsumer = async (app: INestApplication): Promise<KafkaInboxTransport> => {
  const config = app.get(InvitationsConfig);
  return connectInboxConsumer(app, {
    name: creditConsumerName(config),
    topics: [config.CREDIT_TOPIC],
    probe: CREDIT_BLOCKS_PROBE,
  });
};
