import type { StoredEvent } from '@crm/event-store';
import { toCustomersContract } from './customers-contract.mapper';

const stored = (type: string, data: Record<string, unknown>): StoredEvent => ({
  id: '00000000-0000-4000-8000-000000000001',
  streamId: 'customer-c-1',
  type,
  version: 0,
  position: { commit: 1n, prepare: 1n },
  data,
  metadata: {
    actor: { id: 'e-1', role: 'staff', bu: 'bu-1' },
    correlationId: 'x',
    businessTime: '2025-01-01T00:00:00Z',
  },
  recordedAt: new Date('2025-01-01T00:00:00Z'),
  hash: 'h',
  previousHash: '',
});

const registered = {
  customerId: 'c-1',
  source: 'walk_in',
  ownerBu: 'bu-1',
  ownerEmployeeId: 'e-1',
  registeredAt: '2025-01-01T00:00:00.000Z',
  personalData: { alg: 'AES-256-GCM', keyId: 'k', ciphertext: 'AAAA' },
};

describe('toCustomersContract', () => {
  it('publishes CustomerRegistered keyed by customer id with exactly the contract fields', () => {
    expect(toCustomersContract(stored('CustomerRegistered', { ...registered, internalOnly: 'x' }))).toEqual({
      aggregateId: 'c-1',
      type: 'CustomerRegistered',
      data: registered,
    });
  });

  it('keeps internal events private', () => {
    expect(toCustomersContract(stored('MobileReserved', { mobileKey: 'k', customerId: 'c-1' }))).toBeNull();
  });

  it('refuses to publish personal data that is not sealed', () => {
    expect(() =>
      toCustomersContract(
        stored('CustomerRegistered', { ...registered, personalData: { name: '王', mobile: '13812341234' } }),
      ),
    ).toThrow();
  });
});

