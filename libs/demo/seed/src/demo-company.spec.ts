import { DEMO_BU_PEOPLE, DEMO_CUSTOMERS, DEMO_HEAD_OFFICE, demoCustomer } from './demo-company';

describe('the demo company', () => {
  it('has 200 customers with distinct valid mobiles, the same on every run', () => {
    const mobiles = DEMO_CUSTOMERS.map((c) => c.mobile);
    expect(new Set(mobiles).size).toBe(200);
    for (const m of mobiles) expect(m).toMatch(/^1[3-9]\d{9}$/);
    expect(demoCustomer(17)).toEqual(DEMO_CUSTOMERS[17]);
  });

  it('spreads the customers evenly over the BU staff, managers owning none', () => {
    const perOwner = new Map<string, number>();
    for (const c of DEMO_CUSTOMERS) perOwner.set(c.ownerId, (perOwner.get(c.ownerId) ?? 0) + 1);
    const staff = DEMO_BU_PEOPLE.filter((p) => p.roles.includes('staff')).map((p) => p.id);
    expect([...perOwner.keys()].sort()).toEqual([...staff].sort());
    const counts = [...perOwner.values()];
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it('gives every person posts and an e-mail; the head office is a unit of its own', () => {
    for (const p of [...DEMO_BU_PEOPLE, ...DEMO_HEAD_OFFICE]) {
      expect(p.roles.length).toBeGreaterThan(0);
      expect(p.email).toMatch(/^[a-z0-9-]+@demo\.crm\.example\.cn$/);
    }
    expect(new Set(DEMO_HEAD_OFFICE.map((p) => p.bu))).toEqual(new Set(['hq']));
    expect(DEMO_HEAD_OFFICE[0]?.roles).toEqual(['gm']);
  });

  it('has a manager per BU and one person per head-office role', () => {
    expect(DEMO_BU_PEOPLE.filter((p) => p.roles.includes('bu_manager')).map((p) => p.bu)).toEqual([
      'bu-east',
      'bu-south',
      'bu-north',
    ]);
    expect(DEMO_HEAD_OFFICE.flatMap((p) => p.roles).sort()).toEqual(
      [
        'admin',
        'analyst',
        'auditor',
        'cfo',
        'chairman',
        'marketing_vp',
        'coordinator',
        'crm_clerk',
        'cs_agent',
        'gm',
        'resource_director',
      ].sort(),
    );
  });
});
