import type { INestApplication } from '@nestjs/common';
import { connectInboxConsumer, SERVICE_INFO, type ServiceInfo } from '@crm/nest';
import type { KafkaInboxTransport } from '@crm/messaging';

export const STAFF_REPLICA_PROBE = 'consumer.staff-replica';

/** Inbox key, consumer group and DLQ name (`crm.<name>.dlq`) of a host's own staff consumer. */
export const staffReplicaConsumerName = (schema: string): string => `${schema}.staff-replica`;

/**
 * For a host with no other consumer of the customers topic: connects it to the replica's handlers
 * through the inbox transport. A host that already consumes the topic runs the handlers there
 * (a second consumer would run every handler of the topic twice).
 */
export const startStaffReplicaConsumer = (
  app: INestApplication,
  customersTopic: string,
): Promise<KafkaInboxTransport> => {
  const service = app.get<ServiceInfo>(SERVICE_INFO);
  return connectInboxConsumer(app, {
    name: staffReplicaConsumerName(service.schema),
    topics: [customersTopic],
    probe: STAFF_REPLICA_PROBE,
  });
};