describe('toCustomersContract for the ownership, lapse, points and staff events', () => {
  const at = '2025-04-01T00:00:00.000Z';

  it('publishes an ownership change with the policy version as the contract integer, without the basis', () => {
    const published = toCustomersContract(
      stored('CustomerOwnershipChanged', {
        customerId: 'c-1',
        fromBu: 'bu-1',
        fromEmployeeId: 'e-1',
        toBu: 'bu-2',
        toEmployeeId: 'e-2',
        reason: 'unresolved_complaint',
        rule: 'ARC-71',
        decidedBy: 'system:customers.reactions',
        policyVersion: 'v1',
        changedAt: at,
        basis: { candidates: [] },
      }),
    );
    expect(published).toEqual({
      aggregateId: 'c-1',
      type: 'CustomerOwnershipChanged',
      data: {
        customerId: 'c-1',
        fromBu: 'bu-1',
        fromEmployeeId: 'e-1',
        toBu: 'bu-2',
        toEmployeeId: 'e-2',
        reason: 'unresolved_complaint',
        decidedBy: 'system:customers.reactions',
        policyVersion: 1,
        changedAt: at,
      },
    });
  });

  it('publishes lapse, lapse cleared, forgotten and points awarded', () => {
    expect(
      toCustomersContract(
        stored('CustomerServiceLapsed', {
          customerId: 'c-1',
          ownerBu: 'bu-1',
          ownerEmployeeId: 'e-1',
          lastServiceAt: at,
          lapsedAt: at,
          lapseAfterMonths: 3,
          policyVersion: 'v2',
        }),
      )?.data,
    ).toEqual({
      customerId: 'c-1',
      ownerBu: 'bu-1',
      ownerEmployeeId: 'e-1',
      lastServiceAt: at,
      lapsedAt: at,
      policyVersion: 2,
    });
    expect(
      toCustomersContract(
        stored('CustomerLapseCleared', { customerId: 'c-1', ownerBu: 'bu-1', clearedAt: at }),
      )?.type,
    ).toBe('CustomerLapseCleared');
    expect(
      toCustomersContract(
        stored('CustomerForgotten', { customerId: 'c-1', forgottenAt: at, decidedBy: 'admin-1' }),
      ),
    ).toEqual({
      aggregateId: 'c-1',
      type: 'CustomerForgotten',
      data: { customerId: 'c-1', forgottenAt: at },
    });
    expect(
      toCustomersContract(
        stored('ReferralPointsAwarded', {
          customerId: 'c-1',
          refereeId: 'c-2',
          cause: 'purchase',
          reference: 's-1',
          awardKey: 'purchase:c-2:s-1',
          points: 200,
          amountFen: 299_900,
          policyVersion: 'v1',
          awardedAt: at,
        }),
      )?.data,
    ).toEqual({
      customerId: 'c-1',
      refereeId: 'c-2',
      cause: 'purchase',
      reference: 's-1',
      points: 200,
      policyVersion: 1,
      awardedAt: at,
    });
  });

  it('publishes consent without who recorded it, the channel or the note', () => {
    expect(
      toCustomersContract(
        stored('CustomerConsentRecorded', {
          customerId: 'c-1',
          purposes: ['service'],
          marketingOptedOut: true,
          channel: 'phone',
          note: '来电退订',
          rule: 'DAT-22',
          recordedBy: 'cs-1',
          recordedAt: at,
        }),
      ),
    ).toEqual({
      aggregateId: 'c-1',
      type: 'CustomerConsentChanged',
      data: { customerId: 'c-1', purposes: ['service'], marketingOptedOut: true, changedAt: at },
    });
  });

  it('publishes staff changes keyed by employee; a transfer names both BUs', () => {
    const staff = (type: string, extra: Record<string, unknown> = {}) => ({
      ...stored(type, { employeeId: 'e-9', bu: 'bu-1', at, decidedBy: 'gm-1', ...extra }),
      streamId: 'employee-e-9',
    });
    expect(toCustomersContract(staff('EmployeeJoined', { displayName: 'E Nine' }))).toEqual({
      aggregateId: 'e-9',
      type: 'StaffMemberJoined',
      data: { employeeId: 'e-9', bu: 'bu-1', displayName: 'E Nine', posts: ['staff'], joinedAt: at },
    });
    expect(
      toCustomersContract(
        staff('EmployeeJoined', { displayName: 'E Nine', posts: ['cs_agent'], email: 'e9@example.cn' }),
      )?.data,
    ).toEqual({
      employeeId: 'e-9',
      bu: 'bu-1',
      displayName: 'E Nine',
      posts: ['cs_agent'],
      email: 'e9@example.cn',
      joinedAt: at,
    });
    expect(
      toCustomersContract(staff('EmployeeAppointedToPost', { post: 'handler', posts: ['staff', 'handler'] })),
    ).toEqual({
      aggregateId: 'e-9',
      type: 'StaffMemberPostsChanged',
      data: { employeeId: 'e-9', bu: 'bu-1', posts: ['staff', 'handler'], changedAt: at },
    });
    expect(
      toCustomersContract(staff('EmployeeRelievedOfPost', { post: 'staff', posts: ['handler'] }))?.data,
    ).toEqual({ employeeId: 'e-9', bu: 'bu-1', posts: ['handler'], changedAt: at });
    expect(toCustomersContract(staff('EmployeeEmailSet', { email: 'nine@example.cn' }))).toEqual({
      aggregateId: 'e-9',
      type: 'StaffMemberEmailChanged',
      data: { employeeId: 'e-9', bu: 'bu-1', email: 'nine@example.cn', changedAt: at },
    });
    expect(toCustomersContract(staff('EmployeeTransferred', { toBu: 'bu-2' }))?.data).toEqual({
      employeeId: 'e-9',
      change: 'transferred',
      status: 'active',
      bu: 'bu-2',
      fromBu: 'bu-1',
      changedAt: at,
    });
    expect(
      toCustomersContract({
        ...stored('BusinessUnitOpened', { buId: 'bu-1', name: '一部', openedAt: at, decidedBy: 'gm-1' }),
        streamId: 'business-unit-bu-1',
      }),
    ).toEqual({
      aggregateId: 'bu-1',
      type: 'BusinessUnitOpened',
      data: { buId: 'bu-1', name: '一部', openedAt: at },
    });
    expect(
      toCustomersContract({
        ...stored('BusinessUnitOpened', {
          buId: 'hq',
          name: '总部',
          headOffice: true,
          openedAt: at,
          decidedBy: 'a',
        }),
        streamId: 'business-unit-hq',
      })?.data,
    ).toEqual({ buId: 'hq', name: '总部', headOffice: true, openedAt: at });
    expect(toCustomersContract(staff('EmployeeLeft'))?.data).toMatchObject({
      change: 'left',
      status: 'left',
      bu: 'bu-1',
    });
  });

  it('keeps service records, rulings, classifications and batches private', () => {
    for (const type of [
      'CustomerServiceRecorded',
      'OwnershipDisputeRuled',
      'CustomerClassified',
      'PointsRedeemed',
      // Corrected personal data reaches nobody: consumers keep no personal data (only owners).
      'CustomerDataCorrected',
      'MobileReleased',
    ]) {
      expect(toCustomersContract(stored(type, { customerId: 'c-1' }))).toBeNull();
    }
    expect(
      toCustomersContract({ ...stored('BatchAllocated', { batchId: 'b' }), streamId: 'outreach-batch-b' }),
    ).toBeNull();
  });
});
