import {
  type CheckpointStore,
  type EventStore,
  type GlobalPosition,
  PositionWaiters,
  ReaderPacing,
  type StoredEvent,
} from '@crm/event-store';
import type { Kafka, Message, Producer } from 'kafkajs';
import type { Pool } from 'pg';
import { SessionAdvisoryLock } from './advisory-lock';
import type { ContractCatalog } from '@crm/contract-fields';
import { ContractValidator } from './contract-validator';
import { envelopeFor, toKafkaMessage, type ContractMapper } from './kafka-envelope';
import { ensureTopics } from './kafka-topics';
import { describeError } from './retry-policy';
import { WakeableSleep } from './wakeable-sleep';

export type RelayRole = 'idle' | 'standby' | 'active' | 'stopped';

export type RelayEvent =
  | {
      readonly kind: 'published';
      readonly published: number;
      readonly skipped: number;
      readonly position: GlobalPosition;
      readonly durationMs: number;
    }
  | { readonly kind: 'role'; readonly role: RelayRole }
  | { readonly kind: 'error'; readonly error: string; readonly consecutiveFailures: number };

export interface RelayLag {
  readonly role: RelayRole;
  /** Events in the log after the checkpoint, counted up to the probe limit. */
  readonly eventsBehind: number;
  /** True when eventsBehind hit the probe limit (the real number is larger). */
  readonly capped: boolean;
  readonly lastPublishedPosition: GlobalPosition;
  readonly lastPublishedAt: Date | null;
}

export interface EventRelayOptions {
  /** Checkpoint name and advisory-lock key, e.g. `customers-relay`. */
  readonly name: string;
  readonly store: EventStore;
  readonly checkpoints: CheckpointStore;
  readonly kafka: Kafka;
  readonly topic: string;
  /** Pool the election lock is taken on (the service's database). */
  readonly lockPool: Pool;
  /** Maps a stored event to its public contract; `null` keeps it inside the service. */
  readonly toContract: ContractMapper;
  /**
   * The service's published contract: every outgoing event is checked against its schema (a
   * mismatch stops the relay rather than publishing it) and named in the CloudEvents headers.
   */
  readonly contracts?: ContractCatalog;
  readonly batchSize?: number;
  readonly pollIntervalMs?: number;
  /** How often a standby instance retries the lock. */
  readonly standbyRetryMs?: number;
  readonly maxErrorBackoffMs?: number;
  /** Create the topic (6 partitions) when missing (default true). */
  readonly ensureTopic?: boolean;
  readonly onEvent?: (event: RelayEvent) => void;
}

const UNHEALTHY_AFTER_FAILURES = 5;

/**
 * Architecture §5 relay: tails the service's global log and publishes its contract events to the
 * service topic. The checkpoint moves only after the broker acknowledged (acks=all), so a crash
 * re-sends at most the unacknowledged tail: at-least-once, deduplicated by consumers' inboxes.
 * One instance per service publishes; others wait on a PostgreSQL advisory lock.
 */
export class EventRelay {
  private readonly sleeper = new WakeableSleep();
  private readonly validator: ContractValidator | undefined;
  private readonly lock: SessionAdvisoryLock;
  private currentRole: RelayRole = 'idle';
  private checkpoint: GlobalPosition | null = null;
  private producer?: Producer;
  private loop?: Promise<void>;
  private readonly waiters = new PositionWaiters();
  private readonly pacing: ReaderPacing;
  private unwatch: () => void = () => undefined;
  private failures = 0;
  private lastPublishedAt: Date | null = null;

  constructor(private readonly options: EventRelayOptions) {
    this.lock = new SessionAdvisoryLock(options.lockPool, `crm.relay.${options.name}`);
    this.pacing = new ReaderPacing(options.pollIntervalMs ?? 100);
    this.validator = options.contracts !== undefined ? new ContractValidator(options.contracts) : undefined;
  }

  get name(): string {
    return this.options.name;
  }

  role(): RelayRole {
    return this.currentRole;
  }

  start(): void {
    if (this.currentRole !== 'idle') throw new Error(`relay ${this.name} already started`);
    this.setRole('standby');
    this.unwatch = this.options.store.onAppended(() => {
      // A standby would only retry the lock on every append; it keeps its own retry interval.
      if (this.currentRole !== 'active') return;
      this.pacing.woken();
      this.sleeper.wake();
    });
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    if (this.currentRole === 'stopped' || this.currentRole === 'idle') {
      this.currentRole = 'stopped';
      return;
    }
    this.setRole('stopped');
    this.unwatch();
    this.sleeper.wake();
    await this.loop;
    await this.stepDown();
    this.waiters.rejectAll(new Error(`relay ${this.name} stopped`));
  }

  /** Resolves once everything committed to the log before the call has been published and checkpointed. */
  async caughtUp(timeoutMs = 30_000): Promise<void> {
    const head = await this.options.store.headPosition();
    const waiting = this.waiters.add(
      head,
      this.checkpoint,
      timeoutMs,
      `relay ${this.name} not caught up after ${timeoutMs} ms (role ${this.currentRole})`,
    );
    this.sleeper.wake();
    await waiting;
  }

