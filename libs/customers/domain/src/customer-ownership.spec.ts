import type { ReassignCustomer, RuleOwnershipDispute } from './customer.commands';
import type { CustomerEvent } from './customer.events';
import { customerDecider } from './customer.decide';
import { evolveCustomer, initialCustomer } from './customer';
import { fold } from '@crm/event-sourcing';
import { specFor } from '@crm/decider-testing';
import { directorOf, NOW, policyContext, staffOf } from './testing/fixtures';
import { lapsedEvent, REGISTERED_AT, registeredEvent } from './testing/customer-history';

const spec = specFor(customerDecider);

const reassign = (
  reason: ReassignCustomer['data']['reason'],
  toBu: string,
  toEmployeeId: string,
  basis: Record<string, unknown> = {},
): ReassignCustomer => ({
  type: 'ReassignCustomer',
  data: { customerId: 'c-1', toBu, toEmployeeId, reason, basis },
});

const changed = (overrides: Partial<Extract<CustomerEvent, { type: 'CustomerOwnershipChanged' }>['data']>) =>
  ({
    type: 'CustomerOwnershipChanged',
    data: {
      customerId: 'c-1',
      fromBu: 'bu-1',
      fromEmployeeId: 'e-001',
      toBu: 'bu-2',
      toEmployeeId: 'e-201',
      reason: 'director_decision',
      rule: 'ARC-70',
      decidedBy: 'd-1',
      policyVersion: 'v1',
      changedAt: NOW.toISOString(),
      basis: {},
      ...overrides,
    },
  }) as CustomerEvent;

describe('reassignment (domain §2.4): reason, decider, rule and policy version', () => {
  it('the resource_director reassigns by decision', () => {
    spec
      .given([registeredEvent()])
      .when(
        reassign('director_decision', 'bu-2', 'e-201', { note: 'customer asked' }),
        policyContext(NOW, directorOf()),
      )
      .then([changed({ basis: { note: 'customer asked' } })]);
  });

  it('refuses a director decision by anyone else with 403', () => {
    spec
      .given([registeredEvent()])
      .when(reassign('director_decision', 'bu-2', 'e-201'), policyContext(NOW, staffOf('bu-2')))
      .thenRefused({ kind: 'forbidden', code: 'customer.director_only' });
  });

  it('reassigns a lapsed customer for lapse, and refuses it (422) while not lapsed', () => {
    const ctx = policyContext(NOW, directorOf());
    spec
      .given([registeredEvent(), lapsedEvent()])
      .when(reassign('service_lapse', 'bu-2', 'e-201'), ctx)
      .then([changed({ reason: 'service_lapse' })]);
    spec
      .given([registeredEvent()])
      .when(reassign('service_lapse', 'bu-2', 'e-201'), ctx)
      .thenRefused({ kind: 'rule', code: 'customer.not_lapsed', rule: 'ARC-70' });
  });

  it('after an unresolved complaint the customer must leave the BU', () => {
    const ctx = policyContext(NOW, { id: 'system:customers.transfers', role: 'system' });
    spec
      .given([registeredEvent()])
      .when(reassign('unresolved_complaint', 'bu-3', 'e-301', { requestId: 'r-1' }), ctx)
      .then([
        changed({
          reason: 'unresolved_complaint',
          rule: 'ARC-71',
          toBu: 'bu-3',
          toEmployeeId: 'e-301',
          decidedBy: 'system:customers.transfers',
          basis: { requestId: 'r-1' },
        }),
      ]);
    spec
      .given([registeredEvent()])
      .when(reassign('unresolved_complaint', 'bu-1', 'e-002'), ctx)
      .thenRefused({ kind: 'rule', code: 'customer.same_bu', rule: 'ARC-71' });
  });

  it("an absent employee's customers stay in their BU", () => {
    spec
      .given([registeredEvent()])
      .when(reassign('staff_absence', 'bu-2', 'e-201'), policyContext())
      .thenRefused({ kind: 'rule', code: 'customer.other_bu', rule: 'ARC-72' });
  });

  it('refuses moving a customer to its current owner with 409', () => {
    spec
      .given([registeredEvent()])
      .when(reassign('director_decision', 'bu-1', 'e-001'), policyContext(NOW, directorOf()))
      .thenRefused({ kind: 'conflict', code: 'customer.already_owner' });
  });

  it('the new owner gets a fresh lapse period and the customer is closed again', () => {
    const state = fold(evolveCustomer, initialCustomer(), [
      registeredEvent(),
      lapsedEvent(),
      changed({ reason: 'service_lapse' }),
    ]);
    expect(state).toMatchObject({
      ownerBu: 'bu-2',
      ownerEmployeeId: 'e-201',
      lapsed: false,
      lastServiceAt: NOW.toISOString(),
    });
  });
});

describe('ownership disputes (ARC-20: earliest registration wins)', () => {
  const claim = (claimantRegisteredAt: string): RuleOwnershipDispute => ({
    type: 'RuleOwnershipDispute',
    data: {
      customerId: 'c-1',
      claimantBu: 'bu-2',
      claimantEmployeeId: 'e-201',
      claimantRegisteredAt,
      evidence: 'minutes 2025-01-09',
    },
  });

  it('the claimant with the earlier registration wins; the ruling records its basis', () => {
    const earlier = '2025-01-09T10:00:00.000Z';
    const basis = {
      ownerRegisteredAt: REGISTERED_AT,
      claimantRegisteredAt: earlier,
      evidence: 'minutes 2025-01-09',
    };
    spec
      .given([registeredEvent()])
      .when(claim(earlier), policyContext(NOW, directorOf()))
      .then([
        {
          type: 'OwnershipDisputeRuled',
          data: {
            customerId: 'c-1',
            claimantBu: 'bu-2',
            claimantEmployeeId: 'e-201',
            winner: 'claimant',
            basis,
            rule: 'ARC-20',
            decidedBy: 'd-1',
            ruledAt: NOW.toISOString(),
          },
        },
        changed({
          reason: 'ownership_ruling',
          rule: 'ARC-20',
          basis: { ...basis, earliestRegistrationWins: true },
        }),
      ]);
  });

  it('the owner keeps a customer registered first (and on a tie)', () => {
    for (const at of ['2025-01-11T00:00:00.000Z', REGISTERED_AT]) {
      spec
        .given([registeredEvent()])
        .when(claim(at), policyContext(NOW, directorOf()))
        .then([
          expect.objectContaining({
            type: 'OwnershipDisputeRuled',
            data: expect.objectContaining({ winner: 'owner' }),
          }) as CustomerEvent,
        ]);
    }
  });

  it('only the resource_director rules', () => {
    spec
      .given([registeredEvent()])
      .when(claim(REGISTERED_AT), policyContext(NOW, staffOf('bu-2')))
      .thenRefused({ kind: 'forbidden' });
  });
});
