/**
 * Inbox key, consumer group and DLQ name (`crm.<name>.dlq`) of the consumer of the invitations and
 * complaints topics. It follows the schema, so replicas of the service share one group.
 */
export const inboundFactsConsumerName = (config: { readonly SCHEMA: string }): string =>
  `${config.SCHEMA}.inbound-facts`;
