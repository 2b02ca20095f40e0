import { DomainError, type CommandContext, type Decider } from '@crm/event-sourcing';
import type { EmployeeEvent, StaffCommand } from './employee.events';
import { BU_MANAGED_POSTS, DEFAULT_POSTS, isStaffPost, type StaffPost } from './staff-posts';

/** Domain §2.8: an employee is active in one BU, on long leave, or gone. */
export type Employee =
  | { readonly status: 'unknown' }
  | {
      readonly status: 'active' | 'long_leave' | 'left';
      readonly employeeId: string;
      readonly bu: string;
      readonly displayName: string;
      /** Never empty: an employee holds at least one post. */
      readonly posts: readonly string[];
      readonly email?: string;
    };

export const evolveEmployee = (state: Employee, event: EmployeeEvent): Employee => {
  if (event.type === 'EmployeeJoined') {
    return state.status === 'unknown'
      ? {
          status: 'active',
          employeeId: event.data.employeeId,
          bu: event.data.bu,
          displayName: event.data.displayName,
          posts: event.data.posts ?? DEFAULT_POSTS,
          ...(event.data.email !== undefined ? { email: event.data.email } : {}),
        }
      : state;
  }
  if (state.status === 'unknown') return state;
  switch (event.type) {
    case 'EmployeeLongLeaveStarted':
      return { ...state, status: 'long_leave' };
    case 'EmployeeReturned':
      return { ...state, status: 'active' };
    case 'EmployeeTransferred':
      return { ...state, status: 'active', bu: event.data.toBu };
    case 'EmployeeLeft':
      return { ...state, status: 'left' };
    case 'EmployeeAppointedToPost':
    case 'EmployeeRelievedOfPost':
      return { ...state, posts: event.data.posts };
    case 'EmployeeEmailSet':
      return { ...state, email: event.data.email };
    default:
      return state;
  }
};

export const STAFF_ADMIN_ROLES = ['bu_manager', 'gm', 'admin'] as const;

const conflict = (employeeId: string, status: string, wanted: string): DomainError =>
  new DomainError(
    'conflict',
    'staff.wrong_status',
    `employee ${employeeId} is ${status}; cannot ${wanted}`,
    undefined,
    {
      employeeId,
      status,
    },
  );

/** A BU manager manages the staff of their own BU; the GM and admins any BU's. */
const requireManagerOf = (bu: string, context: CommandContext): void => {
  const { actor } = context;
  if (actor.role === 'bu_manager' && actor.bu !== bu) {
    throw new DomainError(
      'forbidden',
      'staff.other_bu',
      `a BU manager manages the staff of their own BU, not ${bu}`,
      undefined,
      { bu },
    );
  }
};

/**
 * Posts outside {@link BU_MANAGED_POSTS} (a BU's manager, head-office posts, admin) are given and
 * taken by the GM or an admin only: a BU manager cannot raise anyone, themselves included, above staff.
 */
const requireMayGrant = (posts: readonly string[], context: CommandContext): void => {
  if (context.actor.role !== 'bu_manager') return;
  const reserved = posts.filter((p) => !(BU_MANAGED_POSTS as readonly string[]).includes(p));
  if (reserved.length > 0) {
    throw new DomainError(
      'forbidden',
      'staff.post_reserved',
      `a BU manager may not give or take the post(s) ${reserved.join(', ')}`,
      undefined,
      { posts: reserved },
    );
  }
};

const requireKnownPosts = (posts: readonly string[]): readonly StaffPost[] => {
  const unknown = posts.filter((p) => !isStaffPost(p));
  if (unknown.length > 0 || posts.length === 0) {
    throw new DomainError(
      'invalid',
      'staff.unknown_post',
      posts.length === 0 ? 'an employee holds at least one post' : `unknown post(s): ${unknown.join(', ')}`,
      undefined,
      { posts: unknown },
    );
  }
  return [...new Set(posts as readonly StaffPost[])];
};

/** The BU a command moves an employee into (join, transfer), which must exist. */
export const targetBuOf = (command: StaffCommand): string | undefined => {
  if (command.type === 'JoinEmployee') return command.data.bu;
  return command.type === 'TransferEmployee' ? command.data.toBu : undefined;
};

/** The staff directory's context: whether a BU exists, loaded by the application like the clock. */
export interface StaffDecisionContext extends CommandContext {
  readonly isOpenBu?: (bu: string) => boolean;
}

