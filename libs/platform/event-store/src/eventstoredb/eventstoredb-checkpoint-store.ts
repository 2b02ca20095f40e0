import {
  BACKWARDS,
  END,
  jsonEvent,
  StreamNotFoundError,
  type KurrentDBClient,
} from '@kurrent/kurrentdb-client';
import { START, type CheckpointStore, type GlobalPosition } from '../event-store.port';
import { CHECKPOINT_STREAM_PREFIX } from './esdb-mapping';

/**
 * Checkpoints as events in `crm-checkpoint-<name>` (only the latest is kept: $maxCount 1). The
 * adapter's readAll and subscriptions skip these streams.
 */
export class EventStoreDbCheckpointStore implements CheckpointStore {
  private readonly initialised = new Set<string>();

  constructor(private readonly client: KurrentDBClient) {}

  async load(name: string): Promise<GlobalPosition> {
    try {
      for await (const resolved of this.client.readStream(this.stream(name), {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: 1,
      })) {
        const data = resolved.event?.data as { commit?: unknown; prepare?: unknown } | undefined;
        if (typeof data?.commit === 'string' && typeof data.prepare === 'string') {
          return { commit: BigInt(data.commit), prepare: BigInt(data.prepare) };
        }
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return START;
  }

  async store(name: string, position: GlobalPosition): Promise<void> {
    const stream = this.stream(name);
    if (!this.initialised.has(stream)) {
      await this.client.setStreamMetadata(stream, { maxCount: 1 });
      this.initialised.add(stream);
    }
    await this.client.appendToStream(
      stream,
      jsonEvent({
        type: 'CheckpointStored',
        data: { commit: position.commit.toString(), prepare: position.prepare.toString() },
      }),
    );
  }

  private stream(name: string): string {
    return `${CHECKPOINT_STREAM_PREFIX}${name}`;
  }
}
