import type { MarkLapsed, RecordService } from './customer.commands';
import type { CustomerEvent } from './customer.events';
import { customerDecider } from './customer.decide';
import { specFor } from '@crm/decider-testing';
import { policyContext } from './testing/fixtures';
import { lapsedEvent, REGISTERED_AT, registeredEvent } from './testing/customer-history';

const spec = specFor(customerDecider);
const DEADLINE = '2025-04-10T02:00:00.000Z'; // registration + 3 months, Shanghai calendar

const markLapsed: MarkLapsed = { type: 'MarkLapsed', data: { customerId: 'c-1', lapseAfterMonths: 3 } };

const service = (servedAt: string, byBu = 'bu-1', kind: RecordService['data']['kind'] = 'home_visit') =>
  ({
    type: 'RecordService',
    data: { customerId: 'c-1', kind, reference: `ref-${servedAt}`, servedAt, byBu, byEmployeeId: 'e-001' },
  }) satisfies RecordService;

const recorded = (servedAt: string, byBu = 'bu-1'): CustomerEvent => ({
  type: 'CustomerServiceRecorded',
  data: {
    customerId: 'c-1',
    kind: 'home_visit',
    reference: `ref-${servedAt}`,
    servedAt,
    byBu,
    byEmployeeId: 'e-001',
    byOwner: byBu === 'bu-1',
  },
});

describe('service and lapse (ARC-70, INV-14)', () => {
  it('records qualifying service by the owner', () => {
    const at = '2025-02-01T02:00:00.000Z';
    spec
      .given([registeredEvent()])
      .when(service(at), policyContext(at))
      .then([recorded(at)]);
  });

  it('lapses a customer with no qualifying service for the policy period, naming the policy version', () => {
    spec
      .given([registeredEvent()])
      .when(markLapsed, policyContext(DEADLINE))
      .then([
        {
          type: 'CustomerServiceLapsed',
          data: {
            customerId: 'c-1',
            ownerBu: 'bu-1',
            ownerEmployeeId: 'e-001',
            lastServiceAt: REGISTERED_AT,
            lapsedAt: DEADLINE,
            lapseAfterMonths: 3,
            policyVersion: 'v1',
          },
        },
      ]);
  });

  it('does not lapse before the deadline (an early timer decides nothing)', () => {
    spec.given([registeredEvent()]).when(markLapsed, policyContext('2025-04-10T01:59:59.999Z')).then([]);
  });

  it('a service record one day before the deadline prevents the lapse', () => {
    const dayBefore = '2025-04-09T02:00:00.000Z';
    spec
      .given([registeredEvent(), recorded(dayBefore)])
      .when(markLapsed, policyContext(DEADLINE))
      .then([]);
    // ...and the clock restarts from that service: three months later it does lapse.
    spec
      .given([registeredEvent(), recorded(dayBefore)])
      .when(markLapsed, policyContext('2025-07-09T02:00:00.000Z'))
      .then([expect.objectContaining({ type: 'CustomerServiceLapsed' }) as CustomerEvent]);
  });

  it("refuses another BU's visit while the owner still serves the customer (ARC-70)", () => {
    const at = '2025-02-01T02:00:00.000Z';
    spec
      .given([registeredEvent()])
      .when(service(at, 'bu-2'), policyContext(at))
      .thenRefused({ kind: 'forbidden', code: 'customer.not_open_to_bu', rule: 'ARC-70' });
  });

  it('lets another BU record a call once the customer lapsed, without restarting the clock', () => {
    const at = '2025-05-01T02:00:00.000Z';
    spec
      .given([registeredEvent(), lapsedEvent()])
      .when(service(at, 'bu-2', 'phone_contact'), policyContext(at))
      .then([
        {
          ...recorded(at, 'bu-2'),
          data: { ...recorded(at, 'bu-2').data, kind: 'phone_contact' },
        } as CustomerEvent,
      ]);
  });

  it('records an invitation fact from another BU as the invitations service decided it', () => {
    const at = '2025-02-01T02:00:00.000Z';
    spec
      .given([registeredEvent()])
      .when(service(at, 'bu-2', 'invitation_confirmed'), policyContext(at))
      .thenIncludes([{ type: 'CustomerServiceRecorded' }]);
  });

  it("another BU's service does not restart the owner's clock", () => {
    spec
      .given([registeredEvent(), recorded('2025-04-09T02:00:00.000Z', 'bu-2')])
      .when(markLapsed, policyContext(DEADLINE))
      .then([expect.objectContaining({ type: 'CustomerServiceLapsed' }) as CustomerEvent]);
  });

  it('lapses once: a repeated timer decides nothing', () => {
    spec
      .given([registeredEvent(), lapsedEvent()])
      .when(markLapsed, policyContext('2025-05-01T00:00:00.000Z'))
      .then([]);
  });

  it("the owner's service clears a lapse that was not yet acted on", () => {
    const at = '2025-04-20T02:00:00.000Z';
    spec
      .given([registeredEvent(), lapsedEvent()])
      .when(service(at, 'bu-1', 'phone_contact'), policyContext(at))
      .then([
        { ...recorded(at), data: { ...recorded(at).data, kind: 'phone_contact' } } as CustomerEvent,
        { type: 'CustomerLapseCleared', data: { customerId: 'c-1', ownerBu: 'bu-1', clearedAt: at } },
      ]);
  });

  it('refuses service for an unknown customer with 404', () => {
    spec
      .given([])
      .when(service(REGISTERED_AT), policyContext())
      .thenRefused({ kind: 'not_found', code: 'customer.not_found' });
  });
});
