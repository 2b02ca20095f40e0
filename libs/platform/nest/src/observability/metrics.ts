import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type CommandOutcome = 'ok' | 'refused' | 'error';

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * The service's Prometheus registry (architecture §8). One registry per Metrics instance rather than
 * prom-client's global one, so several apps in one process (tests) do not collide.
 */
export class Metrics {
  readonly registry: Registry;
  /** Seconds from command received to answered; `outcome`: ok (2xx/3xx), refused (4xx), error (5xx). */
  readonly commandLatency: Histogram<'command' | 'outcome'>;
  /** Seconds per event-store append. */
  readonly appendLatency: Histogram<'outcome'>;
  /** Events in the service's global log not yet published to Kafka. */
  readonly relayLag: Gauge<'relay'>;
  /** Messages behind the partition's high watermark. */
  readonly consumerLag: Gauge<'consumer' | 'topic' | 'partition'>;
  /** Events in the global log not yet applied to a projection. */
  readonly projectionLag: Gauge<'projection'>;
  readonly deadLetters: Counter<'consumer' | 'topic'>;

  constructor(serviceName: string) {
    this.registry = new Registry();
    this.registry.setDefaultLabels({ service: serviceName });
    collectDefaultMetrics({ register: this.registry });
    const registers = [this.registry];
    this.commandLatency = new Histogram({
      name: 'command_latency_seconds',
      help: 'Latency of HTTP commands by command and outcome',
      labelNames: ['command', 'outcome'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.appendLatency = new Histogram({
      name: 'append_latency_seconds',
      help: 'Latency of event store appends',
      labelNames: ['outcome'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.relayLag = new Gauge({
      name: 'relay_lag_events',
      help: 'Events not yet relayed to Kafka',
      labelNames: ['relay'],
      registers,
    });
    this.consumerLag = new Gauge({
      name: 'consumer_lag_messages',
      help: 'Kafka messages behind the high watermark',
      labelNames: ['consumer', 'topic', 'partition'],
      registers,
    });
    this.projectionLag = new Gauge({
      name: 'projection_lag_events',
      help: 'Events not yet applied to a projection',
      labelNames: ['projection'],
      registers,
    });
    this.deadLetters = new Counter({
      name: 'dead_letters_total',
      help: 'Messages sent to a dead-letter topic',
      labelNames: ['consumer', 'topic'],
      registers,
    });
  }

  observeCommand(command: string, outcome: CommandOutcome, seconds: number): void {
    this.commandLatency.observe({ command, outcome }, seconds);
  }

  observeAppend(seconds: number, outcome: 'ok' | 'error' = 'ok'): void {
    this.appendLatency.observe({ outcome }, seconds);
  }

  setRelayLag(relay: string, events: number): void {
    this.relayLag.set({ relay }, events);
  }

  setConsumerLag(consumer: string, topic: string, partition: number, messages: number): void {
    this.consumerLag.set({ consumer, topic, partition: String(partition) }, messages);
  }

  setProjectionLag(projection: string, events: number): void {
    this.projectionLag.set({ projection }, events);
  }

  countDeadLetter(consumer: string, topic: string): void {
    this.deadLetters.inc({ consumer, topic });
  }

  contentType(): string {
    return this.registry.contentType;
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }
}
