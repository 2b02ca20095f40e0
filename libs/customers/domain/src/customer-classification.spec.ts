import type { ClassifyCustomer } from './customer.commands';
import type { CustomerEvent } from './customer.events';
import { customerDecider } from './customer.decide';
import { tierFor } from './customer-classification.decide';
import { specFor } from '@crm/decider-testing';
import { NOW, policyContext, staffOf } from './testing/fixtures';
import { registeredEvent } from './testing/customer-history';

const spec = specFor(customerDecider);
const THRESHOLDS = { importantFromFen: 5_000_000, normalFromFen: 500_000 };

const sale = (amountFen: number): CustomerEvent => ({
  type: 'CustomerServiceRecorded',
  data: {
    customerId: 'c-1',
    kind: 'sale',
    reference: `s-${amountFen}`,
    servedAt: NOW.toISOString(),
    byBu: 'bu-1',
    byEmployeeId: 'e-001',
    byOwner: true,
    amountFen,
  },
});

const byPolicy: ClassifyCustomer = {
  type: 'ClassifyCustomer',
  data: { customerId: 'c-1', mode: 'policy', thresholds: THRESHOLDS },
};

describe('classification (domain §2.7)', () => {
  it.each([
    [0, 'potential'],
    [499_999, 'potential'],
    [500_000, 'normal'],
    [5_000_000, 'important'],
  ])('%i fen of purchases → %s', (fen, tier) => {
    expect(tierFor(fen, THRESHOLDS)).toBe(tier);
  });

  it('classifies by the policy thresholds on the purchase total, with its basis and version', () => {
    spec
      .given([registeredEvent(), sale(3_000_000), sale(2_500_000)])
      .when(byPolicy, policyContext())
      .then([
        {
          type: 'CustomerClassified',
          data: {
            customerId: 'c-1',
            tier: 'important',
            mode: 'policy',
            basis: { purchaseTotalFen: 5_500_000, thresholds: THRESHOLDS },
            policyVersion: 'v1',
            decidedBy: 'system:customers',
            classifiedAt: NOW.toISOString(),
          },
        },
      ]);
  });

  it('staff set a tier by hand; the previous tier is kept as history', () => {
    const manual: ClassifyCustomer = {
      type: 'ClassifyCustomer',
      data: { customerId: 'c-1', mode: 'manual', tier: 'important', note: 'family office' },
    };
    const first: CustomerEvent = {
      type: 'CustomerClassified',
      data: {
        customerId: 'c-1',
        tier: 'normal',
        mode: 'manual',
        basis: {},
        decidedBy: 'e-001',
        classifiedAt: NOW.toISOString(),
      },
    };
    spec
      .given([registeredEvent(), first])
      .when(manual, policyContext(NOW, staffOf('bu-1')))
      .then([
        {
          type: 'CustomerClassified',
          data: {
            customerId: 'c-1',
            tier: 'important',
            previousTier: 'normal',
            mode: 'manual',
            basis: { note: 'family office' },
            decidedBy: 'e-001',
            classifiedAt: NOW.toISOString(),
          },
        },
      ]);
  });

  it("refuses another BU's hand classification while the owner still serves the customer (ARC-70)", () => {
    spec
      .given([registeredEvent()])
      .when(
        { type: 'ClassifyCustomer', data: { customerId: 'c-1', mode: 'manual', tier: 'important' } },
        policyContext(NOW, staffOf('bu-2')),
      )
      .thenRefused({ kind: 'forbidden', code: 'customer.not_open_to_bu', rule: 'ARC-70' });
  });

  it('records nothing when the tier does not change', () => {
    const potential: CustomerEvent = {
      type: 'CustomerClassified',
      data: {
        customerId: 'c-1',
        tier: 'potential',
        mode: 'policy',
        basis: {},
        decidedBy: 'x',
        classifiedAt: NOW.toISOString(),
      },
    };
    spec.given([registeredEvent(), potential]).when(byPolicy, policyContext()).then([]);
  });
});

describe('ForgetCustomer', () => {
  const forget = { type: 'ForgetCustomer', data: { customerId: 'c-1' } } as const;

  it('records that the customer was forgotten, once', () => {
    const forgotten: CustomerEvent = {
      type: 'CustomerForgotten',
      data: { customerId: 'c-1', forgottenAt: NOW.toISOString(), decidedBy: 'admin-1' },
    };
    const ctx = policyContext(NOW, { id: 'admin-1', role: 'admin' });
    spec.given([registeredEvent()]).when(forget, ctx).then([forgotten]);
    spec.given([registeredEvent(), forgotten]).when(forget, ctx).then([]);
  });
});
