import type { Actor } from '@crm/event-sourcing';
import type { StoredEvent } from '@crm/event-store';
import { explainOwnership } from './ownership-explanation';

let version = 0;
const stored = (
  type: string,
  data: Record<string, unknown>,
  actor: Actor = { id: 'e-1', role: 'staff', bu: 'bu-1' },
) =>
  ({
    id: `ev-${version}`,
    streamId: 'customer-c-1',
    type,
    version: version++,
    position: { commit: 1n, prepare: BigInt(version) },
    data,
    metadata: { actor, correlationId: 'x', businessTime: '2025-01-01T00:00:00.000Z' },
    recordedAt: new Date('2025-01-01T00:00:01.000Z'),
    hash: 'h',
    previousHash: '',
  }) as StoredEvent;

describe('explainOwnership', () => {
  it('chains registration, lapse, reassignment and rulings with actor, rule, basis and policy version', () => {
    const director = { id: 'd-1', role: 'resource_director' };
    const chain = explainOwnership([
      stored('CustomerRegistered', {
        customerId: 'c-1',
        source: 'walk_in',
        ownerBu: 'bu-1',
        ownerEmployeeId: 'e-1',
        registeredAt: '2025-01-01T00:00:00.000Z',
        personalData: { alg: 'x', keyId: 'k', ciphertext: 'c' },
      }),
      stored('CustomerServiceRecorded', { customerId: 'c-1', byOwner: true }),
      stored('CustomerServiceLapsed', {
        customerId: 'c-1',
        ownerBu: 'bu-1',
        ownerEmployeeId: 'e-1',
        lastServiceAt: '2025-01-01T00:00:00.000Z',
        lapsedAt: '2025-04-01T00:00:00.000Z',
        lapseAfterMonths: 3,
        policyVersion: 'v1',
      }),
      stored(
        'CustomerOwnershipChanged',
        {
          customerId: 'c-1',
          fromBu: 'bu-1',
          fromEmployeeId: 'e-1',
          toBu: 'bu-2',
          toEmployeeId: 'e-2',
          reason: 'service_lapse',
          rule: 'ARC-70',
          decidedBy: 'd-1',
          policyVersion: 'v1',
          changedAt: '2025-04-02T00:00:00.000Z',
          basis: { note: 'reported by bu-2' },
        },
        director,
      ),
      stored(
        'OwnershipDisputeRuled',
        {
          customerId: 'c-1',
          claimantBu: 'bu-3',
          claimantEmployeeId: 'e-3',
          winner: 'owner',
          basis: { ownerRegisteredAt: 'a', claimantRegisteredAt: 'b', evidence: 'minutes' },
          rule: 'ARC-20',
          decidedBy: 'd-1',
          ruledAt: '2025-04-03T00:00:00.000Z',
        },
        director,
      ),
    ]);
    expect(chain.map((c) => [c.decision, c.rule, c.ownerBu, c.actor.id, c.policyVersion])).toEqual([
      ['registered', 'ARC-20', 'bu-1', 'e-1', undefined],
      ['lapsed', 'ARC-70', 'bu-1', 'e-1', 'v1'],
      ['ownership_changed', 'ARC-70', 'bu-2', 'd-1', 'v1'],
      ['dispute_ruled', 'ARC-20', 'bu-2', 'd-1', undefined],
    ]);
    expect(chain[2]).toMatchObject({
      reason: 'service_lapse',
      basis: { note: 'reported by bu-2', fromBu: 'bu-1' },
    });
    expect(chain[3]?.basis).toMatchObject({ winner: 'owner', claimantBu: 'bu-3', evidence: 'minutes' });
    expect(JSON.stringify(chain)).not.toContain('ciphertext');
  });
});
