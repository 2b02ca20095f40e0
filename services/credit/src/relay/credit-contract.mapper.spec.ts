import type { StoredEvent } from '@crm/event-store';
import { toCreditContract } from './credit-contract.mapper';

const stored = (type: string, data: Record<string, unknown>): StoredEvent => ({
  id: 'e-1',
  streamId: 'credit-account-c-1',
  type,
  version: 3,
  position: { commit: 1n, prepare: 1n },
  data,
  metadata: {
    actor: { id: 'gm-1', role: 'gm' },
    correlationId: 'corr',
    businessTime: '2026-07-15T02:00:00.000Z',
  },
  recordedAt: new Date('2026-07-15T02:00:00.000Z'),
  hash: 'h',
  previousHash: 'p',
});

describe('credit relay mapper', () => {
  it('publishes a grade approval with the customer id, field by field', () => {
    expect(
      toCreditContract(
        stored('GradeApproved', {
          accountId: 'c-1',
          customerId: 'c-1',
          proposalId: 'p-1',
          grade: 'B',
          approvedBy: 'gm-1',
          approvedAt: '2026-07-15T02:00:00.000Z',
          policyVersion: 'v1',
        }),
      ),
    ).toEqual({
      aggregateId: 'c-1',
      type: 'CreditGradeApproved',
      data: {
        accountId: 'c-1',
        customerId: 'c-1',
        grade: 'B',
        approvedAt: '2026-07-15T02:00:00.000Z',
        policyVersion: 'v1',
      },
    });
  });

  it('publishes a block without the invoice details and keeps private events private', () => {
    expect(
      toCreditContract(
        stored('AccountBlocked', {
          accountId: 's-1',
          reason: 'overdue_invoice',
          invoiceIds: ['o-1'],
          blockedAt: '2026-08-14T03:00:00.000Z',
        }),
      )?.data,
    ).toEqual({ accountId: 's-1', reason: 'overdue_invoice', blockedAt: '2026-08-14T03:00:00.000Z' });
    expect(toCreditContract(stored('DossierSubmitted', { accountId: 'c-1' }))).toBeNull();
    expect(toCreditContract(stored('CreditNoteIssued', { accountId: 'c-1' }))).toBeNull();
  });
});
