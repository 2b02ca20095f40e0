import { accessFor } from './access';

describe('access flags', () => {
  it('gives a staff member customers and invitations but not allocation or rulings', () => {
    const a = accessFor({ employeeId: 'e-1', name: '王芳', bu: 'bu-1', roles: ['staff'] });
    expect([a.canRegisterCustomer, a.canConfirmInvitation]).toEqual([true, true]);
    expect([a.canManageBatches, a.canRuleConflicts, a.canReassignLapsed]).toEqual([false, false, false]);
  });

  it('lets only a gm give the final ruling, and a coordinator rule first', () => {
    expect(accessFor({ employeeId: 'c', name: 'c', roles: ['coordinator'] }).canGiveFinalRuling).toBe(false);
    expect(accessFor({ employeeId: 'c', name: 'c', roles: ['coordinator'] }).canRuleConflicts).toBe(true);
    expect(accessFor({ employeeId: 'g', name: 'g', roles: ['gm'] }).canGiveFinalRuling).toBe(true);
  });

  it('takes the BU manager and the CRM clerk to the outreach batches, each to their own step', () => {
    const manager = accessFor({ employeeId: 'm', name: 'm', bu: 'bu-1', roles: ['bu_manager'] });
    const clerk = accessFor({ employeeId: 'k', name: 'k', roles: ['crm_clerk'] });
    expect([manager.canSeeBatches, manager.canManageBatches, manager.canEnterBatches]).toEqual([
      true,
      true,
      false,
    ]);
    expect([clerk.canSeeBatches, clerk.canManageBatches, clerk.canEnterBatches]).toEqual([true, false, true]);
    expect(accessFor({ employeeId: 'e', name: 'e', roles: ['staff'] }).canSeeBatches).toBe(false);
  });

  it('lets the GM and admins open business units, a BU manager only manage staff', () => {
    const manager = accessFor({ employeeId: 'm', name: 'm', bu: 'bu-1', roles: ['bu_manager'] });
    expect([manager.canManageStaff, manager.canOpenBusinessUnits]).toEqual([true, false]);
    expect(accessFor({ employeeId: 'a', name: 'a', roles: ['admin'] }).canOpenBusinessUnits).toBe(true);
  });

  it('shows the event board and the fines to managers and above, not to staff', () => {
    const staff = accessFor({ employeeId: 'e-1', name: 's', bu: 'bu-1', roles: ['staff'] });
    const manager = accessFor({ employeeId: 'm-1', name: 'm', bu: 'bu-1', roles: ['bu_manager'] });
    expect([staff.canSeeEventBoard, staff.canSeeFines, staff.canActAtEvent]).toEqual([false, false, true]);
    expect([manager.canSeeEventBoard, manager.canSeeFines, manager.canFileLists]).toEqual([true, true, true]);
  });

  it('lets staff, managers and the coordinator record a dispute, and only the coordinator resolve it', () => {
    const staff = accessFor({ employeeId: 'e-1', name: 's', bu: 'bu-1', roles: ['staff'] });
    const coordinator = accessFor({ employeeId: 'c', name: 'c', roles: ['coordinator'] });
    const gm = accessFor({ employeeId: 'g', name: 'g', roles: ['gm'] });
    expect([staff.canRecordDisputes, staff.canResolveDisputes]).toEqual([true, false]);
    expect([coordinator.canRecordDisputes, coordinator.canResolveDisputes]).toEqual([true, true]);
    expect([gm.canRecordDisputes, gm.canResolveDisputes]).toEqual([false, false]);
  });

  it('the complaints desk: case workers have a queue; the GM and administrators adopt the calendar', () => {
    const agent = accessFor({ employeeId: 'a', name: 'A', roles: ['cs_agent'] });
    const admin = accessFor({ employeeId: 'x', name: 'X', roles: ['admin'] });
    expect([agent.canWorkComplaints, agent.canExplainCases, agent.canAdoptCalendar]).toEqual([
      true,
      false,
      false,
    ]);
    expect([admin.canWorkComplaints, admin.canSeeCalendar, admin.canAdoptCalendar]).toEqual([
      false,
      true,
      true,
    ]);
  });

  it('lets only the roles the service accepts schedule joint events', () => {
    expect(accessFor({ employeeId: 'c', name: 'c', roles: ['coordinator'] }).canScheduleEvents).toBe(true);
    expect(accessFor({ employeeId: 'a', name: 'a', roles: ['admin'] }).canScheduleEvents).toBe(false);
  });

  it('grants nothing without a session', () => {
    expect(Object.values(accessFor(undefined)).some(Boolean)).toBe(false);
  });
});
