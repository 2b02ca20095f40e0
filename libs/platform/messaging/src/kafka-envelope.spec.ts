import type { StoredEvent } from '@crm/event-store';
import {
  envelopeFor,
  headerText,
  parseEnvelope,
  PoisonMessageError,
  toKafkaMessage,
  type KafkaEnvelope,
} from './kafka-envelope';
import { dlqTopicFor, topicForService } from './kafka-topics';

const stored: StoredEvent = {
  id: '5b7f8a52-4d0e-4a39-9a51-2d1f3c2f6f01',
  streamId: 'customer-42',
  type: 'CustomerRegistered',
  version: 0,
  position: { commit: 9_007_199_254_740_993n, prepare: 17n },
  data: { name: 'private', mobileHash: 'h' },
  metadata: {
    actor: { id: 'u1', role: 'agent', bu: 'north' },
    correlationId: 'corr-1',
    causationId: 'cmd-1',
    policyVersion: 'p-3',
    businessTime: '2024-05-01T08:00:00.000Z',
  },
  recordedAt: new Date('2024-05-01T08:00:01.000Z'),
  hash: 'x',
  previousHash: '',
};

describe('kafka envelope', () => {
  const envelope = envelopeFor(stored, {
    aggregateId: '42',
    type: 'CustomerRegistered',
    data: { mobileHash: 'h' },
  });

  it('carries metadata, the contract data only, and positions as exact decimal strings', () => {
    expect(envelope).toEqual({
      eventId: stored.id,
      type: 'CustomerRegistered',
      streamId: 'customer-42',
      aggregateId: '42',
      version: 0,
      position: { commit: '9007199254740993', prepare: '17' },
      occurredAt: '2024-05-01T08:00:00.000Z',
      recordedAt: '2024-05-01T08:00:01.000Z',
      correlationId: 'corr-1',
      causationId: 'cmd-1',
      actor: { id: 'u1', role: 'agent', bu: 'north' },
      policyVersion: 'p-3',
      data: { mobileHash: 'h' },
    });
  });

  it('becomes a message keyed by aggregate id with id/type/correlation headers and parses back', () => {
    const message = toKafkaMessage(envelope);
    expect(message.key).toBe('42');
    expect(headerText(message.headers, 'event-id')).toBe(stored.id);
    expect(headerText(message.headers, 'event-type')).toBe('CustomerRegistered');
    expect(headerText(message.headers, 'correlation-id')).toBe('corr-1');
    expect(parseEnvelope(Buffer.from(String(message.value)))).toEqual(envelope);
  });

  it('carries the CloudEvents Kafka binding headers', () => {
    const message = toKafkaMessage(envelope, {
      source: '/crm/customers',
      dataschema: 'urn:crm:contracts:crm.customers.events.v1:CustomerRegistered',
    });
    expect(headerText(message.headers, 'ce_specversion')).toBe('1.0');
    expect(headerText(message.headers, 'ce_id')).toBe(stored.id);
    expect(headerText(message.headers, 'ce_source')).toBe('/crm/customers');
    expect(headerText(message.headers, 'ce_type')).toBe('CustomerRegistered');
    expect(headerText(message.headers, 'ce_time')).toBe('2024-05-01T08:00:00.000Z');
    expect(headerText(message.headers, 'content-type')).toBe('application/json');
    expect(headerText(message.headers, 'ce_dataschema')).toBe(
      'urn:crm:contracts:crm.customers.events.v1:CustomerRegistered',
    );
  });

  const bad: Array<[string, Buffer | null]> = [
    ['null value', null],
    ['empty value', Buffer.alloc(0)],
    ['non-JSON bytes', Buffer.from([0xff, 0x00, 0x7b])],
    ['a JSON array', Buffer.from('[1,2]')],
    ['a missing event id', Buffer.from(JSON.stringify({ ...envelope, eventId: undefined }))],
    ['a non-integer version', Buffer.from(JSON.stringify({ ...envelope, version: 1.5 }))],
    ['a numeric position', Buffer.from(JSON.stringify({ ...envelope, position: { commit: 1, prepare: 2 } }))],
    ['a bad timestamp', Buffer.from(JSON.stringify({ ...envelope, occurredAt: 'yesterday' }))],
    ['non-object data', Buffer.from(JSON.stringify({ ...envelope, data: 'x' }))],
    ['an actor without role', Buffer.from(JSON.stringify({ ...envelope, actor: { id: 'u1' } }))],
    ['NUL in an id', Buffer.from(JSON.stringify({ ...envelope, eventId: 'e\u0000' }))],
    ['NUL deep in data', Buffer.from(JSON.stringify({ ...envelope, data: { a: [{ b: 'x\u0000' }] } }))],
    ['NUL in a data key', Buffer.from(JSON.stringify({ ...envelope, data: { 'k\u0000': 1 } }))],
  ];
  it.each(bad)('rejects %s with PoisonMessageError', (_label, value) => {
    expect(() => parseEnvelope(value)).toThrow(PoisonMessageError);
  });

  it('accepts an envelope without the optional fields', () => {
    const minimal: KafkaEnvelope = {
      eventId: 'e',
      type: 'T',
      streamId: 's',
      aggregateId: 'a',
      version: 3,
      position: { commit: '1', prepare: '2' },
      occurredAt: '2024-01-01T00:00:00Z',
      recordedAt: '2024-01-01T00:00:00Z',
      correlationId: 'c',
      data: {},
    };
    expect(parseEnvelope(JSON.stringify(minimal))).toEqual(minimal);
  });
});

describe('topic names', () => {
  it('follow crm.<service>.events.v1 and crm.<consumer>.dlq', () => {
    expect(topicForService('customers')).toBe('crm.customers.events.v1');
    expect(dlqTopicFor('complaints-directory')).toBe('crm.complaints-directory.dlq');
  });

  it('refuse names that would break the scheme', () => {
    expect(() => topicForService('Customers')).toThrow();
    expect(() => dlqTopicFor('a b')).toThrow();
  });
});
