import {
  CUSTOMERS_CONTRACT_EVENT_TYPES,
  parseReferralPointsAwardedV1,
  parseStaffMemberJoinedV1,
  parseStaffMemberStatusChangedV1,
  parseStaffMemberPostsChangedV1,
  parseStaffMemberEmailChangedV1,
  parseBusinessUnitOpenedV1,
} from './index';

describe('staff directory and referral points contracts (v1)', () => {
  it('are published on the customers topic', () => {
    expect(CUSTOMERS_CONTRACT_EVENT_TYPES).toEqual(
      expect.arrayContaining(['StaffMemberJoined', 'StaffMemberStatusChanged', 'ReferralPointsAwarded']),
    );
  });

  it('parse valid payloads and ignore fields added later', () => {
    const joined = {
      employeeId: 'e-1',
      bu: 'bu-1',
      displayName: 'E',
      posts: ['staff', 'cs_agent'],
      email: 'e1@example.cn',
      joinedAt: '2025-01-01T00:00:00.000Z',
    };
    expect(parseStaffMemberJoinedV1({ ...joined, later: 1 })).toEqual(joined);
    const postsChanged = { employeeId: 'e-1', bu: 'bu-1', posts: ['cs_agent'], changedAt: joined.joinedAt };
    expect(parseStaffMemberPostsChangedV1(postsChanged)).toEqual(postsChanged);
    const emailChanged = {
      employeeId: 'e-1',
      bu: 'bu-1',
      email: 'one@example.cn',
      changedAt: joined.joinedAt,
    };
    expect(parseStaffMemberEmailChangedV1(emailChanged)).toEqual(emailChanged);
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

  it('read messages older than posts: a member held staff, a unit was a BU', () => {
    const old = { employeeId: 'e-1', bu: 'bu-1', displayName: 'E', joinedAt: '2025-01-01T00:00:00.000Z' };
    expect(parseStaffMemberJoinedV1(old)).toEqual({ ...old, posts: ['staff'] });
    const bu = { buId: 'bu-1', name: '一部', openedAt: '2025-01-01T00:00:00.000Z' };
    expect(parseBusinessUnitOpenedV1(bu)).toEqual(bu);
    expect(parseBusinessUnitOpenedV1({ ...bu, buId: 'hq', headOffice: true })).toEqual({
      ...bu,
      buId: 'hq',
      headOffice: true,
    });
    expect(() => parseBusinessUnitOpenedV1({ ...bu, headOffice: 'yes' })).toThrow(/headOffice/);
    expect(() =>
      parseStaffMemberPostsChangedV1({ employeeId: 'e', bu: 'b', posts: [''], changedAt: old.joinedAt }),
    ).toThrow(/posts/);
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