const decideStaff = (
  command: StaffCommand,
  state: Employee,
  context: StaffDecisionContext,
): readonly EmployeeEvent[] => {
  const { employeeId } = command.data;
  if (command.type === 'JoinEmployee') requireManagerOf(command.data.bu, context);
  else if (state.status !== 'unknown') requireManagerOf(state.bu, context);
  const target = targetBuOf(command);
  if (target !== undefined && context.isOpenBu?.(target) === false) {
    throw new DomainError(
      'rule',
      'staff.unknown_bu',
      `business unit ${target} is not in the directory`,
      undefined,
      {
        bu: target,
      },
    );
  }
  const at = context.now.toISOString();
  const decidedBy = context.actor.id;
  if (command.type === 'JoinEmployee') {
    if (state.status !== 'unknown') throw conflict(employeeId, state.status, 'join again');
    const { bu, displayName, email } = command.data;
    const posts = requireKnownPosts(command.data.posts ?? DEFAULT_POSTS);
    requireMayGrant(posts, context);
    return [
      {
        type: 'EmployeeJoined',
        data: {
          employeeId,
          bu,
          displayName,
          posts,
          ...(email !== undefined ? { email } : {}),
          at,
          decidedBy,
        },
      },
    ];
  }
  if (state.status === 'unknown') {
    throw new DomainError(
      'not_found',
      'staff.not_found',
      `employee ${employeeId} is not in the directory`,
      undefined,
      {
        employeeId,
      },
    );
  }
  const base = { employeeId, bu: state.bu, at, decidedBy };
  switch (command.type) {
    case 'StartLongLeave':
      if (state.status !== 'active') throw conflict(employeeId, state.status, 'start a long leave');
      return [{ type: 'EmployeeLongLeaveStarted', data: base }];
    case 'ReturnFromLeave':
      if (state.status !== 'long_leave') throw conflict(employeeId, state.status, 'return');
      return [{ type: 'EmployeeReturned', data: base }];
    case 'TransferEmployee':
      if (state.status === 'left') throw conflict(employeeId, state.status, 'transfer');
      if (command.data.toBu === state.bu)
        throw conflict(employeeId, `already in ${state.bu}`, 'transfer there');
      return [{ type: 'EmployeeTransferred', data: { ...base, toBu: command.data.toBu } }];
    case 'RecordLeaving':
      if (state.status === 'left') throw conflict(employeeId, state.status, 'leave again');
      return [{ type: 'EmployeeLeft', data: base }];
    case 'AppointToPost':
    case 'RelieveOfPost':
      return decidePosts(command, state, base, context);
    case 'SetEmployeeEmail':
      if (state.status === 'left') throw conflict(employeeId, state.status, 'change the e-mail');
      return state.email === command.data.email
        ? []
        : [{ type: 'EmployeeEmailSet', data: { ...base, email: command.data.email } }];
  }
};

type KnownEmployee = Exclude<Employee, { status: 'unknown' }>;
type PostCommand = Extract<StaffCommand, { type: 'AppointToPost' | 'RelieveOfPost' }>;

/** Appointing to a post held, or relieving of one not held, records nothing (a retry is harmless). */
const decidePosts = (
  command: PostCommand,
  state: KnownEmployee,
  base: { employeeId: string; bu: string; at: string; decidedBy: string },
  context: CommandContext,
): readonly EmployeeEvent[] => {
  const [post] = requireKnownPosts([command.data.post]) as [StaffPost];
  requireMayGrant([post], context);
  if (state.status === 'left') throw conflict(state.employeeId, state.status, 'change posts');
  const holds = state.posts.includes(post);
  if (command.type === 'AppointToPost') {
    return holds
      ? []
      : [{ type: 'EmployeeAppointedToPost', data: { ...base, post, posts: [...state.posts, post] } }];
  }
  if (!holds) return [];
  const posts = state.posts.filter((p) => p !== post);
  if (posts.length === 0) {
    throw new DomainError(
      'rule',
      'staff.last_post',
      `employee ${state.employeeId} holds no other post; appoint another before relieving ${post}`,
      undefined,
      { post },
    );
  }
  return [{ type: 'EmployeeRelievedOfPost', data: { ...base, post, posts } }];
};

export const employeeDecider: Decider<StaffCommand, EmployeeEvent, Employee, StaffDecisionContext> = {
  initialState: () => ({ status: 'unknown' }),
  decide: decideStaff,
  evolve: evolveEmployee,
};
