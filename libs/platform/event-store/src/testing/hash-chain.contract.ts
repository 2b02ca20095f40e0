import { GENESIS_HASH } from '../hash-chain';
import type { EventStore } from '../event-store.port';
import type { EventStoreContractFixture } from './contract-fixture';
import { newEvent, readAllOf, streamName } from './contract-fixture';

export const hashChainContract = (adapterName: string, fixture: () => EventStoreContractFixture): void => {
  const store = (): EventStore => fixture().store;

  describe('hash chain', () => {
    it('links every event to its predecessor and verifies an intact stream', async () => {
      const stream = streamName('chain');
      await store().append(stream, [newEvent('A'), newEvent('B')], 'no_stream');
      await store().append(stream, [newEvent('C')], 1);
      const events = await readAllOf(store(), stream);
      expect(events[0]?.previousHash).toBe(GENESIS_HASH);
      expect(events[1]?.previousHash).toBe(events[0]?.hash);
      expect(events[2]?.previousHash).toBe(events[1]?.hash);
      expect(events.every((e) => /^[0-9a-f]{64}$/.test(e.hash))).toBe(true);
      expect(await store().verifyStream(stream)).toEqual({
        streamId: stream,
        ok: true,
        eventsChecked: 3,
        problems: [],
      });
    });

    it('tampering: an event changed behind the store is reported as altered', async () => {
      const tamper = fixture().tamper;
      if (tamper === undefined) return reportNotTamperable(adapterName, fixture());
      const stream = streamName('altered');
      await store().append(
        stream,
        [newEvent('A', { amount: 10 }), newEvent('B', { amount: 20 })],
        'no_stream',
      );
      await store().append(stream, [newEvent('C', { amount: 30 })], 1);
      const before = await readAllOf(store(), stream);
      await tamper.alterEventData(stream, 1, { amount: 2000 });
      const report = await store().verifyStream(stream);
      expect(report.ok).toBe(false);
      expect(report.problems).toEqual([
        expect.objectContaining({ kind: 'altered', version: 1, eventId: before[1]?.id }),
      ]);
    });

    it('tampering: an event deleted from the middle is reported as missing with a broken link', async () => {
      const tamper = fixture().tamper;
      if (tamper === undefined) return reportNotTamperable(adapterName, fixture());
      const stream = streamName('deleted');
      await store().append(stream, [newEvent('A'), newEvent('B'), newEvent('C'), newEvent('D')], 'no_stream');
      await tamper.deleteEvent(stream, 1);
      const report = await store().verifyStream(stream);
      expect(report.ok).toBe(false);
      expect(report.eventsChecked).toBe(3);
      expect(report.problems.map((p) => [p.kind, p.version])).toEqual([
        ['missing', 1],
        ['broken_link', 2],
      ]);
    });

    it('tampering: the last event deleted is reported as a head mismatch', async () => {
      const tamper = fixture().tamper;
      if (tamper === undefined) return reportNotTamperable(adapterName, fixture());
      const stream = streamName('truncated');
      await store().append(stream, [newEvent('A'), newEvent('B'), newEvent('C')], 'no_stream');
      await tamper.deleteEvent(stream, 2);
      const report = await store().verifyStream(stream);
      expect(report.ok).toBe(false);
      expect(report.problems.map((p) => p.kind)).toEqual(['head_mismatch']);
    });
  });
};

/** Tamper tests cannot run against storage that cannot be altered; say so loudly instead of passing quietly. */
const reportNotTamperable = (adapterName: string, fixture: EventStoreContractFixture): void => {
  const reason = fixture.tamperUnavailableReason ?? 'the adapter offers no tamper hook';
  console.warn(`[${adapterName}] hash-chain tamper check NOT RUN: ${reason}`);
  expect(fixture.tamperUnavailableReason).toEqual(expect.any(String));
};
