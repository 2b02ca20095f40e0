import { DomainError } from '@crm/event-sourcing';

/**
 * The ⚙ numbers of domain §4 as one policy document (`complaints.rules`). The domain reads them
 * from the decision context; the service loads the version in force and records it on each event.
 */
export type ComplaintsPolicy = {
  /** Case number: `YYMM` + '-' + serial padded to this many digits (CMP-NUM-01/02). */
  readonly numberSerialDigits: number;
  readonly registration: {
    /** How far back a case's `receivedAt` may lie (a call on Saturday entered on Monday). */
    readonly receivedWindowDays: number;
  };
  readonly deadlines: {
    readonly inquiryHours: number;
    readonly complaintWorkingDays: number;
    readonly extendedWorkingDays: number;
    readonly warningWorkingHours: number;
    /** Reminders (催辦) repeat this many working hours apart while an overdue case stays unresolved. */
    readonly reminderEveryWorkingHours: number;
  };
  /** Upper bounds in fen per approver role, checked in order; above the last: `gm` (CMP-APR-07). */
  readonly approvalLimitsFen: { readonly cs_manager: number; readonly bu_manager: number };
  readonly severity: {
    readonly clusterDistinctCustomers: number;
    readonly clusterWindowDays: number;
    readonly repeatWindowDays: number;
  };
  readonly fines: {
    readonly overdueFen: number;
    readonly grievanceFen: number;
    readonly executiveComplaintFen: number;
    /** Whether the 500 yuan overdue fine comes on top of a 100 yuan fine on the same case (CMP-32 vs 30/31, A8). */
    readonly stack: boolean;
  };
  /** ESCALATE: up the ladder, then a linked case; REOPEN_LINKED: a linked case at once (V-14). */
  readonly onCustomerRejection: 'escalate' | 'reopen_linked';
  readonly retentionDays: number;
  /** May a case close with a reasoned waiver instead of a follow-up with satisfaction (CMP-FUP-02). */
  readonly allowFollowUpWaiver: boolean;
};

export const COMPLAINTS_POLICY_ID = 'complaints.rules';

export const DEFAULT_COMPLAINTS_POLICY: ComplaintsPolicy = {
  numberSerialDigits: 4,
  registration: { receivedWindowDays: 7 },
  deadlines: {
    inquiryHours: 24,
    complaintWorkingDays: 3,
    extendedWorkingDays: 7,
    warningWorkingHours: 4,
    reminderEveryWorkingHours: 9,
  },
  approvalLimitsFen: { cs_manager: 50_000, bu_manager: 500_000 },
  severity: { clusterDistinctCustomers: 3, clusterWindowDays: 7, repeatWindowDays: 90 },
  fines: { overdueFen: 50_000, grievanceFen: 10_000, executiveComplaintFen: 10_000, stack: true },
  onCustomerRejection: 'escalate',
  retentionDays: 365,
  allowFollowUpWaiver: true,
};

/** The integer a public contract carries for a policy version `v3` (contracts use integers). */
export const policyVersionNumber = (version: string | undefined): number => {
  const match = /^v(\d+)/.exec(version ?? '');
  return match ? Number(match[1]) : 1;
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks the params of the `complaints.rules` version in force before a decision relies on them:
 * an adopted version with a missing or negative number refuses commands with a named problem
 * instead of deciding on `undefined`.
 */
export const parseComplaintsPolicy = (params: unknown, version: string): ComplaintsPolicy => {
  const problems: string[] = [];
  const numberAt = (path: string, min = 0): void => {
    let value: unknown = params;
    for (const key of path.split('.')) value = isRecord(value) ? value[key] : undefined;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min)
      problems.push(`${path} must be a number ≥ ${min}`);
  };
  for (const path of [
    'deadlines.inquiryHours',
    'deadlines.complaintWorkingDays',
    'deadlines.extendedWorkingDays',
    'deadlines.warningWorkingHours',
    'deadlines.reminderEveryWorkingHours',
    'approvalLimitsFen.cs_manager',
    'approvalLimitsFen.bu_manager',
    'severity.clusterDistinctCustomers',
    'severity.clusterWindowDays',
    'severity.repeatWindowDays',
    'fines.overdueFen',
    'fines.grievanceFen',
    'fines.executiveComplaintFen',
    'retentionDays',
  ]) {
    numberAt(path);
  }
  numberAt('numberSerialDigits', 1);
  const p = isRecord(params) ? params : {};
  if (p['registration'] !== undefined) numberAt('registration.receivedWindowDays');
  if (!isRecord(p['fines']) || typeof p['fines']['stack'] !== 'boolean')
    problems.push('fines.stack must be a boolean');
  if (p['onCustomerRejection'] !== 'escalate' && p['onCustomerRejection'] !== 'reopen_linked') {
    problems.push("onCustomerRejection must be 'escalate' or 'reopen_linked'");
  }
  if (typeof p['allowFollowUpWaiver'] !== 'boolean') problems.push('allowFollowUpWaiver must be a boolean');
  if (problems.length > 0) {
    throw new DomainError(
      'conflict',
      'policy.unusable',
      `${COMPLAINTS_POLICY_ID} ${version} in force is unusable`,
      undefined,
      {
        policyId: COMPLAINTS_POLICY_ID,
        version,
        problems,
      },
    );
  }
  // Versions adopted before the receivedAt window existed keep the v1 window.
  return { registration: DEFAULT_COMPLAINTS_POLICY.registration, ...p } as ComplaintsPolicy;
};
