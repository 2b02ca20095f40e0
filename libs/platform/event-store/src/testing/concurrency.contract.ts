import { DuplicateEventIdError, WrongExpectedVersionError } from '../errors';
import type { EventStore } from '../event-store.port';
import { newEvent, readAllOf, streamName, type EventStoreContractFixture } from './contract-fixture';

const conflict = async (attempt: Promise<unknown>): Promise<WrongExpectedVersionError> => {
  const error = await attempt.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WrongExpectedVersionError);
  return error as WrongExpectedVersionError;
};

export const concurrencyContract = (adapterName: string, fixture: () => EventStoreContractFixture): void => {
  const store = (): EventStore => fixture().store;
  describe('optimistic concurrency', () => {
    it('no_stream creates a stream once and refuses the second time with a typed conflict', async () => {
      const stream = streamName('nostream');
      const first = await store().append(stream, [newEvent('Opened')], 'no_stream');
      expect(first.nextExpectedVersion).toBe(0);
      const error = await conflict(store().append(stream, [newEvent('Opened')], 'no_stream'));
      expect(error.streamId).toBe(stream);
      expect(error.expected).toBe('no_stream');
      expect(error.actual).toBe(0);
      expect(await store().streamVersion(stream)).toBe(0);
    });

    it('an exact version appends when it matches and conflicts when stale or for a missing stream', async () => {
      const stream = streamName('exact');
      await store().append(stream, [newEvent('A'), newEvent('B')], 'no_stream');
      const next = await store().append(stream, [newEvent('C')], 1);
      expect(next.nextExpectedVersion).toBe(2);
      const stale = await conflict(store().append(stream, [newEvent('D')], 1));
      expect(stale.expected).toBe(1);
      expect(stale.actual).toBe(2);
      const missing = await conflict(store().append(streamName('exact-missing'), [newEvent('A')], 0));
      expect(missing.actual).toBe(-1);
      expect((await readAllOf(store(), stream)).map((e) => e.type)).toEqual(['A', 'B', 'C']);
    });

    it('any appends to new and existing streams', async () => {
      const stream = streamName('any');
      expect((await store().append(stream, [newEvent('A')], 'any')).nextExpectedVersion).toBe(0);
      expect((await store().append(stream, [newEvent('B'), newEvent('C')], 'any')).nextExpectedVersion).toBe(
        2,
      );
      expect(await store().streamVersion(stream)).toBe(2);
    });

    it('stream_exists refuses a missing stream and appends to an existing one', async () => {
      const stream = streamName('exists');
      const error = await conflict(store().append(stream, [newEvent('A')], 'stream_exists'));
      expect(error.actual).toBe(-1);
      await store().append(stream, [newEvent('A')], 'no_stream');
      expect((await store().append(stream, [newEvent('B')], 'stream_exists')).nextExpectedVersion).toBe(1);
    });

    it('of two writers racing on the same version exactly one wins', async () => {
      const stream = streamName('race');
      await store().append(stream, [newEvent('A')], 'no_stream');
      const outcomes = await Promise.allSettled(
        Array.from({ length: 4 }, (_, i) => store().append(stream, [newEvent(`B${i}`)], 0)),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      for (const rejected of outcomes.filter((o) => o.status === 'rejected')) {
        expect((rejected as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersionError);
      }
      expect(await store().streamVersion(stream)).toBe(1);
    });

    it('streamVersion is -1 for a stream that does not exist', async () => {
      expect(await store().streamVersion(streamName('never'))).toBe(-1);
    });
  });

  describe('idempotent append', () => {
    it('re-appending the same ids returns the original result and stores nothing new', async () => {
      const stream = streamName('idem');
      const batch = [newEvent('A', { n: 1 }), newEvent('B', { n: 2 })];
      const original = await store().append(stream, batch, 'no_stream');
      const again = await store().append(stream, batch, 'no_stream');
      expect(again).toEqual(original);
      await store().append(stream, [newEvent('C')], 1);
      // Even with a stale expectation (the retry of a request whose answer was lost) it is a no-op.
      expect(await store().append(stream, batch, 'no_stream')).toEqual(original);
      expect(await store().append(stream, batch, 'any')).toEqual(original);
      expect((await readAllOf(store(), stream)).map((e) => e.type)).toEqual(['A', 'B', 'C']);
    });

    it('a reused id with other content is refused', async () => {
      const stream = streamName('dup');
      const event = newEvent('A', { n: 1 });
      await store().append(stream, [event], 'no_stream');
      await expect(store().append(stream, [{ ...event, data: { n: 2 } }], 'any')).rejects.toBeInstanceOf(
        DuplicateEventIdError,
      );
      await expect(store().append(stream, [newEvent('B'), event], 'any')).rejects.toBeInstanceOf(
        DuplicateEventIdError,
      );
      expect(await store().streamVersion(stream)).toBe(0);
    });

    it('a reused id for another stream is refused', async () => {
      const limitation = fixture().limitations?.idReuseAcrossStreams;
      if (limitation !== undefined) {
        console.warn(`[${adapterName}] id reuse across streams NOT CHECKED: ${limitation}`);
        expect(limitation.length).toBeGreaterThan(0);
        return;
      }
      const event = newEvent('A');
      await store().append(streamName('dup-first'), [event], 'no_stream');
      const other = streamName('dup-other');
      await expect(store().append(other, [event], 'any')).rejects.toBeInstanceOf(DuplicateEventIdError);
      expect(await store().streamVersion(other)).toBe(-1);
    });
  });
};
