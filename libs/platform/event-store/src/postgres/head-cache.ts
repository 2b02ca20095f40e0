import type { StreamHead } from '../append-batch';

/**
 * Last known head per stream, so an append right after reading the stream (the usual command
 * handling) needs no extra round trip to learn the previous hash. Only a hint: the append's
 * conditional update re-checks version and hash in the database.
 */
export class HeadCache {
  private readonly heads = new Map<string, StreamHead>();

  constructor(private readonly capacity: number) {}

  get(streamId: string): StreamHead | undefined {
    return this.heads.get(streamId);
  }

  remember(streamId: string, head: StreamHead): void {
    const known = this.heads.get(streamId);
    if (known !== undefined && known.version > head.version) return;
    this.heads.delete(streamId);
    this.heads.set(streamId, head);
    if (this.heads.size > this.capacity) {
      const oldest = this.heads.keys().next();
      if (oldest.done !== true) this.heads.delete(oldest.value);
    }
  }

  forget(streamId: string): void {
    this.heads.delete(streamId);
  }
}
