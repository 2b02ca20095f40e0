import { specFor } from '@crm/decider-testing';
import { counterpartyName, evolveCreditAccount, initialCreditAccount } from './credit-account';
import { creditAccountDecider } from './credit-account.decide';
import { ACCOUNT, ctx, NOW } from './testing/fixtures';

const spec = specFor(creditAccountDecider(ACCOUNT));

describe('counterparties (PIPL art. 47: a customer is referenced, never named)', () => {
  it("opens a customer's account with the customer id only", () => {
    spec
      .given([])
      .when(
        { type: 'OpenCreditAccount', data: { counterpartyKind: 'customer', customerId: ACCOUNT } },
        ctx('credit_controller'),
      )
      .then([
        {
          type: 'CreditAccountOpened',
          data: {
            accountId: ACCOUNT,
            counterpartyKind: 'customer',
            customerId: ACCOUNT,
            openedAt: NOW.toISOString(),
          },
        },
      ]);
  });

  it("refuses a customer's name, and a supplier without one", () => {
    spec
      .given([])
      .when(
        {
          type: 'OpenCreditAccount',
          data: { counterpartyKind: 'customer', customerId: ACCOUNT, name: '王小明' },
        },
        ctx('credit_controller'),
      )
      .thenRefused({ kind: 'invalid', code: 'credit.customer_name_not_kept' });
    spec
      .given([])
      .when(
        { type: 'OpenCreditAccount', data: { counterpartyKind: 'supplier', name: ' ' } },
        ctx('credit_controller'),
      )
      .thenRefused({ kind: 'invalid', code: 'credit.name_required' });
  });

  it("never shows a customer's name from an event recorded before the rule; a supplier's it does", () => {
    const legacy = {
      type: 'CreditAccountOpened' as const,
      data: {
        accountId: ACCOUNT,
        counterpartyKind: 'customer' as const,
        customerId: ACCOUNT,
        name: '王小明',
        openedAt: NOW.toISOString(),
      },
    };
    expect(counterpartyName(legacy.data)).toBeUndefined();
    expect(evolveCreditAccount(initialCreditAccount(), legacy)).not.toHaveProperty('name');
    expect(counterpartyName({ ...legacy.data, counterpartyKind: 'supplier', name: 'Acme Ltd' })).toBe(
      'Acme Ltd',
    );
  });
});
