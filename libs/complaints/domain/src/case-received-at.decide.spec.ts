import { caseDecider } from './case.decide';
import { specFor } from '@crm/decider-testing';
import { ctx, NOW, receiver, registerCommand } from './testing/case-fixtures';

const spec = specFor(caseDecider);
const DAY = 86_400_000;
const before = (ms: number) => new Date(NOW.getTime() - ms).toISOString();

describe('a case received before it is entered (receivedAt)', () => {
  it('records when it was received and when and by whom it was entered; the deadline counts from receipt', () => {
    // Received Sat 27 Sep 2025 15:00 Shanghai by phone, entered Tue 30 Sep 10:00.
    const receivedAt = '2025-09-27T07:00:00.000Z';
    const events = spec.given([]).when(registerCommand({ receivedAt }), ctx()).events();
    expect(events[0]?.data).toMatchObject({
      receivedAt,
      registeredAt: NOW.toISOString(),
      receiverId: receiver.id,
    });
    expect(events[1]?.data).toMatchObject({ from: receivedAt, basis: 'working_days' });
  });

  it('without it, the entry time is the receipt', () => {
    const events = spec.given([]).when(registerCommand(), ctx()).events();
    expect(events[0]?.data).toMatchObject({ receivedAt: NOW.toISOString() });
    expect(events[1]?.data).toMatchObject({ from: NOW.toISOString() });
  });

  it('a receipt in the future is refused naming the field', () => {
    spec
      .given([])
      .when(registerCommand({ receivedAt: new Date(NOW.getTime() + 60_000).toISOString() }), ctx())
      .thenRefused({ kind: 'rule', code: 'case.received_in_future', details: { field: 'receivedAt' } });
  });

  it('a receipt older than the policy window (7 days) is refused; exactly 7 days is accepted', () => {
    spec
      .given([])
      .when(registerCommand({ receivedAt: before(7 * DAY + 1_000) }), ctx())
      .thenRefused({
        kind: 'rule',
        code: 'case.received_too_old',
        details: { field: 'receivedAt', windowDays: 7 },
      });
    spec
      .given([])
      .when(registerCommand({ receivedAt: before(7 * DAY) }), ctx())
      .thenIncludes([{ type: 'CaseRegistered' }]);
  });

  it('the window is a policy parameter', () => {
    spec
      .given([])
      .when(
        registerCommand({ receivedAt: before(2 * DAY) }),
        ctx(receiver, { policy: { registration: { receivedWindowDays: 1 } } }),
      )
      .thenRefused({ code: 'case.received_too_old', details: { windowDays: 1 } });
  });
});
