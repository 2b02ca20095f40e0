import type { HttpClient } from './http-client';
import { epochMs } from './open-loop';
import { sleep } from './stats';

interface Pending {
  readonly customerId: string;
  readonly visible: (at: number) => void;
}

/**
 * Asks the complaints API whether sampled customers are in its directory yet, round-robin over
 * the pending ones with a hard cap on requests per tick: the probe load stays bounded (at most
 * `perTick` GETs every `tickMs`) however far the pipeline falls behind, so it cannot become the
 * bottleneck it is measuring.
 */
export class DirectoryPoller {
  private readonly pending: Pending[] = [];
  private cursor = 0;
  private running = true;
  private readonly loop: Promise<void>;
  requests = 0;

  constructor(
    private readonly api: HttpClient,
    private readonly token: string,
    private readonly tickMs: number,
    private readonly perTick: number,
  ) {
    this.loop = this.run();
  }

  watch(customerId: string, visible: (at: number) => void): void {
    this.pending.push({ customerId, visible });
  }

  /** Stops once everything watched was seen, or at the deadline (the rest stay unseen). */
  async finish(timeoutMs: number): Promise<void> {
    const deadline = epochMs() + timeoutMs;
    while (this.pending.length > 0 && epochMs() < deadline) await sleep(this.tickMs);
    this.running = false;
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      const started = epochMs();
      const batch: Pending[] = [];
      for (let i = 0; i < Math.min(this.perTick, this.pending.length); i++) {
        this.cursor = this.cursor % this.pending.length;
        const next = this.pending[this.cursor] as Pending;
        if (!batch.includes(next)) batch.push(next);
        this.cursor += 1;
      }
      await Promise.all(batch.map((p) => this.probe(p)));
      await sleep(Math.max(0, this.tickMs - (epochMs() - started)));
    }
  }

  private async probe(entry: Pending): Promise<void> {
    this.requests += 1;
    const res = await this.api
      .send('GET', `/customer-directory/${entry.customerId}`, this.token)
      .catch(() => undefined);
    if (res?.status !== 200) return;
    entry.visible(epochMs());
    const index = this.pending.indexOf(entry);
    if (index >= 0) this.pending.splice(index, 1);
  }
}
