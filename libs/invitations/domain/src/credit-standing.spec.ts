import { CREDIT_BLOCKED_WARNING, creditWarnings } from './credit-standing';

describe('creditWarnings (domain §6)', () => {
  const block = { accountId: 'acc-1', reason: 'overdue_invoice', blockedAt: '2026-12-01T01:00:00.000Z' };

  it('turns every confirmation made while an account was blocked into a warning, and nothing else', () => {
    expect(
      creditWarnings([
        { bu: 'bu-1', confirmedAt: '2026-12-05T02:00:00.000Z', creditBlocks: [block] },
        { bu: 'bu-2', confirmedAt: '2026-12-05T03:00:00.000Z' },
        { bu: 'bu-2', confirmedAt: '2026-12-05T04:00:00.000Z', creditBlocks: [] },
      ]),
    ).toEqual([
      {
        code: CREDIT_BLOCKED_WARNING,
        detail: expect.stringContaining('overdue_invoice') as string,
        bu: 'bu-1',
        confirmedAt: '2026-12-05T02:00:00.000Z',
        blockedAccounts: [block],
      },
    ]);
  });
});
