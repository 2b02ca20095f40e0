import { comparePositions, START, type EventStore, type StoredEvent } from '../event-store.port';
import { fullMetadata, newEvent, readAllOf, sleep, streamName } from './contract-fixture';

const readWholeLog = async (store: EventStore, pageSize: number): Promise<StoredEvent[]> => {
  const all: StoredEvent[] = [];
  let from = START;
  for (;;) {
    const page = await store.readAll(from, pageSize);
    all.push(...page);
    const last = page[page.length - 1];
    if (last === undefined) return all;
    from = last.position;
  }
};

/**
 * The gap-safe log shows an event only once every older transaction in the whole PostgreSQL
 * cluster has ended, and test files running in parallel hold some: wait until `ids` are visible.
 */
const readWholeLogWith = async (
  store: EventStore,
  pageSize: number,
  ids: readonly string[],
  timeoutMs = 60_000,
): Promise<StoredEvent[]> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const log = await readWholeLog(store, pageSize);
    const seen = new Set(log.map((e) => e.id));
    const missing = ids.filter((id) => !seen.has(id));
    if (missing.length === 0) return log;
    if (Date.now() > deadline)
      throw new Error(`not visible in readAll after ${timeoutMs} ms: ${missing.join(', ')}`);
    await sleep(50);
  }
};

export const readingContract = (store: () => EventStore): void => {
  describe('reading', () => {
    it('keeps per-stream order across batches', async () => {
      const stream = streamName('order');
      const events = Array.from({ length: 10 }, (_, i) => newEvent(`E${i}`, { i }));
      await store().append(stream, events.slice(0, 1), 'no_stream');
      await store().append(stream, events.slice(1, 4), 0);
      await store().append(stream, events.slice(4, 5), 3);
      await store().append(stream, events.slice(5), 4);
      const read = await readAllOf(store(), stream);
      expect(read.map((e) => e.id)).toEqual(events.map((e) => e.id));
      expect(read.map((e) => e.version)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(read.map((e) => e.data)).toEqual(events.map((e) => e.data));
      expect(read.every((e) => e.streamId === stream)).toBe(true);
    });

    it('reads a version range', async () => {
      const stream = streamName('range');
      await store().append(
        stream,
        Array.from({ length: 6 }, (_, i) => newEvent(`E${i}`)),
        'no_stream',
      );
      const slice: number[] = [];
      for await (const event of store().readStream(stream, { fromVersion: 2, toVersion: 4 }))
        slice.push(event.version);
      expect(slice).toEqual([2, 3, 4]);
      const none: StoredEvent[] = [];
      for await (const event of store().readStream(streamName('empty'))) none.push(event);
      expect(none).toEqual([]);
    });

    it('reads a stream as of an instant (recorded at or before it)', async () => {
      const stream = streamName('asof');
      await store().append(stream, [newEvent('Before1'), newEvent('Before2')], 'no_stream');
      await sleep(40);
      const instant = new Date();
      await sleep(40);
      await store().append(stream, [newEvent('After')], 1);
      const asOf: string[] = [];
      for await (const event of store().readStream(stream, { until: instant })) asOf.push(event.type);
      expect(asOf).toEqual(['Before1', 'Before2']);
      const [first] = await readAllOf(store(), stream);
      const atFirst: string[] = [];
      for await (const event of store().readStream(stream, { until: (first as StoredEvent).recordedAt }))
        atFirst.push(event.type);
      expect(atFirst).toEqual(['Before1', 'Before2']);
      expect((await readAllOf(store(), stream)).map((e) => e.type)).toEqual(['Before1', 'Before2', 'After']);
    });

    it('round-trips every metadata field and fills in the record time', async () => {
      const stream = streamName('meta');
      const metadata = fullMetadata({ extraTag: 'kept' });
      const event = newEvent('WithMetadata', { nested: { b: [1, 'two', null], a: true } }, metadata);
      const before = Date.now();
      await store().append(stream, [event], 'no_stream');
      const [read] = await readAllOf(store(), stream);
      const stored = read as StoredEvent;
      const { recordTime, ...rest } = stored.metadata;
      expect(rest).toEqual(metadata);
      expect(stored.data).toEqual(event.data);
      expect(typeof recordTime).toBe('string');
      expect(recordTime).toBe(stored.recordedAt.toISOString());
      expect(Math.abs(stored.recordedAt.getTime() - before)).toBeLessThan(10_000);
      const inLog = (await readWholeLogWith(store(), 1000, [event.id])).find((e) => e.id === event.id);
      expect(inLog?.metadata).toEqual(stored.metadata);
    });

    it('readAll returns every appended event once, in append order for sequential writers, page by page', async () => {
      const streams = [streamName('g1'), streamName('g2'), streamName('g3')];
      const appended: string[] = [];
      const results = [];
      for (let round = 0; round < 3; round++) {
        for (const [i, stream] of streams.entries()) {
          const batch = [newEvent(`R${round}S${i}a`), newEvent(`R${round}S${i}b`)];
          results.push(await store().append(stream, batch, round === 0 ? 'no_stream' : round * 2 - 1));
          appended.push(...batch.map((e) => e.id));
        }
      }
      const mine = new Set(appended);
      const whole = await readWholeLogWith(store(), 1000, appended);
      const paged = await readWholeLogWith(store(), 4, appended);
      expect(paged.map((e) => e.id)).toEqual(whole.map((e) => e.id));
      expect(whole.filter((e) => mine.has(e.id)).map((e) => e.id)).toEqual(appended);
      for (let i = 1; i < whole.length; i++) {
        expect(
          comparePositions((whole[i - 1] as StoredEvent).position, (whole[i] as StoredEvent).position),
        ).toBe(-1);
      }
      const lastOfMine = whole.filter((e) => mine.has(e.id)).pop() as StoredEvent;
      expect(lastOfMine.position).toEqual(results[results.length - 1]?.position);
      const after = await store().readAll(lastOfMine.position, 1000);
      expect(after.some((e) => mine.has(e.id))).toBe(false);
    });
  });
};
