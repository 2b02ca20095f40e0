import type { CaseView } from '@/features/complaints/api/types';

export const CASE_ACTIONS = [
  'classify',
  'assign',
  'investigate',
  'propose',
  'approve',
  'sendBack',
  'reply',
  'accept',
  'reject',
  'notEstablished',
  'extend',
  'followUp',
  'waive',
  'close',
  'archive',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Whether the person may press the button now, and why not (shown as the disabled button's tooltip). */
export interface ActionPermission {
  readonly action: CaseAction;
  readonly can: boolean;
  /** An i18n key of the complaints namespace, with its values. */
  readonly reason?: { key: string; values?: Record<string, unknown> };
}

const WORKERS = ['cs_agent', 'cs_manager', 'staff', 'bu_manager', 'gm'];
const MANAGERS = ['cs_manager', 'bu_manager', 'gm'];
const BEFORE_RESOLUTION = ['registered', 'classified', 'assigned', 'investigated'];
const APPROVER_RANK: Record<string, number> = { cs_manager: 1, bu_manager: 2, gm: 3 };

const informational = (c: CaseView) => c.kind === 'inquiry' || c.kind === 'suggestion';
const complaintLike = (c: CaseView) => c.kind === 'complaint' || c.kind === 'grievance';

/** In which states each action applies (the case decider is the authority; this only picks the buttons). */
const APPLIES: Record<CaseAction, (c: CaseView) => boolean> = {
  classify: (c) => BEFORE_RESOLUTION.includes(c.status),
  assign: (c) => ['classified', 'assigned', 'investigated'].includes(c.status),
  investigate: (c) => ['assigned', 'investigated'].includes(c.status),
  propose: (c) => ['assigned', 'investigated'].includes(c.status),
  approve: (c) => c.status === 'resolution_proposed',
  sendBack: (c) => c.status === 'resolution_proposed',
  reply: (c) =>
    c.status === 'resolution_approved' || (informational(c) && BEFORE_RESOLUTION.includes(c.status)),
  accept: (c) => c.status === 'replied',
  reject: (c) => c.status === 'replied',
  notEstablished: (c) => BEFORE_RESOLUTION.includes(c.status),
  extend: (c) =>
    complaintLike(c) &&
    c.resolvedAt === undefined &&
    !c.deadlineExtended &&
    c.overdueFor.length === 0 &&
    !['closed', 'archived'].includes(c.status),
  followUp: (c) => ['accepted', 'not_established'].includes(c.status) && c.followUp === undefined,
  waive: (c) => ['accepted', 'not_established'].includes(c.status) && c.followUp === undefined,
  close: (c) =>
    (['accepted', 'not_established'].includes(c.status) && c.followUp !== undefined) ||
    (informational(c) && c.status === 'replied'),
  archive: (c) => c.status === 'closed',
};

const ROLES: Record<CaseAction, readonly string[]> = {
  classify: WORKERS,
  assign: WORKERS,
  investigate: WORKERS,
  propose: WORKERS,
  approve: MANAGERS,
  sendBack: MANAGERS,
  reply: WORKERS,
  accept: WORKERS,
  reject: WORKERS,
  notEstablished: MANAGERS,
  extend: ['cs_manager'],
  followUp: WORKERS,
  waive: MANAGERS,
  close: WORKERS,
  archive: MANAGERS,
};

/** The best approver rank among the person's roles (0: none). */
const approverRank = (roles: readonly string[]) => Math.max(0, ...roles.map((r) => APPROVER_RANK[r] ?? 0));

/**
 * The lifecycle actions that apply to the case now, for the person's roles: shown enabled when the
 * roles allow them, disabled with the reason otherwise (approval by amount, the employee concerned).
 */
export const caseActionsFor = (
  c: CaseView,
  person: { employeeId: string; roles: readonly string[] },
): ActionPermission[] =>
  CASE_ACTIONS.filter((action) => APPLIES[action](c)).map((action) => {
    const allowed = ROLES[action];
    if (!person.roles.some((r) => allowed.includes(r))) {
      return { action, can: false, reason: { key: 'actions.reasons.role', values: { roles: allowed } } };
    }
    if (person.employeeId === c.concernedEmployeeId && action !== 'close') {
      return { action, can: false, reason: { key: 'actions.reasons.concerned' } };
    }
    if (action === 'approve' && c.requiredApprover !== null) {
      if (approverRank(person.roles) < (APPROVER_RANK[c.requiredApprover] ?? 3)) {
        return {
          action,
          can: false,
          reason: { key: 'actions.reasons.approver', values: { role: c.requiredApprover } },
        };
      }
    }
    return { action, can: true };
  });
