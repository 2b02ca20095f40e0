import type { Actor } from '@crm/event-sourcing';
import { specFor } from '@crm/decider-testing';
import { employeeDecider } from './employee';
import type { EmployeeEvent } from './employee.events';
import { commandContext, NOW } from './testing/fixtures';

const spec = specFor(employeeDecider);
const manager: Actor = { id: 'm-1', role: 'bu_manager', bu: 'bu-1' };
const gm = commandContext({ id: 'g-1', role: 'gm', bu: 'hq' });
const ctx = commandContext(manager);
const base = { employeeId: 'e-1', bu: 'bu-1', at: NOW.toISOString(), decidedBy: 'm-1' };
const joined: EmployeeEvent = {
  type: 'EmployeeJoined',
  data: { ...base, displayName: 'E One', posts: ['staff'], email: 'e1@example.cn' },
};
/** Recorded before posts were kept: the employee held `staff`. */
const joinedBeforePosts: EmployeeEvent = { type: 'EmployeeJoined', data: { ...base, displayName: 'E One' } };

describe('posts and e-mail in the staff directory', () => {
  it('records the initial posts and e-mail on joining', () => {
    spec
      .given([])
      .when(
        {
          type: 'JoinEmployee',
          data: {
            employeeId: 'e-1',
            bu: 'bu-1',
            displayName: 'E One',
            posts: ['staff'],
            email: 'e1@example.cn',
          },
        },
        ctx,
      )
      .then([joined]);
  });

  it('appoints and relieves, recording the whole set held afterwards', () => {
    const appointed: EmployeeEvent = {
      type: 'EmployeeAppointedToPost',
      data: { ...base, post: 'cs_agent', posts: ['staff', 'cs_agent'] },
    };
    spec
      .given([joinedBeforePosts])
      .when({ type: 'AppointToPost', data: { employeeId: 'e-1', post: 'cs_agent' } }, ctx)
      .then([appointed]);
    spec
      .given([joined, appointed])
      .when({ type: 'RelieveOfPost', data: { employeeId: 'e-1', post: 'staff' } }, ctx)
      .then([{ type: 'EmployeeRelievedOfPost', data: { ...base, post: 'staff', posts: ['cs_agent'] } }]);
  });

  it('records nothing for a post already held or not held (a retry is harmless)', () => {
    spec
      .given([joined])
      .when({ type: 'AppointToPost', data: { employeeId: 'e-1', post: 'staff' } }, ctx)
      .then([]);
    spec
      .given([joined])
      .when({ type: 'RelieveOfPost', data: { employeeId: 'e-1', post: 'cs_agent' } }, ctx)
      .then([]);
  });

  it('keeps at least one post and knows only the posts of the company', () => {
    spec
      .given([joined])
      .when({ type: 'RelieveOfPost', data: { employeeId: 'e-1', post: 'staff' } }, ctx)
      .thenRefused({ kind: 'rule', code: 'staff.last_post' });
    spec
      .given([joined])
      .when({ type: 'AppointToPost', data: { employeeId: 'e-1', post: 'emperor' } }, ctx)
      .thenRefused({ kind: 'invalid', code: 'staff.unknown_post' });
    spec
      .given([])
      .when(
        { type: 'JoinEmployee', data: { employeeId: 'e-1', bu: 'bu-1', displayName: 'E', posts: [] } },
        ctx,
      )
      .thenRefused({ kind: 'invalid', code: 'staff.unknown_post' });
  });

  it('lets a BU manager give only BU posts; the GM gives any', () => {
    spec
      .given([joined])
      .when({ type: 'AppointToPost', data: { employeeId: 'e-1', post: 'admin' } }, ctx)
      .thenRefused({ kind: 'forbidden', code: 'staff.post_reserved' });
    spec
      .given([])
      .when(
        {
          type: 'JoinEmployee',
          data: { employeeId: 'e-1', bu: 'bu-1', displayName: 'E', posts: ['bu_manager'] },
        },
        ctx,
      )
      .thenRefused({ kind: 'forbidden', code: 'staff.post_reserved' });
    spec
      .given([joined])
      .when({ type: 'AppointToPost', data: { employeeId: 'e-1', post: 'bu_manager' } }, gm)
      .then([
        {
          type: 'EmployeeAppointedToPost',
          data: { ...base, decidedBy: 'g-1', post: 'bu_manager', posts: ['staff', 'bu_manager'] },
        },
      ]);
  });

  it("refuses a BU manager changing another BU's staff", () => {
    spec
      .given([joined])
      .when(
        { type: 'AppointToPost', data: { employeeId: 'e-1', post: 'cs_agent' } },
        commandContext({ id: 'm-2', role: 'bu_manager', bu: 'bu-2' }),
      )
      .thenRefused({ kind: 'forbidden', code: 'staff.other_bu' });
  });

  it('sets the e-mail once per change; nobody changes the posts or e-mail of someone who left', () => {
    spec
      .given([joined])
      .when({ type: 'SetEmployeeEmail', data: { employeeId: 'e-1', email: 'one@example.cn' } }, ctx)
      .then([{ type: 'EmployeeEmailSet', data: { ...base, email: 'one@example.cn' } }]);
    spec
      .given([joined])
      .when({ type: 'SetEmployeeEmail', data: { employeeId: 'e-1', email: 'e1@example.cn' } }, ctx)
      .then([]);
    const left: EmployeeEvent = { type: 'EmployeeLeft', data: base };
    spec
      .given([joined, left])
      .when({ type: 'AppointToPost', data: { employeeId: 'e-1', post: 'cs_agent' } }, ctx)
      .thenRefused({ kind: 'conflict' });
    spec
      .given([joined, left])
      .when({ type: 'SetEmployeeEmail', data: { employeeId: 'e-1', email: 'x@example.cn' } }, ctx)
      .thenRefused({ kind: 'conflict' });
  });
});
