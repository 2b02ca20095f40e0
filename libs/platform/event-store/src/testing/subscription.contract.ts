import { randomUUID } from 'node:crypto';
import { comparePositions, type EventStore, type StoredEvent, type Subscription } from '../event-store.port';
import { newEvent, streamName, waitFor } from './contract-fixture';

export const subscriptionContract = (store: () => EventStore): void => {
  describe('subscription', () => {
    const running: Subscription[] = [];
    afterEach(async () => {
      await Promise.all(running.splice(0).map((s) => s.stop()));
    });

    const start = (name: string, prefix: string, seen: StoredEvent[]): Subscription => {
      const subscription = store().subscribe(
        name,
        async (event) => {
          seen.push(event);
        },
        { pollIntervalMs: 50, batchSize: 7, filter: (event) => event.streamId.startsWith(prefix) },
      );
      running.push(subscription);
      return subscription;
    };

    it('catches up, follows live appends, and resumes from its checkpoint after a restart', async () => {
      const prefix = `sub-${randomUUID()}`;
      const name = `contract-${randomUUID()}`;
      const [a, b] = [streamName(`${prefix}-a`), streamName(`${prefix}-b`)];
      const history = [newEvent('H0'), newEvent('H1'), newEvent('H2')];
      await store().append(a, history, 'no_stream');
      const older = Array.from({ length: 12 }, (_, i) => newEvent(`B${i}`));
      await store().append(b, older, 'no_stream');

      const seen: StoredEvent[] = [];
      const first = start(name, prefix, seen);
      await first.caughtUp();
      expect(first.isAlive()).toBe(true);
      expect(seen.map((e) => e.id)).toEqual([...history, ...older].map((e) => e.id));

      const live = [newEvent('L0'), newEvent('L1')];
      await store().append(a, live, 2);
      await waitFor('live events', () => seen.length === 17);
      expect(seen.slice(15).map((e) => e.id)).toEqual(live.map((e) => e.id));
      await first.caughtUp();
      const checkpoint = first.position();
      expect(comparePositions(checkpoint, seen[16]?.position ?? checkpoint)).toBeGreaterThanOrEqual(0);
      await first.stop();
      expect(first.isAlive()).toBe(false);

      const whileDown = [newEvent('D0')];
      await store().append(b, whileDown, 11);
      const resumed: StoredEvent[] = [];
      const second = start(name, prefix, resumed);
      await second.caughtUp();
      expect(resumed.map((e) => e.id)).toEqual(whileDown.map((e) => e.id));

      const seenIds = seen.map((e) => e.id);
      expect(new Set(seenIds).size).toBe(seenIds.length);
    });

    it('keeps running when the handler fails, and hands the failed event over again', async () => {
      const prefix = `subfail-${randomUUID()}`;
      const stream = streamName(prefix);
      const errors: unknown[] = [];
      const seen: string[] = [];
      let failOnce = true;
      const subscription = store().subscribe(
        `contract-fail-${randomUUID()}`,
        async (event) => {
          if (event.type === 'Poison' && failOnce) {
            failOnce = false;
            throw new Error('transient');
          }
          seen.push(event.type);
        },
        { pollIntervalMs: 20, filter: (event) => event.streamId === stream, onError: (e) => errors.push(e) },
      );
      running.push(subscription);
      await store().append(stream, [newEvent('Fine'), newEvent('Poison'), newEvent('After')], 'no_stream');
      await waitFor('retry after failure', () => seen.length === 3);
      expect(seen).toEqual(['Fine', 'Poison', 'After']);
      expect(errors).toHaveLength(1);
      expect(subscription.isAlive()).toBe(true);
    });
  });
};
