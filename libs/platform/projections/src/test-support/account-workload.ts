import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent } from '@crm/event-store';

export interface AccountRow {
  stream_id: string;
  name: string;
  balance: string;
  tx_count: number;
  last_version: number;
}

interface Account {
  version: number;
  /** Version of the last event the projection handles (AuditNoted is not one). */
  projectedVersion: number;
  name: string;
  balance: number;
  txCount: number;
  open: boolean;
}

/** A tiny deterministic PRNG so failures are reproducible from the seed. */
const mulberry32 = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/**
 * Appends random account events (several types, renames, closes) to a real store and keeps the
 * model of what the projection must contain, to check projections against something independent.
 */
export class AccountWorkload {
  private readonly accounts = new Map<string, Account>();
  private readonly counts = new Map<string, number>();
  private readonly random: () => number;
  private streams = 0;
  appended: string[] = [];

  constructor(
    private readonly store: EventStore,
    private readonly prefix: string,
    seed = 7,
  ) {
    this.random = mulberry32(seed);
  }

  /** Appends `count` events, one append per event, plus an occasional event no projection handles. */
  async append(count: number): Promise<void> {
    for (let i = 0; i < count; i += 1) {
      const openStreams = [...this.accounts.entries()].filter(([, a]) => a.open);
      if (openStreams.length < 5 || this.random() < 0.1) await this.open();
      else {
        const [streamId, account] = openStreams[Math.floor(this.random() * openStreams.length)] as [
          string,
          Account,
        ];
        await this.act(streamId, account);
      }
    }
  }

  expectedAccounts(): AccountRow[] {
    return [...this.accounts.entries()]
      .filter(([, a]) => a.open)
      .map(([stream_id, a]) => ({
        stream_id,
        name: a.name,
        balance: String(a.balance),
        tx_count: a.txCount,
        last_version: a.projectedVersion,
      }))
      .sort((a, b) => (a.stream_id < b.stream_id ? -1 : a.stream_id > b.stream_id ? 1 : 0));
  }

  expectedCounts(): { type: string; applied: number }[] {
    return [...this.counts.entries()]
      .map(([type, applied]) => ({ type, applied }))
      .sort((a, b) => (a.type < b.type ? -1 : 1));
  }

  private async open(): Promise<void> {
    this.streams += 1;
    const streamId = `${this.prefix}-acct-${String(this.streams).padStart(5, '0')}`;
    const initial = Math.floor(this.random() * 1000);
    const name = `holder ${this.streams}`;
    await this.write(streamId, 'no_stream', 'AccountOpened', { name, initial });
    this.accounts.set(streamId, {
      version: 0,
      projectedVersion: 0,
      name,
      balance: initial,
      txCount: 0,
      open: true,
    });
  }

  private async act(streamId: string, account: Account): Promise<void> {
    const roll = this.random();
    const amount = 1 + Math.floor(this.random() * 500);
    if (roll < 0.4) {
      await this.write(streamId, account.version, 'Deposited', { amount });
      Object.assign(account, { balance: account.balance + amount, txCount: account.txCount + 1 });
    } else if (roll < 0.7) {
      await this.write(streamId, account.version, 'Withdrawn', { amount });
      Object.assign(account, { balance: account.balance - amount, txCount: account.txCount + 1 });
    } else if (roll < 0.85) {
      const name = `holder ${streamId.slice(-5)} r${account.version + 1}`;
      await this.write(streamId, account.version, 'AccountRenamed', { name });
      account.name = name;
    } else if (roll < 0.93) {
      await this.write(streamId, account.version, 'AuditNoted', { note: 'not projected' });
      account.version += 1;
      return;
    } else {
      await this.write(streamId, account.version, 'AccountClosed', {});
      account.open = false;
    }
    account.version += 1;
    account.projectedVersion = account.version;
  }

  private async write(
    streamId: string,
    expected: number | 'no_stream',
    type: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    const event: NewEvent = {
      id: randomUUID(),
      type,
      data,
      metadata: {
        actor: { id: 'u-test', role: 'staff' },
        correlationId: randomUUID(),
        businessTime: new Date().toISOString(),
      },
    };
    await this.store.append(streamId, [event], expected);
    this.appended.push(event.id);
    if (type !== 'AuditNoted') this.counts.set(type, (this.counts.get(type) ?? 0) + 1);
  }
}

/**
 * readAll is gap-safe: nothing committed after the oldest running transaction in the cluster is
 * visible yet. Other test files hold transactions open on purpose (the event store's gap test),
 * so a test that reads the log itself first waits until what it appended is readable (runners'
 * caughtUp() already waits for the committed head).
 */
export const waitUntilVisible = async (
  store: EventStore,
  count: number,
  timeoutMs = 120_000,
): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const visible = (await store.readAll({ commit: 0n, prepare: 0n }, count + 1)).length;
    if (visible >= count) return;
    if (Date.now() > deadline) throw new Error(`only ${visible} of ${count} appended events became visible`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};
