import type { StoredEvent } from '@crm/event-store';
import { FINE_ISSUED_CONTRACT, parseFineIssuedContract } from '@crm/penalties-contracts';
import {
  COMPLAINT_DEADLINE_WARNING_ISSUED,
  COMPLAINT_MAJOR_CASE_NOTIFIED,
  COMPLAINT_OVERDUE_REMINDER_ISSUED,
  COMPLAINT_SETTLEMENT_APPROVED,
  CUSTOMER_TRANSFER_REQUESTED,
  parseComplaintSettlementApprovedV1,
  parseCustomerTransferRequestedV1,
} from '@crm/complaints-contracts';
import { toComplaintsContract } from './complaints-contract.mapper';

const stored = (type: string, data: Record<string, unknown>): StoredEvent => ({
  id: 'e-1',
  streamId: 'case-1',
  type,
  version: 3,
  position: { commit: 1n, prepare: 1n },
  data,
  metadata: {
    actor: { id: 'a', role: 'cs_agent' },
    correlationId: 'c',
    businessTime: '2025-10-11T02:00:00.000Z',
  },
  recordedAt: new Date('2025-10-11T02:00:00.000Z'),
  hash: 'h',
  previousHash: 'p',
});

describe('toComplaintsContract', () => {
  it('publishes the transfer request in the frozen contract shape, policy version as an integer', () => {
    const out = toComplaintsContract(
      stored('CustomerTransferRequested', {
        requestId: 'r-1',
        caseId: 'case-1',
        caseNumber: '2509-0001',
        customerId: 'cust-1',
        fromBu: 'bu-1',
        employeeId: 'emp-9',
        requestedAt: '2025-10-11T02:00:00.000Z',
        rule: 'CMP-32',
        policyVersion: 'v2',
      }),
    );
    expect(out).toMatchObject({ aggregateId: 'cust-1', type: CUSTOMER_TRANSFER_REQUESTED });
    expect(parseCustomerTransferRequestedV1(out?.data)).toMatchObject({ policyVersion: 2, rule: 'CMP-32' });
  });

  it('publishes settlements with exactly the contract fields', () => {
    const out = toComplaintsContract(
      stored('SettlementApproved', {
        settlementId: 's-1',
        caseId: 'case-1',
        caseNumber: '2509-0001',
        customerId: 'cust-1',
        kind: 'return',
        amountFen: 12_300,
        approvedBy: 'csm-1',
        approvedAt: '2025-10-11T02:00:00.000Z',
        policyVersion: 'v1',
      }),
    );
    expect(out?.type).toBe(COMPLAINT_SETTLEMENT_APPROVED);
    expect(Object.keys(out?.data ?? {}).sort()).toEqual(
      Object.keys(parseComplaintSettlementApprovedV1(out?.data)).sort(),
    );
  });

  it('publishes a fine as the company-wide FineIssued contract and keeps internal events private', () => {
    const fine = toComplaintsContract(
      stored('FineIssued', {
        fineId: 'f-1',
        caseId: 'case-1',
        caseNumber: '2509-0001',
        customerId: 'cust-1',
        payee: { role: 'bu_manager', bu: 'bu-1' },
        amountFen: 50_000,
        rule: 'CMP-32',
        policyVersion: 'v1',
        reason: 'overdue',
        issuedAt: '2025-10-11T02:00:00.000Z',
      }),
    );
    expect(fine).toMatchObject({
      aggregateId: 'cust-1',
      type: FINE_ISSUED_CONTRACT,
      data: {
        contractVersion: 1,
        sourceService: 'complaints',
        payee: { bu: 'bu-1', post: 'bu_manager' },
        amountFen: 50_000,
        currency: 'CNY',
        rule: 'CMP-32',
        reason: 'overdue',
        cause: { reference: '2509-0001', link: '/api/complaints/cases/case-1' },
      },
    });
    expect(parseFineIssuedContract(fine?.data)).toEqual(fine?.data);
    expect((fine?.data as { payee: object }).payee).not.toHaveProperty('employeeId');
    expect(toComplaintsContract(stored('CaseClassified', { caseId: 'case-1', cause: 'other' }))).toBeNull();
  });

  it('publishes the notices that call for a person with their recipients', () => {
    const reminder = toComplaintsContract(
      stored('OverdueReminderIssued', {
        caseId: 'case-1',
        dueAt: '2025-10-10T10:00:00.000Z',
        sequence: 2,
        to: [
          { role: 'handler', id: 'e-7' },
          { role: 'bu_manager', bu: 'bu-1' },
        ],
        rule: 'CMP-OVD-03',
      }),
    );
    expect(reminder).toEqual({
      aggregateId: 'case-1',
      type: COMPLAINT_OVERDUE_REMINDER_ISSUED,
      data: {
        caseId: 'case-1',
        dueAt: '2025-10-10T10:00:00.000Z',
        sequence: 2,
        notify: [
          { post: 'handler', employeeId: 'e-7' },
          { post: 'bu_manager', bu: 'bu-1' },
        ],
        rule: 'CMP-OVD-03',
        issuedAt: '2025-10-11T02:00:00.000Z',
      },
    });
    const warning = toComplaintsContract(
      stored('DeadlineWarningIssued', {
        caseId: 'case-1',
        dueAt: '2025-10-11T06:00:00.000Z',
        notify: ['e-7'],
      }),
    );
    expect(warning).toMatchObject({
      type: COMPLAINT_DEADLINE_WARNING_ISSUED,
      data: { notify: [{ post: 'handler', employeeId: 'e-7' }] },
    });
    const major = toComplaintsContract(
      stored('MajorCaseNotified', {
        caseId: 'case-1',
        caseNumber: '2510-0001',
        notify: [{ role: 'bu_manager', bu: 'bu-1' }, { role: 'gm' }],
      }),
    );
    expect(major?.data).toEqual({
      caseId: 'case-1',
      caseNumber: '2510-0001',
      notify: [{ post: 'bu_manager', bu: 'bu-1' }, { post: 'gm' }],
      notifiedAt: '2025-10-11T02:00:00.000Z',
    });
    expect(major?.type).toBe(COMPLAINT_MAJOR_CASE_NOTIFIED);
  });

  it('refuses to publish an event that breaks its contract instead of leaking it', () => {
    expect(() =>
      toComplaintsContract(stored('SettlementApproved', { caseId: 'case-1', kind: 'cash', amountFen: 1 })),
    ).toThrow();
  });
});
