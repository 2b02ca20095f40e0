import { type ContractCatalog, contractSchema, type JsonSchema } from '@crm/contract-fields';

/** The envelope every service publishes (libs/platform/messaging kafka-envelope.ts), `data` per type. */
const envelopeSchema = (data: JsonSchema): JsonSchema => ({
  type: 'object',
  required: [
    'eventId',
    'type',
    'streamId',
    'aggregateId',
    'version',
    'position',
    'occurredAt',
    'recordedAt',
    'correlationId',
    'data',
  ],
  properties: {
    eventId: { type: 'string', format: 'uuid', description: 'Unique per event; consumers deduplicate on it' },
    type: { type: 'string', const: data['title'] },
    streamId: { type: 'string' },
    aggregateId: { type: 'string', description: 'Also the Kafka message key: order is kept per aggregate' },
    version: { type: 'integer', minimum: 0 },
    position: {
      type: 'object',
      required: ['commit', 'prepare'],
      properties: {
        commit: { type: 'string', pattern: '^\\d+$' },
        prepare: { type: 'string', pattern: '^\\d+$' },
      },
    },
    occurredAt: { type: 'string', format: 'date-time', description: 'Business time of the fact' },
    recordedAt: { type: 'string', format: 'date-time', description: 'When the producing store committed it' },
    correlationId: { type: 'string' },
    causationId: { type: 'string' },
    actor: {
      type: 'object',
      required: ['id', 'role'],
      properties: { id: { type: 'string' }, role: { type: 'string' }, bu: { type: 'string' } },
    },
    policyVersion: { type: 'string' },
    data,
  },
});

const cloudEventsHeaders: JsonSchema = {
  type: 'object',
  description: 'CloudEvents Kafka protocol binding (binary-mode headers); the value stays the envelope.',
  required: ['ce_specversion', 'ce_id', 'ce_source', 'ce_type', 'ce_time', 'content-type'],
  properties: {
    ce_specversion: { type: 'string', const: '1.0' },
    ce_id: { type: 'string', description: 'The event id (= envelope eventId)' },
    ce_source: { type: 'string', description: 'The producing service, e.g. /crm/customers' },
    ce_type: { type: 'string', description: 'The event type (= envelope type)' },
    ce_time: { type: 'string', format: 'date-time', description: 'Business time (= envelope occurredAt)' },
    'content-type': { type: 'string', const: 'application/json' },
    ce_dataschema: { type: 'string', description: 'The $id of the JSON Schema of the envelope data' },
    'event-id': { type: 'string' },
    'event-type': { type: 'string' },
    'correlation-id': { type: 'string' },
  },
};

/** Strips the JSON Schema document keywords that AsyncAPI schema objects do not take. */
const embedded = (schema: JsonSchema): JsonSchema => {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
};

export interface ContractFiles {
  readonly asyncapi: JsonSchema;
  /** Path under docs/contracts/schemas → JSON Schema document. */
  readonly schemas: ReadonlyMap<string, JsonSchema>;
}

/** The AsyncAPI 3 document of every topic and one JSON Schema per event type, from the catalogs. */
export const contractFiles = (catalogs: readonly ContractCatalog[]): ContractFiles => {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  const schemas = new Map<string, JsonSchema>();
  for (const catalog of catalogs) {
    const channelMessages: Record<string, unknown> = {};
    for (const [type, parser] of Object.entries(catalog.parsers).sort(([a], [b]) => a.localeCompare(b))) {
      const schema = contractSchema(catalog.topic, type, parser);
      schemas.set(`${catalog.service}/${type}.v1.json`, schema);
      const key = `${catalog.service}.${type}`;
      messages[key] = {
        name: type,
        title: type,
        contentType: 'application/json',
        headers: cloudEventsHeaders,
        payload: envelopeSchema(embedded(schema)),
        bindings: { kafka: { key: { type: 'string', description: 'aggregateId' } } },
      };
      channelMessages[type] = { $ref: `#/components/messages/${key}` };
    }
    channels[catalog.service] = {
      address: catalog.topic,
      title: catalog.title,
      messages: channelMessages,
      bindings: { kafka: { topic: catalog.topic, partitions: 6 } },
    };
    operations[`publish-${catalog.service}`] = {
      action: 'send',
      title: `The ${catalog.service} service publishes`,
      channel: { $ref: `#/channels/${catalog.service}` },
      messages: Object.keys(channelMessages).map((type) => ({
        $ref: `#/channels/${catalog.service}/messages/${type}`,
      })),
    };
  }
  return {
    asyncapi: {
      asyncapi: '3.0.0',
      info: {
        title: 'CRM platform events',
        version: '1.0.0',
        description:
          'Contract events of the CRM services, one topic per service. Generated from the runtime contract ' +
          'parsers (npm run contracts:write); every message the services publish is checked against these schemas.',
      },
      defaultContentType: 'application/json',
      servers: {
        local: {
          host: '127.0.0.1:19092',
          protocol: 'kafka',
          description: 'The broker infra/start-all.sh starts (docker compose: 127.0.0.1:29092)',
        },
      },
      channels,
      operations,
      components: { messages },
    },
    schemas,
  };
};
