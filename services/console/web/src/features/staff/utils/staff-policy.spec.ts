import { canChangeEmployee } from './staff-policy';

const member = {
  employeeId: 'e-201',
  bu: 'bu-2',
  displayName: '陈静',
  status: 'active' as const,
  joinedAt: '2026-12-01T00:00:00.000Z',
  changedAt: '2026-12-01T00:00:00.000Z',
};

describe('who may change an employee', () => {
  it('lets a BU manager change their own BU only', () => {
    expect(
      canChangeEmployee({ employeeId: 'm', name: 'm', bu: 'bu-2', roles: ['bu_manager'] }, member),
    ).toEqual({
      can: true,
    });
    expect(
      canChangeEmployee({ employeeId: 'm', name: 'm', bu: 'bu-1', roles: ['bu_manager'] }, member),
    ).toEqual({
      can: false,
      reason: 'otherBu',
    });
  });

  it('lets the GM and admins change anyone, and nobody else', () => {
    expect(canChangeEmployee({ employeeId: 'g', name: 'g', roles: ['gm'] }, member).can).toBe(true);
    expect(canChangeEmployee({ employeeId: 'a', name: 'a', roles: ['admin'] }, member).can).toBe(true);
    expect(canChangeEmployee({ employeeId: 's', name: 's', bu: 'bu-2', roles: ['staff'] }, member)).toEqual({
      can: false,
      reason: 'noRole',
    });
  });
});
