import {
  CUSTOMERS_CONTRACT_EVENT_TYPES,
  parseReferralPointsAwardedV1,
  parseStaffMemberJoinedV1,
  parseStaffMemberStatusChangedV1,
} from './index';

describe('staff directory and referral points contracts (v1)', () => {
  it('are published on the customers topic', () => {
    expect(CUSTOMERS_CONTRACT_EVENT_TYPES).toEqual(
      expect.arrayContaining(['StaffMemberJoined', 'StaffMemberStatusChanged', 'ReferralPointsAwarded']),
    );
  });

  it('parse valid payloads and ignore fields added later', () => {
    const joined = { employeeId: 'e-1', bu: 'bu-1', displayName: 'E', joinedAt: '2025-01-01T00:00:00.000Z' };
    expect(parseStaffMemberJoinedV1({ ...joined, later: 1 })).toEqual(joined);
    const changed = {
      employeeId: 'e-1',
      change: 'transferred',
      status: 'active',
      bu: 'bu-2',
      fromBu: 'bu-1',
      changedAt: '2025-01-01T00:00:00.000Z',
    };
    expect(parseStaffMemberStatusChangedV1(changed)).toEqual(changed);
    const points = {
      customerId: 'c-1',
      refereeId: 'c-2',
      cause: 'attendance',
      reference: 'je-1',
      points: 100,
      policyVersion: 1,
      awardedAt: '2025-01-01T00:00:00.000Z',
    };
    expect(parseReferralPointsAwardedV1(points)).toEqual(points);
  });

  it.each([
    [
      'unknown change',
      () =>
        parseStaffMemberStatusChangedV1({
          employeeId: 'e',
          change: 'fired',
          status: 'left',
          bu: 'b',
          changedAt: '2025-01-01T00:00:00Z',
        }),
      /change/,
    ],
    [
      'missing bu',
      () => parseStaffMemberJoinedV1({ employeeId: 'e', displayName: 'x', joinedAt: '2025-01-01T00:00:00Z' }),
      /bu/,
    ],
    [
      'zero points',
      () =>
        parseReferralPointsAwardedV1({
          customerId: 'c',
          refereeId: 'r',
          cause: 'purchase',
          reference: 's',
          points: 0,
          policyVersion: 1,
          awardedAt: '2025-01-01T00:00:00Z',
        }),
      /points/,
    ],
  ])('refuse %s', (_label, parse, message) => {
    expect(parse).toThrow(message);
  });
});
