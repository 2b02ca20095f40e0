import { conflictActions } from './conflict-policy';

const coordinator = { canRuleConflicts: true, canGiveFinalRuling: false };
const gm = { canRuleConflicts: true, canGiveFinalRuling: true };

describe('what may be done with a conflict', () => {
  it('lets the coordinator rule on or escalate an open or automatically ruled conflict', () => {
    for (const status of ['open', 'ruled'] as const) {
      const a = conflictActions(status, coordinator);
      expect([a.rule.can, a.escalate.can, a.finalRuling.can]).toEqual([true, true, false]);
      expect(a.finalRuling.reason).toBe('policy.gmOnly');
    }
  });

  it('leaves an escalated conflict to the GM', () => {
    const c = conflictActions('escalated', coordinator);
    expect(c.rule).toEqual({ can: false, reason: 'policy.withGm' });
    expect(conflictActions('escalated', gm).finalRuling.can).toBe(true);
  });

  it("allows nothing after the GM's final ruling", () => {
    for (const access of [coordinator, gm]) {
      const a = conflictActions('final', access);
      expect([a.rule.can, a.escalate.can, a.finalRuling.can]).toEqual([false, false, false]);
    }
    expect(conflictActions('final', gm).finalRuling.reason).toBe('policy.final');
  });

  it('gives the GM the final ruling, not the coordinator buttons', () => {
    const a = conflictActions('open', gm);
    expect(a.rule.reason).toBe('policy.coordinatorOnly');
    expect(a.finalRuling.can).toBe(true);
  });
});
