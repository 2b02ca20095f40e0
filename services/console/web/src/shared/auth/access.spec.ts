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

  it('grants nothing without a session', () => {
    expect(Object.values(accessFor(undefined)).some(Boolean)).toBe(false);
  });
});
