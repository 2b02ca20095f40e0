import { portfolioDecider, type PortfolioEvent } from './portfolio';
import { specFor } from '@crm/decider-testing';
import { ctx } from './testing/fixtures';

const spec = specFor(portfolioDecider);
const cap: PortfolioEvent = {
  type: 'PortfolioCapSet',
  data: { baseDate: '2026-01-01', capFen: 100_000, setBy: 'cfo-1', policyVersion: 'v1' },
};
const activated = (
  accountId: string,
  limitFen: number,
  previousLimitFen: number,
  totalAfterFen: number,
): PortfolioEvent => ({
  type: 'PortfolioLimitActivated',
  data: { accountId, grantId: `g-${accountId}`, limitFen, previousLimitFen, totalAfterFen, capFen: 100_000 },
});
const activate = (accountId: string, limitFen: number) => ({
  type: 'ActivateLimit' as const,
  data: { accountId, grantId: `g-${accountId}`, limitFen },
});

describe('portfolio cap: sum of active limits ≤ receivables at the base date (CRD-31)', () => {
  it('activates up to the cap exactly', () => {
    spec
      .given([cap, activated('a', 60_000, 0, 60_000)])
      .when(activate('b', 40_000), ctx('gm'))
      .then([activated('b', 40_000, 0, 100_000)]);
  });

  it('refuses 1 fen over the cap, naming CRD-31', () => {
    spec
      .given([cap, activated('a', 60_000, 0, 60_000)])
      .when(activate('b', 40_001), ctx('gm'))
      .thenRefused({ kind: 'rule', code: 'credit.portfolio_cap_exceeded', rule: 'CRD-31' });
  });

  it('a new limit replaces the account’s previous one in the sum', () => {
    spec
      .given([cap, activated('a', 60_000, 0, 60_000)])
      .when(activate('a', 100_000), ctx('gm'))
      .then([activated('a', 100_000, 60_000, 100_000)]);
  });

  it('no limit takes effect before a cap is set; only the CFO sets it', () => {
    spec.given([]).when(activate('a', 1), ctx('gm')).thenRefused({ code: 'credit.portfolio_cap_not_set' });
    spec
      .given([])
      .when(
        { type: 'SetPortfolioCap', data: { baseDate: '2026-01-01', receivablesBalanceFen: 5 } },
        ctx('gm'),
      )
      .thenRefused({ kind: 'forbidden' });
  });
});
