import type { StoredEvent } from '@crm/event-store';
import {
  INVITATION_CONFLICT_AWAITING_RULING,
  INVITATION_LIST_DUE_SOON,
  parseEventSaleRecordedV1,
  parseInvitationConfirmedV1,
} from '@crm/invitations-contracts';
import { toInvitationsContract } from './invitations-contract.mapper';

const stored = (type: string, data: Record<string, unknown>): StoredEvent => ({
  id: 'ev-1',
  streamId: 's',
  type,
  version: 0,
  position: { commit: 1n, prepare: 1n },
  data,
  metadata: {
    actor: { id: 'e-1', role: 'staff' },
    correlationId: 'c',
    businessTime: '2026-12-05T03:00:00.000Z',
  },
  recordedAt: new Date('2026-12-05T03:00:00.000Z'),
  hash: 'h',
  previousHash: 'p',
});

describe('toInvitationsContract', () => {
  it('publishes a confirmation in the frozen v1 shape, keyed by customer, without internal fields', () => {
    const data = {
      invitationId: 'i-1',
      jointEventId: 'je-1',
      customerId: 'c-1',
      bu: 'bu-1',
      employeeId: 'e-1',
      confirmedAt: '2026-12-05T03:00:00.000Z',
      countsForDay: '2026-12-05',
      access: 'lapsed',
      policyVersion: 'v1',
    };
    const contract = toInvitationsContract(stored('InvitationConfirmed', data));
    expect(contract).toEqual({
      aggregateId: 'c-1',
      type: 'InvitationConfirmed',
      data: parseInvitationConfirmedV1(data),
    });
    expect(contract?.data).not.toHaveProperty('access');
  });

  it('credits a sale to the inviter and drops who keyed it in', () => {
    const data = {
      saleId: 's-1',
      jointEventId: 'je-1',
      customerId: 'c-1',
      amountFen: 100,
      soldAt: '2026-12-10T11:00:00.000Z',
      inviterBu: 'bu-1',
      inviterEmployeeId: 'e-1',
      recordedBy: 'e-9',
    };
    expect(toInvitationsContract(stored('EventSaleRecorded', data))?.data).toEqual(
      parseEventSaleRecordedV1(data),
    );
  });

  it('publishes a conflict that waits for a ruling: the coordinator, then the GM once escalated', () => {
    const detected = {
      jointEventId: 'je-1',
      customerId: 'c-1',
      claimants: [],
      detectedAt: '2026-12-05T10:00:00.000Z',
    };
    expect(
      toInvitationsContract(
        stored('InvitationConflictDetected', { ...detected, queuedForCoordinator: true }),
      ),
    ).toEqual({
      aggregateId: 'c-1',
      type: INVITATION_CONFLICT_AWAITING_RULING,
      data: {
        jointEventId: 'je-1',
        customerId: 'c-1',
        ruler: 'coordinator',
        awaitingSince: detected.detectedAt,
      },
    });
    // Decided by a rule at once: nobody has to rule.
    expect(
      toInvitationsContract(
        stored('InvitationConflictDetected', { ...detected, queuedForCoordinator: false }),
      ),
    ).toBeNull();
    const escalated = toInvitationsContract(
      stored('InvitationConflictEscalated', {
        jointEventId: 'je-1',
        customerId: 'c-1',
        escalatedBy: 'co-1',
        reason: 'both insist',
        escalatedAt: '2026-12-05T11:00:00.000Z',
      }),
    );
    expect(escalated?.data).toEqual({
      jointEventId: 'je-1',
      customerId: 'c-1',
      ruler: 'gm',
      awaitingSince: '2026-12-05T11:00:00.000Z',
    });
  });

  it('publishes the lists due within the hour, keyed by joint event', () => {
    const data = {
      jointEventId: 'je-1',
      day: '2026-12-05',
      cutoffAt: '2026-12-05T10:00:00.000Z',
      businessUnits: ['bu-2'],
    };
    expect(toInvitationsContract(stored('InvitationListsDueSoon', data))).toEqual({
      aggregateId: 'je-1',
      type: INVITATION_LIST_DUE_SOON,
      data,
    });
  });

  it('publishes a fine as the company-wide FineIssued contract, linked to its joint event', () => {
    const contract = toInvitationsContract(
      stored('FineIssued', {
        fineId: 'f-1',
        jointEventId: 'je-1',
        bu: 'bu-2',
        role: 'bu_manager',
        amountFen: 1000,
        rule: 'INV-07',
        reason: 'no list for 2026-12-05',
        day: '2026-12-05',
        issuedAt: '2026-12-05T11:00:00.000Z',
        policyVersion: 'v1',
      }),
    );
    expect(contract).toEqual({
      aggregateId: 'je-1',
      type: 'FineIssued',
      data: {
        contractVersion: 1,
        fineId: 'f-1',
        sourceService: 'invitations',
        payee: { bu: 'bu-2', post: 'bu_manager' },
        amountFen: 1000,
        currency: 'CNY',
        rule: 'INV-07',
        policyVersion: 'v1',
        cause: { streamId: 's', eventId: 'ev-1', link: '/invitations/events/je-1', reference: 'je-1' },
        issuedAt: '2026-12-05T11:00:00.000Z',
        reason: 'no list for 2026-12-05',
      },
    });
  });

  it('keeps internal events private', () => {
    for (const type of ['JointEventScheduled', 'InvitationListFiled', 'PitchStarted']) {
      expect(toInvitationsContract(stored(type, {}))).toBeNull();
    }
  });
});
