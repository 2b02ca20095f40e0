import { Logger } from '@nestjs/common';
import type { Admin, Consumer, ConsumerConfig, EachMessagePayload, Kafka, Producer } from 'kafkajs';
import type { Pool } from 'pg';
import { DeadLetterSink } from './dead-letter-sink';
import { DeadLetters } from './dead-letters';
import { parseEnvelope, type KafkaEnvelope } from './kafka-envelope';
import { ensureTopics } from './kafka-topics';
import { InboxProcessor, type InboxHandler, type InboxOutcome } from './inbox-processor';
import { migrateInbox } from './inbox-schema';
import { backoffDelay, DEFAULT_RETRY, describeError, isRetriable, type RetryPolicy } from './retry-policy';
import { WakeableSleep } from './wakeable-sleep';
import { consumerLag, type ConsumerLag } from './consumer-lag';
import { OutageTracker, type InboxConsumerHealth } from './consumer-health';
import { isTransientInfrastructureError } from './error-classification';

const HEARTBEAT_SLICE_MS = 1_000;

interface Where {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

export type InboxConsumerEvent =
  | (Where & { readonly kind: InboxOutcome; readonly envelope: KafkaEnvelope; readonly attempts: number })
  | (Where & {
      readonly kind: 'retry';
      readonly attempt: number;
      readonly delayMs: number;
      readonly error: string;
    })
  | (Where & { readonly kind: 'dead-lettered'; readonly error: string })
  /** The database (or another dependency) failed transiently: the same message waits, uncommitted. */
  | (Where & {
      readonly kind: 'infrastructure-retry';
      readonly attempt: number;
      readonly delayMs: number;
      readonly error: string;
    })
  | (Where & { readonly kind: 'infrastructure-recovered'; readonly downMs: number });

/** Waiting out an infrastructure outage: unbounded attempts, capped exponential backoff. */
export interface InfrastructureRetryPolicy {
  /** Delay after the first failure; doubles each time (default: the retry policy's base delay). */
  readonly baseDelayMs?: number;
  /** Longest wait between attempts (default 5 s). */
  readonly maxDelayMs?: number;
}

export interface InboxConsumerLogger {
  warn(message: string): void;
}

export interface InboxConsumerOptions {
  /** Consumer name: inbox dedupe key, DLQ topic `crm.<name>.dlq`, default group id. */
  readonly name: string;
  readonly kafka: Kafka;
  readonly pool: Pool;
  /** Schema holding `inbox` and `dead_letters` (the consuming service's schema). */
  readonly schema: string;
  readonly topics: readonly string[];
  readonly handler: InboxHandler;
  readonly groupId?: string;
  /** A new group reads each topic from its start (default), so a fresh view sees the whole history. */
  readonly fromBeginning?: boolean;
  /** For failures of the message itself; after `attempts` it is dead-lettered. */
  readonly retry?: RetryPolicy;
  /**
   * For transient infrastructure failures (see isTransientInfrastructureError): these never count
   * against `retry.attempts` and never dead-letter; the message is retried until it succeeds or
   * the consumer stops, since a healthy message must not be parked because the database was down.
   */
  readonly infrastructureRetry?: InfrastructureRetryPolicy;
  /** Receives a warning per infrastructure retry (default: a Nest Logger named after the consumer). */
  readonly logger?: InboxConsumerLogger;
  /**
   * How long `start` waits for an unreachable broker (a restart, or starting together with it)
   * before failing; each failed connection is logged and retried with capped backoff (default 120 s).
   */
  readonly startupTimeoutMs?: number;
  /** Create inbox tables and missing topics at start (default true). */
  readonly migrate?: boolean;
  readonly partitionsConsumedConcurrently?: number;
  readonly consumerConfig?: Omit<ConsumerConfig, 'groupId'>;
  /** Metrics/log hook; must not throw. */
  readonly onEvent?: (event: InboxConsumerEvent) => void;
}

/**
 * Kafka consumer with architecture §5 semantics: inbox row + handler effects in one PostgreSQL
 * transaction, offset committed only afterwards, retries with backoff, dead-letter topic for
 * messages that keep failing or cannot be parsed, then moving on. Transient infrastructure failures
 * (database unreachable, connection lost, deadlock) are waited out on the same message instead.
 */
export class InboxConsumer {
  readonly groupId: string;
  readonly deadLetters: DeadLetters;
  private readonly processor: InboxProcessor;
  private readonly retry: Required<RetryPolicy>;
  private readonly infrastructureRetry: Required<RetryPolicy>;
  private readonly logger: InboxConsumerLogger;
  private readonly outage = new OutageTracker();
  private readonly sleeper = new WakeableSleep();
  private consumer?: Consumer;
  private producer?: Producer;
  private admin?: Admin;
  private sink?: DeadLetterSink;
  private state: 'new' | 'running' | 'crashed' | 'stopped' = 'new';

