import {
  parseCreditAccountBlockedV1,
  parseCreditGradeApprovedV1,
  parseCreditSaleHeldV1,
} from './credit-account-events';

describe('credit contract parsers', () => {
  it('read a grade approval and ignore unknown fields', () => {
    expect(
      parseCreditGradeApprovedV1({
        accountId: 'a',
        customerId: 'c',
        grade: 'B',
        approvedAt: '2026-07-01T00:00:00.000Z',
        policyVersion: 'v1',
        extra: 1,
      }),
    ).toEqual({
      accountId: 'a',
      customerId: 'c',
      grade: 'B',
      approvedAt: '2026-07-01T00:00:00.000Z',
      policyVersion: 'v1',
    });
  });

  it('name the field that breaks the contract', () => {
    expect(() => parseCreditGradeApprovedV1({ accountId: 'a', grade: 'D' })).toThrow(/grade/);
    expect(() => parseCreditAccountBlockedV1({ accountId: 'a', reason: 'x', blockedAt: 'now' })).toThrow(
      /reason/,
    );
  });

  it('read every hold reason', () => {
    expect(
      parseCreditSaleHeldV1({
        accountId: 'a',
        orderId: 'o',
        kind: 'credit_sale',
        amountFen: 5,
        decidedAt: '2026-07-01T00:00:00.000Z',
        policyVersion: 'v1',
        reasons: ['over_limit', 'dossier_stale'],
      }).reasons,
    ).toEqual(['over_limit', 'dossier_stale']);
  });
});
