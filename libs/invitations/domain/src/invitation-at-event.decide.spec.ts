import type { InvitationCommand } from './invitation.commands';
import { invitationDecider } from './invitation.decide';
import type { InvitationEvent } from './invitation.events';
import { specFor } from '@crm/decider-testing';
import { at, invitationContext, staff } from './testing/fixtures';

const spec = specFor(invitationDecider);
const EVENING = '2026-12-10 19:00:00';
const confirmed: InvitationEvent = {
  type: 'InvitationConfirmed',
  data: {
    invitationId: 'i-1',
    jointEventId: 'je-1',
    customerId: 'x',
    bu: 'bu-1',
    employeeId: 'e-inviter',
    confirmedAt: at('2026-12-05 10:00:00').toISOString(),
    countsForDay: '2026-12-05',
    access: 'lapsed',
    policyVersion: 'v1',
  },
};
const inviter = staff('bu-1', 'e-inviter');
const former = staff('bu-2', 'e-former');
const when = (history: InvitationEvent[], command: InvitationCommand, actor = inviter, local = EVENING) =>
  spec.given(history).when(command, invitationContext(actor, at(local)));
const attended = when([confirmed], { type: 'RecordAttendance', data: {} }).events();
const approved = when([confirmed, ...attended], {
  type: 'ApproveSalesAssist',
  data: { assistantEmployeeId: 'e-former' },
}).events();

describe('at the event (INV-11)', () => {
  it('checks the customer in for the current inviter, on the event day only, once', () => {
    expect(attended).toEqual([
      {
        type: 'AttendanceRecorded',
        data: {
          jointEventId: 'je-1',
          customerId: 'x',
          attendedAt: at(EVENING).toISOString(),
          inviterBu: 'bu-1',
          inviterEmployeeId: 'e-inviter',
        },
      },
    ]);
    when([confirmed], { type: 'RecordAttendance', data: {} }, inviter, '2026-12-09 19:00:00').thenRefused({
      code: 'invitation.not_event_day',
    });
    when([confirmed, ...attended], { type: 'RecordAttendance', data: {} }).then([]);
    spec
      .given([])
      .when({ type: 'RecordAttendance', data: {} }, invitationContext(inviter, at(EVENING)))
      .thenRefused({ kind: 'not_found', code: 'invitation.not_invited' });
  });

  it('credits a sale 100 % to the current inviter, even when the former follow-up employee helped', () => {
    const sale = when(
      [confirmed, ...attended, ...approved],
      { type: 'RecordEventSale', data: { saleId: 's-1', amountFen: 250_000, assistedBy: 'e-former' } },
      former,
    ).events();
    expect(sale).toEqual([
      {
        type: 'EventSaleRecorded',
        data: expect.objectContaining({
          saleId: 's-1',
          amountFen: 250_000,
          inviterBu: 'bu-1',
          inviterEmployeeId: 'e-inviter',
          assistedBy: 'e-former',
          recordedBy: 'e-former',
        }),
      },
    ]);
    when([confirmed, ...attended, ...approved, ...sale], {
      type: 'RecordEventSale',
      data: { saleId: 's-1', amountFen: 250_000 },
    }).then([]);
  });

  it('lets the former employee help only with the current inviter’s consent', () => {
    when(
      [confirmed, ...attended],
      { type: 'ApproveSalesAssist', data: { assistantEmployeeId: 'e-former' } },
      former,
    ).thenRefused({ kind: 'forbidden', code: 'invitation.not_current_inviter', rule: 'INV-11' });
    when(
      [confirmed, ...attended],
      { type: 'StartPitch', data: { employeeId: 'e-former' } },
      former,
    ).thenRefused({ code: 'invitation.assist_not_approved' });
    when([confirmed, ...attended], {
      type: 'RecordEventSale',
      data: { saleId: 's-2', amountFen: 100, assistedBy: 'e-former' },
    }).thenRefused({ code: 'invitation.assist_not_approved' });
  });

  it('lets only one employee pitch to the customer at a time', () => {
    const pitching = when([confirmed, ...attended, ...approved], {
      type: 'StartPitch',
      data: { employeeId: 'e-inviter' },
    }).events();
    const history = [confirmed, ...attended, ...approved, ...pitching];
    when(history, { type: 'StartPitch', data: { employeeId: 'e-former' } }, former).thenRefused({
      kind: 'conflict',
      code: 'invitation.pitch_in_progress',
      details: { pitcher: 'e-inviter' },
    });
    const ended = when(history, { type: 'EndPitch', data: { employeeId: 'e-inviter' } }).events();
    expect(
      when([...history, ...ended], { type: 'StartPitch', data: { employeeId: 'e-former' } }, former).events(),
    ).toEqual([
      expect.objectContaining({
        type: 'PitchStarted',
        data: expect.objectContaining({ employeeId: 'e-former' }),
      }),
    ]);
  });

  it('records sales only for checked-in customers and with a positive amount', () => {
    when([confirmed], { type: 'RecordEventSale', data: { saleId: 's-1', amountFen: 100 } }).thenRefused({
      code: 'invitation.not_checked_in',
    });
    when([confirmed, ...attended], {
      type: 'RecordEventSale',
      data: { saleId: 's-1', amountFen: 0 },
    }).thenRefused({ kind: 'invalid', code: 'invitation.invalid_amount' });
  });
});