  constructor(private readonly options: InboxConsumerOptions) {
    this.groupId = options.groupId ?? options.name;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.infrastructureRetry = {
      attempts: Number.POSITIVE_INFINITY,
      baseDelayMs: options.infrastructureRetry?.baseDelayMs ?? this.retry.baseDelayMs,
      maxDelayMs: options.infrastructureRetry?.maxDelayMs ?? 5_000,
    };
    this.logger = options.logger ?? new Logger(`InboxConsumer:${options.name}`);
    this.processor = new InboxProcessor({
      pool: options.pool,
      schema: options.schema,
      consumer: options.name,
      handler: options.handler,
    });
    this.deadLetters = new DeadLetters({
      pool: options.pool,
      schema: options.schema,
      handlers: { [options.name]: options.handler },
    });
  }

  get name(): string {
    return this.options.name;
  }

  async start(): Promise<void> {
    if (this.state !== 'new') throw new Error(`consumer ${this.name} already started`);
    const { pool, schema } = this.options;
    this.state = 'running';
    try {
      if (this.options.migrate !== false) await migrateInbox(pool, schema);
      await this.connectWhileBrokerStartsUp();
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  /**
   * KafkaJS gives up connecting after its own retries (about 30 s); a broker restarting, or starting
   * together with the service, must not make the service exit, so transient failures are retried
   * until `startupTimeoutMs`. Anything else (an unknown topic, bad configuration) fails at once.
   */
  private async connectWhileBrokerStartsUp(): Promise<void> {
    const deadline = Date.now() + (this.options.startupTimeoutMs ?? 120_000);
    for (let attempt = 1; ; attempt++) {
      try {
        await this.connect();
        return;
      } catch (error) {
        await this.disconnectClients();
        const left = deadline - Date.now();
        if (!isTransientInfrastructureError(error) || left <= 0 || this.state !== 'running') throw error;
        const wait = Math.min(left, backoffDelay(attempt, this.infrastructureRetry));
        this.logger.warn(
          `consumer ${this.name}: Kafka unavailable at start (attempt ${attempt}: ${describeError(error)}); retrying in ${wait} ms`,
        );
        await this.sleeper.sleep(wait);
      }
    }
  }

  private async connect(): Promise<void> {
    const { kafka, pool, schema } = this.options;
    this.admin = kafka.admin();
    await this.admin.connect();
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
    });
    await this.producer.connect();
    this.sink = new DeadLetterSink(pool, schema, this.name, this.producer);
    if (this.options.migrate !== false) {
      await ensureTopics(this.admin, this.options.topics);
      await ensureTopics(this.admin, [this.sink.topic], { numPartitions: 1 });
    }
    const consumer = kafka.consumer({
      ...this.options.consumerConfig,
      groupId: this.groupId,
      allowAutoTopicCreation: false,
    });
    this.consumer = consumer;
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart && this.state === 'running') this.state = 'crashed';
    });
    await consumer.connect();
    await consumer.subscribe({
      topics: [...this.options.topics],
      fromBeginning: this.options.fromBeginning ?? true,
    });
    await consumer.run({
      autoCommit: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
      eachMessage: (payload) => this.handle(payload),
    });
  }

  private async disconnectClients(): Promise<void> {
    // Disconnect even after a failed start: a half-joined member would stall the group's rebalance.
    await this.consumer?.disconnect().catch(() => undefined);
    await this.producer?.disconnect().catch(() => undefined);
    await this.admin?.disconnect().catch(() => undefined);
  }

  async stop(): Promise<void> {
    if (this.state === 'stopped') return;
    this.state = 'stopped';
    this.sleeper.wake();
    await this.disconnectClients();
  }

  isAlive(): boolean {
    return this.state === 'running';
  }

  /** Liveness plus whether messages currently wait for an unavailable dependency. */
  health(): InboxConsumerHealth {
    return this.outage.health(this.isAlive());
  }

  /** Messages not yet committed per partition (admin round trips; call from a metrics scrape). */
  async lag(): Promise<ConsumerLag> {
    if (!this.admin || this.state !== 'running') throw new Error(`consumer ${this.name} is not running`);
    return consumerLag(this.admin, this.groupId, this.options.topics);
  }

  private async handle({ topic, partition, message, heartbeat }: EachMessagePayload): Promise<void> {
    const where: Where = { topic, partition, offset: message.offset };
    const failed = (eventId?: string) => ({
      ...where,
      key: message.key,
      value: message.value,
      headers: message.headers ?? {},
      ...(eventId !== undefined ? { eventId } : {}),
    });
    const deadLetter = (eventId: string | undefined, error: unknown) =>
      this.outlastingOutages(where, heartbeat, () => this.deadLetter(where, failed(eventId), error));
    let envelope: KafkaEnvelope;
    try {
      envelope = parseEnvelope(message.value);
    } catch (error) {
      await deadLetter(undefined, error);
      return this.commit(where);
    }
    for (let attempt = 1; ; attempt += 1) {
      try {
        const outcome = await this.outlastingOutages(where, heartbeat, () =>
          this.processor.process(envelope, where),
        );
        this.emit({ ...where, kind: outcome, envelope, attempts: attempt });
        break;
      } catch (error) {
        if (this.state !== 'running') throw error; // stopping: leave the offset for the next owner
        if (!isRetriable(error) || attempt >= this.retry.attempts) {
          await deadLetter(envelope.eventId, error);
          break;
        }
        const delayMs = backoffDelay(attempt, this.retry);
        this.emit({ ...where, kind: 'retry', attempt, delayMs, error: describeError(error) });
        await this.sleeper.sleep(delayMs);
        if (this.state !== 'running') throw error;
        await heartbeat();
      }
    }
    await this.commit(where);
  }

  /**
   * Runs `work` until it succeeds or fails for a reason of its own. While the failure is transient
   * infrastructure the offset stays uncommitted and the group session is kept alive, so neither a
   * long outage nor CPU starvation can turn a healthy message into a dead letter.
   */
  private async outlastingOutages<T>(
    where: Where,
    heartbeat: () => Promise<void>,
    work: () => Promise<T>,
  ): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const result = await work();
        const downMs = this.outage.recovered();
        if (downMs !== undefined) this.emit({ ...where, kind: 'infrastructure-recovered', downMs });
        return result;
      } catch (error) {
        if (this.state !== 'running' || !isTransientInfrastructureError(error)) throw error;
        this.outage.failed(error);
        const delayMs = backoffDelay(attempt, this.infrastructureRetry);
        const reason = describeError(error);
        this.emit({ ...where, kind: 'infrastructure-retry', attempt, delayMs, error: reason });
        this.logger.warn(
          `${where.topic}[${where.partition}]@${where.offset}: infrastructure unavailable (attempt ${attempt}, ` +
            `retrying in ${delayMs} ms, message kept): ${reason}`,
        );
        await this.sleepAlive(delayMs, heartbeat);
        if (this.state !== 'running') throw error;
      }
    }
  }

  /** Sleeps in slices, heartbeating between them, so the session outlives any back-off. */
  private async sleepAlive(ms: number, heartbeat: () => Promise<void>): Promise<void> {
    const until = Date.now() + ms;
    for (let left = ms; left > 0 && this.state === 'running'; left = until - Date.now()) {
      await this.sleeper.sleep(Math.min(left, HEARTBEAT_SLICE_MS));
      if (this.state === 'running') await heartbeat();
    }
  }

  private async deadLetter(where: Where, message: Parameters<DeadLetterSink['send']>[0], error: unknown) {
    if (!this.sink) throw new Error('dead-letter sink not ready');
    await this.sink.send(message, error);
    this.emit({ ...where, kind: 'dead-lettered', error: describeError(error) });
  }

  private async commit({ topic, partition, offset }: Where): Promise<void> {
    if (!this.consumer) return;
    await this.consumer.commitOffsets([{ topic, partition, offset: (BigInt(offset) + 1n).toString() }]);
  }

  private emit(event: InboxConsumerEvent): void {
    try {
      this.options.onEvent?.(event);
    } catch {
      // A faulty metrics hook must never affect delivery.
    }
  }
}
