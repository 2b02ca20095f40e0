import type { Actor } from '@crm/event-sourcing';
import type { StoredEvent } from '@crm/event-store';
import type { IHeaders, Message } from 'kafkajs';

/**
 * The wire format every service publishes (architecture §5). Positions travel as decimal strings
 * because JSON has no bigint and transaction ids outgrow 2^53.
 */
export interface KafkaEnvelope {
  readonly eventId: string;
  readonly type: string;
  readonly streamId: string;
  readonly aggregateId: string;
  readonly version: number;
  readonly position: { readonly commit: string; readonly prepare: string };
  /** Business time of the fact (metadata.businessTime). */
  readonly occurredAt: string;
  /** When the producing service's store committed it. */
  readonly recordedAt: string;
  readonly correlationId: string;
  readonly causationId?: string;
  readonly actor?: Actor;
  readonly policyVersion?: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** What a service exposes of one stored event; `null` from the mapper keeps the event private. */
export interface ContractEvent {
  readonly aggregateId: string;
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export type ContractMapper = (event: StoredEvent) => ContractEvent | null;

export const HEADER_EVENT_ID = 'event-id';
export const HEADER_EVENT_TYPE = 'event-type';
export const HEADER_CORRELATION_ID = 'correlation-id';

/** The message could not be turned into an envelope; retrying cannot help, so it goes to the DLQ. */
export class PoisonMessageError extends Error {
  constructor(readonly reason: string) {
    super(`poison message: ${reason}`);
    this.name = 'PoisonMessageError';
  }
}

export const envelopeFor = (event: StoredEvent, contract: ContractEvent): KafkaEnvelope => {
  const meta = event.metadata;
  return {
    eventId: event.id,
    type: contract.type,
    streamId: event.streamId,
    aggregateId: contract.aggregateId,
    version: event.version,
    position: { commit: event.position.commit.toString(), prepare: event.position.prepare.toString() },
    occurredAt: meta.businessTime,
    recordedAt: event.recordedAt.toISOString(),
    correlationId: meta.correlationId,
    ...(meta.causationId !== undefined ? { causationId: meta.causationId } : {}),
    ...(meta.actor !== undefined ? { actor: meta.actor } : {}),
    ...(meta.policyVersion !== undefined ? { policyVersion: meta.policyVersion } : {}),
    data: contract.data,
  };
};

/** Where a message comes from and which schema its `data` follows (CloudEvents `source`, `dataschema`). */
export interface MessageOrigin {
  /** e.g. `/crm/customers`. */
  readonly source: string;
  readonly dataschema?: string;
}

/**
 * The Kafka message of an envelope. Headers follow the CloudEvents Kafka protocol binding
 * (`ce_specversion`, `ce_id`, `ce_source`, `ce_type`, `ce_time`, `content-type`, `ce_dataschema`),
 * so generic tooling can route and type messages without reading the value; the value stays the
 * envelope above (its `data` is what `ce_dataschema` describes). The older `event-id`,
 * `event-type` and `correlation-id` headers remain for existing consumers.
 */
export const toKafkaMessage = (
  envelope: KafkaEnvelope,
  origin: MessageOrigin = { source: '/crm' },
): Message => ({
  key: envelope.aggregateId,
  value: JSON.stringify(envelope),
  headers: {
    ce_specversion: '1.0',
    ce_id: envelope.eventId,
    ce_source: origin.source,
    ce_type: envelope.type,
    ce_time: envelope.occurredAt,
    'content-type': 'application/json',
    ...(origin.dataschema !== undefined ? { ce_dataschema: origin.dataschema } : {}),
    [HEADER_EVENT_ID]: envelope.eventId,
    [HEADER_EVENT_TYPE]: envelope.type,
    [HEADER_CORRELATION_ID]: envelope.correlationId,
  },
});

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const requireString = (obj: Record<string, unknown>, field: string): string => {
  const value = obj[field];
  if (typeof value !== 'string' || value.length === 0) {
    throw new PoisonMessageError(`field '${field}' must be a non-empty string`);
  }
  return value;
};

const optionalString = (obj: Record<string, unknown>, field: string): string | undefined => {
  const value = obj[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new PoisonMessageError(`field '${field}' must be a string`);
  return value;
};

const parseActor = (value: unknown): Actor | undefined => {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) throw new PoisonMessageError(`field 'actor' must be an object`);
  const bu = optionalString(value, 'bu');
  const name = optionalString(value, 'name');
  return {
    id: requireString(value, 'id'),
    role: requireString(value, 'role'),
    ...(bu !== undefined ? { bu } : {}),
    ...(name !== undefined ? { name } : {}),
  };
};

const DECIMAL = /^\d+$/;

/**
 * Whether any key or string anywhere in a parsed value holds NUL, which no PostgreSQL text or
 * jsonb column can store. Iterative, so a deeply nested payload cannot overflow the stack.
 */
const holdsNul = (root: unknown): boolean => {
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return true;
    } else if (Array.isArray(value)) {
      for (const inner of value as unknown[]) pending.push(inner);
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) {
        if (key.includes('\u0000')) return true;
        pending.push(inner);
      }
    }
  }
  return false;
};

/** Decodes and validates a message value; anything malformed is a {@link PoisonMessageError}. */
export const parseEnvelope = (value: Buffer | string | null | undefined): KafkaEnvelope => {
  if (value === null || value === undefined || value.length === 0) {
    throw new PoisonMessageError('empty message value');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(typeof value === 'string' ? value : value.toString('utf8'));
  } catch (error) {
    throw new PoisonMessageError(
      `value is not JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (!isRecord(raw)) throw new PoisonMessageError('value is not a JSON object');
  if (holdsNul(raw)) throw new PoisonMessageError('value holds a NUL character (\\u0000)');
  const version = raw['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new PoisonMessageError(`field 'version' must be a non-negative integer`);
  }
  const position = raw['position'];
  if (!isRecord(position)) throw new PoisonMessageError(`field 'position' must be an object`);
  const commit = requireString(position, 'commit');
  const prepare = requireString(position, 'prepare');
  if (!DECIMAL.test(commit) || !DECIMAL.test(prepare)) {
    throw new PoisonMessageError(`field 'position' must hold decimal strings`);
  }
  const data = raw['data'];
  if (!isRecord(data)) throw new PoisonMessageError(`field 'data' must be an object`);
  for (const field of ['occurredAt', 'recordedAt'] as const) {
    if (Number.isNaN(Date.parse(requireString(raw, field)))) {
      throw new PoisonMessageError(`field '${field}' must be an ISO-8601 instant`);
    }
  }
  const causationId = optionalString(raw, 'causationId');
  const policyVersion = optionalString(raw, 'policyVersion');
  const actor = parseActor(raw['actor']);
  return {
    eventId: requireString(raw, 'eventId'),
    type: requireString(raw, 'type'),
    streamId: requireString(raw, 'streamId'),
    aggregateId: requireString(raw, 'aggregateId'),
    version,
    position: { commit, prepare },
    occurredAt: requireString(raw, 'occurredAt'),
    recordedAt: requireString(raw, 'recordedAt'),
    correlationId: requireString(raw, 'correlationId'),
    ...(causationId !== undefined ? { causationId } : {}),
    ...(actor !== undefined ? { actor } : {}),
    ...(policyVersion !== undefined ? { policyVersion } : {}),
    data,
  };
};

/** Header values arrive as Buffers; this reads one as text. */
export const headerText = (headers: IHeaders | undefined, name: string): string | undefined => {
  const value = headers?.[name];
  if (value === undefined) return undefined;
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
};
