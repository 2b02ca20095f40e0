import type { ResolvedEvent } from '@kurrent/kurrentdb-client';
import { chainBatch } from '../append-batch';
import { verifyChain } from '../hash-chain';
import { fullMetadata, newEvent } from '../testing/contract-fixture';
import { fromResolved, toEventData } from './esdb-mapping';

/** What the server hands back for an event written with `toEventData` (JSON parsed by the client). */
const asRead = (streamId: string, written: ReturnType<typeof toEventData>, revision: number): ResolvedEvent =>
  ({
    event: {
      streamId,
      id: written.id,
      isJson: true,
      revision: BigInt(revision),
      type: written.type,
      created: new Date('2025-05-06T07:08:09.010Z'),
      data: JSON.parse(JSON.stringify(written.data)),
      metadata: JSON.parse(JSON.stringify(written.metadata)),
      position: { commit: BigInt(1000 + revision), prepare: BigInt(1000 + revision) },
    },
  }) as ResolvedEvent;

describe('EventStoreDB event mapping', () => {
  const metadata = fullMetadata();
  const chained = chainBatch('s-1', null, [
    newEvent('A', { z: 1, a: [2] }, metadata),
    newEvent('B', {}, metadata),
  ]);

  it('stores the chain and correlation in $-keys and gives the metadata back exactly as written', () => {
    const written = chained.map(toEventData);
    const first = written[0];
    expect(first?.metadata).toMatchObject({
      $crm: { prevHash: chained[0]?.previousHash, hash: chained[0]?.hash },
      $correlationId: metadata.correlationId,
      $causationId: metadata.causationId,
    });
    const read = written.map((event, i) => fromResolved(asRead('s-1', event, i)));
    const stored = read.map((r) => r?.stored);
    expect(stored.map((e) => e?.version)).toEqual([0, 1]);
    expect(stored[0]?.metadata).toEqual({ ...metadata, recordTime: '2025-05-06T07:08:09.010Z' });
    expect(stored[0]?.position).toEqual({ commit: 1000n, prepare: 1000n });
    expect(
      verifyChain(
        's-1',
        read.map((r) => r?.chained).filter((c) => c !== undefined),
        undefined,
      ).ok,
    ).toBe(true);
  });

  it('ignores system streams and events without a chain', () => {
    const written = toEventData(chained[0] as (typeof chained)[number]);
    expect(fromResolved(asRead('$stats-1', written, 0))).toBeUndefined();
    expect(fromResolved(asRead('crm-checkpoint-x', written, 0))).toBeUndefined();
    const foreign = { ...written, metadata: { correlationId: 'x' } } as ReturnType<typeof toEventData>;
    expect(fromResolved(asRead('s-1', foreign, 0))).toBeUndefined();
  });

  it('reports content changed after writing as altered', () => {
    const read = chained.map((event, i) => fromResolved(asRead('s-1', toEventData(event), i))?.chained);
    const tampered = read.map((c, i) => (i === 0 && c !== undefined ? { ...c, data: { z: 2 } } : c));
    const report = verifyChain(
      's-1',
      tampered.filter((c) => c !== undefined),
      undefined,
    );
    expect(report.problems.map((p) => p.kind)).toEqual(['altered']);
  });
});