  isAlive(): boolean {
    return (
      (this.currentRole === 'active' || this.currentRole === 'standby') &&
      this.failures < UNHEALTHY_AFTER_FAILURES
    );
  }

  /** Last checkpointed position (null until this instance has been active). */
  position(): GlobalPosition | null {
    return this.checkpoint;
  }

  /** Reads up to `probeLimit` events past the checkpoint; meant for a metrics scrape, not a hot path. */
  async lag(probeLimit = 1_000): Promise<RelayLag> {
    const from = this.checkpoint ?? (await this.options.checkpoints.load(this.name));
    const behind = await this.options.store.readAll(from, probeLimit);
    return {
      role: this.currentRole,
      eventsBehind: behind.length,
      capped: behind.length >= probeLimit,
      lastPublishedPosition: from,
      lastPublishedAt: this.lastPublishedAt,
    };
  }

  private async run(): Promise<void> {
    while (this.currentRole !== 'stopped') {
      try {
        if (!this.lock.held) {
          if (this.producer || this.checkpoint) {
            // Lost the lock (its connection died): give the standbys the first chance to take over.
            await this.stepDown();
            await this.sleeper.sleep(this.options.standbyRetryMs ?? 1_000);
            continue;
          }
          if (!(await this.becomeActive())) {
            await this.sleeper.sleep(this.options.standbyRetryMs ?? 1_000);
            continue;
          }
        }
        const read = await this.relayBatch();
        this.failures = 0;
        // Called on every batch: a read that found events ends the quick retries after a wake-up.
        const idleMs = this.pacing.idleMs(read);
        if (read === 0) await this.sleeper.sleep(idleMs);
      } catch (error) {
        this.failures += 1;
        this.emit({ kind: 'error', error: describeError(error), consecutiveFailures: this.failures });
        const backoff = Math.min(
          this.options.maxErrorBackoffMs ?? 10_000,
          100 * 2 ** Math.min(this.failures, 10),
        );
        await this.sleeper.sleep(backoff);
      }
    }
  }

  private async becomeActive(): Promise<boolean> {
    if (!(await this.lock.tryAcquire())) {
      this.setRole('standby');
      return false;
    }
    try {
      if (this.options.ensureTopic !== false) {
        const admin = this.options.kafka.admin();
        await admin.connect();
        try {
          await ensureTopics(admin, [this.options.topic]);
        } finally {
          await admin.disconnect();
        }
      }
      const producer = this.options.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
      });
      this.producer = producer;
      await producer.connect();
      // Loaded only now: the previous holder may have advanced it until the moment it let go.
      this.checkpoint = await this.options.checkpoints.load(this.name);
    } catch (error) {
      await this.stepDown();
      throw error;
    }
    if (this.currentRole !== 'stopped') this.setRole('active');
    return true;
  }

  private async stepDown(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    this.checkpoint = null;
    await producer?.disconnect().catch(() => undefined);
    await this.lock.release();
    if (this.currentRole === 'active') this.setRole('standby');
  }

  /** Publishes one batch; returns how many events it read. */
  private async relayBatch(): Promise<number> {
    const { store, checkpoints, topic, toContract, batchSize = 500 } = this.options;
    const from = this.checkpoint;
    const producer = this.producer;
    if (!from || !producer) throw new Error(`relay ${this.name} is not active`);
    const events = await store.readAll(from, batchSize);
    if (events.length === 0) {
      this.waiters.settle(from);
      return 0;
    }
    const started = Date.now();
    const messages = this.toMessages(events, toContract);
    // A lock lost while reading means another instance may already own the checkpoint.
    if (!(await this.lock.verify())) throw new Error(`relay ${this.name} lost its advisory lock`);
    if (messages.length > 0) await producer.send({ topic, acks: -1, messages });
    const last = events[events.length - 1] as StoredEvent;
    await checkpoints.store(this.name, last.position);
    this.checkpoint = last.position;
    this.lastPublishedAt = new Date();
    this.waiters.settle(last.position);
    this.emit({
      kind: 'published',
      published: messages.length,
      skipped: events.length - messages.length,
      position: last.position,
      durationMs: Date.now() - started,
    });
    return events.length;
  }

  private toMessages(events: readonly StoredEvent[], toContract: ContractMapper): Message[] {
    const messages: Message[] = [];
    const validator = this.validator;
    const source = `/crm/${validator?.catalog.service ?? this.options.topic}`;
    for (const event of events) {
      const contract = toContract(event);
      if (contract === null) continue;
      validator?.check(contract);
      const dataschema = validator?.schemaIdOf(contract.type);
      messages.push(
        toKafkaMessage(envelopeFor(event, contract), { source, ...(dataschema ? { dataschema } : {}) }),
      );
    }
    return messages;
  }

  private setRole(role: RelayRole): void {
    if (this.currentRole === role) return;
    this.currentRole = role;
    this.emit({ kind: 'role', role });
  }

  private emit(event: RelayEvent): void {
    try {
      this.options.onEvent?.(event);
    } catch {
      // Metrics hooks must not stall publishing.
    }
  }
}
