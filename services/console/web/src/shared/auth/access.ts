export interface SessionPerson {
  readonly employeeId: string;
  readonly name: string;
  readonly bu?: string;
  readonly roles: readonly string[];
}

export interface Access {
  readonly canSeeCustomers: boolean;
  readonly canRegisterCustomer: boolean;
  readonly canSeeLapseWatch: boolean;
  readonly canReassignLapsed: boolean;
  readonly canManageBatches: boolean;
  readonly canEnterBatches: boolean;
  readonly canSeeBatches: boolean;
  readonly canManageStaff: boolean;
  readonly canOpenBusinessUnits: boolean;
  readonly canSeeInvitations: boolean;
  readonly canConfirmInvitation: boolean;
  readonly canFileLists: boolean;
  readonly canScheduleEvents: boolean;
  readonly canRuleConflicts: boolean;
  readonly canGiveFinalRuling: boolean;
  readonly canSeeEventBoard: boolean;
  readonly canActAtEvent: boolean;
  readonly canSeeFines: boolean;
  readonly canRecordDisputes: boolean;
  readonly canResolveDisputes: boolean;
  readonly canWorkComplaints: boolean;
  readonly canExplainCases: boolean;
  readonly canSeeCalendar: boolean;
  readonly canAdoptCalendar: boolean;
  readonly canSeeCredit: boolean;
  readonly canSeeApprovals: boolean;
  readonly canSeeFailingDeliveries: boolean;
  readonly canSeePenaltyLedger: boolean;
  readonly canExportPayroll: boolean;
}

const any = (roles: readonly string[], ...wanted: string[]) => wanted.some((r) => roles.includes(r));

/**
 * Menu and route flags from the session alone (console-style §3). A convenience: the services
 * enforce every role and BU rule and answer 403 when the console is wrong.
 */
export const accessFor = (person: SessionPerson | undefined): Access => {
  const roles = person?.roles ?? [];
  const admin = roles.includes('admin');
  return {
    canSeeCustomers: roles.length > 0,
    canRegisterCustomer: any(roles, 'staff', 'bu_manager', 'crm_clerk'),
    canSeeLapseWatch: any(roles, 'staff', 'bu_manager', 'resource_director', 'gm') || admin,
    canReassignLapsed: any(roles, 'resource_director'),
    canManageBatches: any(roles, 'bu_manager'),
    canEnterBatches: any(roles, 'crm_clerk'),
    canSeeBatches: any(roles, 'bu_manager', 'crm_clerk', 'gm') || admin,
    canManageStaff: any(roles, 'bu_manager', 'gm') || admin,
    canOpenBusinessUnits: any(roles, 'gm') || admin,
    canSeeInvitations: any(roles, 'staff', 'bu_manager', 'coordinator', 'gm', 'admin'),
    canConfirmInvitation: any(roles, 'staff', 'bu_manager'),
    canFileLists: any(roles, 'bu_manager'),
    // The service lets only the coordinator and the GM schedule (SCHEDULING_ROLES).
    canScheduleEvents: any(roles, 'coordinator', 'gm'),
    canRuleConflicts: any(roles, 'coordinator', 'gm'),
    canGiveFinalRuling: any(roles, 'gm'),
    canSeeEventBoard: any(roles, 'bu_manager', 'coordinator', 'gm', 'auditor', 'admin'),
    canActAtEvent: any(roles, 'staff', 'bu_manager'),
    canSeeFines: any(roles, 'bu_manager', 'coordinator', 'gm', 'auditor', 'admin'),
    canRecordDisputes: any(roles, 'staff', 'bu_manager', 'coordinator'),
    canResolveDisputes: any(roles, 'coordinator'),
    // The complaints service's CASE_WORKERS: they register cases and have a queue.
    canWorkComplaints: any(roles, 'cs_agent', 'cs_manager', 'staff', 'bu_manager', 'gm'),
    canExplainCases: any(roles, 'cs_manager', 'bu_manager', 'gm', 'auditor') || admin,
    canSeeCalendar: any(roles, 'cs_agent', 'cs_manager', 'staff', 'bu_manager', 'gm', 'auditor') || admin,
    canAdoptCalendar: any(roles, 'gm') || admin,
    // CREDIT_READ_ROLES of the credit service.
    canSeeCredit:
      any(roles, 'account_supervisor', 'marketing_manager', 'credit_controller', 'marketing_vp', 'cfo') ||
      any(roles, 'gm', 'chairman', 'auditor', 'analyst') ||
      admin,
    // Whoever may be asked to approve something (docs/work-items.md).
    canSeeApprovals: any(roles, 'cs_manager', 'bu_manager', 'gm', 'marketing_vp', 'cfo', 'chairman'),
    canSeeFailingDeliveries: admin,
    // Everyone sees their own fines (to appeal them); the service narrows what each role reads.
    canSeePenaltyLedger: roles.length > 0,
    canExportPayroll: any(roles, 'gm', 'cfo', 'chairman', 'auditor', 'analyst', 'admin'),
  };
};

export type AccessFlag = keyof Access;
