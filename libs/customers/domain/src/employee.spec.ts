import type { Actor } from '@crm/event-sourcing';
import { employeeDecider } from './employee';
import { businessUnitDecider } from './business-unit';
import type { EmployeeEvent } from './employee.events';
import { specFor } from '@crm/decider-testing';
import { commandContext, NOW } from './testing/fixtures';

const spec = specFor(employeeDecider);
const manager: Actor = { id: 'm-1', role: 'bu_manager', bu: 'bu-1' };
const ctx = commandContext(manager);
const base = { employeeId: 'e-1', bu: 'bu-1', at: NOW.toISOString(), decidedBy: 'm-1' };
const joined: EmployeeEvent = {
  type: 'EmployeeJoined',
  data: { ...base, displayName: 'E One', posts: ['staff'] },
};

describe('staff directory (domain §2.8)', () => {
  it('an employee joins a BU', () => {
    spec
      .given([])
      .when({ type: 'JoinEmployee', data: { employeeId: 'e-1', bu: 'bu-1', displayName: 'E One' } }, ctx)
      .then([joined]);
  });

  it('goes on long leave and returns', () => {
    const leave: EmployeeEvent = { type: 'EmployeeLongLeaveStarted', data: base };
    spec
      .given([joined])
      .when({ type: 'StartLongLeave', data: { employeeId: 'e-1' } }, ctx)
      .then([leave]);
    spec
      .given([joined, leave])
      .when({ type: 'ReturnFromLeave', data: { employeeId: 'e-1' } }, ctx)
      .then([{ type: 'EmployeeReturned', data: base }]);
  });

  it('transfers to another BU and leaves the company', () => {
    spec
      .given([joined])
      .when({ type: 'TransferEmployee', data: { employeeId: 'e-1', toBu: 'bu-2' } }, ctx)
      .then([{ type: 'EmployeeTransferred', data: { ...base, toBu: 'bu-2' } }]);
    spec
      .given([joined])
      .when({ type: 'RecordLeaving', data: { employeeId: 'e-1' } }, ctx)
      .then([{ type: 'EmployeeLeft', data: base }]);
  });

  it('refuses impossible transitions with 409 and unknown employees with 404', () => {
    spec
      .given([joined])
      .when({ type: 'ReturnFromLeave', data: { employeeId: 'e-1' } }, ctx)
      .thenRefused({ kind: 'conflict' });
    spec
      .given([joined])
      .when({ type: 'JoinEmployee', data: { employeeId: 'e-1', bu: 'bu-1', displayName: 'x' } }, ctx)
      .thenRefused({ kind: 'conflict' });
    spec
      .given([])
      .when({ type: 'StartLongLeave', data: { employeeId: 'e-1' } }, ctx)
      .thenRefused({ kind: 'not_found' });
    spec
      .given([joined, { type: 'EmployeeLeft', data: base }])
      .when({ type: 'TransferEmployee', data: { employeeId: 'e-1', toBu: 'bu-2' } }, ctx)
      .thenRefused({ kind: 'conflict' });
  });

  it("refuses (403) a BU manager managing another BU's staff; the GM may", () => {
    const other = commandContext({ id: 'm-2', role: 'bu_manager', bu: 'bu-2' });
    spec
      .given([])
      .when({ type: 'JoinEmployee', data: { employeeId: 'e-1', bu: 'bu-1', displayName: 'E One' } }, other)
      .thenRefused({ kind: 'forbidden', code: 'staff.other_bu' });
    spec
      .given([joined])
      .when({ type: 'StartLongLeave', data: { employeeId: 'e-1' } }, other)
      .thenRefused({ kind: 'forbidden' });
    spec
      .given([joined])
      .when(
        { type: 'StartLongLeave', data: { employeeId: 'e-1' } },
        commandContext({ id: 'm-1', role: 'gm' }),
      )
      .then([{ type: 'EmployeeLongLeaveStarted', data: base }]);
  });

  it('refuses (422) joining or transferring into a BU that is not in the directory', () => {
    const known = { ...ctx, isOpenBu: (bu: string) => bu === 'bu-1' };
    spec
      .given([])
      .when({ type: 'JoinEmployee', data: { employeeId: 'e-1', bu: 'bu-1', displayName: 'E One' } }, known)
      .then([joined]);
    spec
      .given([joined])
      .when({ type: 'TransferEmployee', data: { employeeId: 'e-1', toBu: 'bu-9' } }, known)
      .thenRefused({ kind: 'rule', code: 'staff.unknown_bu' });
  });
});

describe('business units', () => {
  const bus = specFor(businessUnitDecider);
  const open = { type: 'OpenBusinessUnit', data: { buId: 'bu-1', name: '一部' } } as const;
  const opened = {
    type: 'BusinessUnitOpened',
    data: { buId: 'bu-1', name: '一部', openedAt: NOW.toISOString(), decidedBy: 'm-1' },
  } as const;

  it('opens once', () => {
    bus.given([]).when(open, ctx).then([opened]);
    bus
      .given([])
      .when({ type: 'OpenBusinessUnit', data: { buId: 'hq', name: '总部', headOffice: true } }, ctx)
      .then([
        { type: 'BusinessUnitOpened', data: { ...opened.data, buId: 'hq', name: '总部', headOffice: true } },
      ]);
    bus.given([opened]).when(open, ctx).thenRefused({ kind: 'conflict', code: 'bu.exists' });
  });
});
