import { DomainError, type Decider, type DomainCommand, type DomainEvent } from '@crm/event-sourcing';
import { requireRole, type CreditDecisionContext } from './credit-context';

/**
 * The portfolio cap (CRD-31): the sum of all active limits may not exceed the receivables balance at
 * a base date. One stream for the whole portfolio, so concurrent activations are serialised by its
 * expected version and the cap holds under races.
 */
export const PORTFOLIO_STREAM_ID = 'credit-portfolio';

export type SetPortfolioCap = DomainCommand<
  'SetPortfolioCap',
  { readonly baseDate: string; readonly receivablesBalanceFen: number }
>;
export type ActivateLimit = DomainCommand<
  'ActivateLimit',
  { readonly accountId: string; readonly grantId: string; readonly limitFen: number }
>;
export type PortfolioCommand = SetPortfolioCap | ActivateLimit;

export type PortfolioCapSet = DomainEvent<
  'PortfolioCapSet',
  {
    readonly baseDate: string;
    readonly capFen: number;
    readonly setBy: string;
    readonly policyVersion: string;
  }
>;
export type PortfolioLimitActivated = DomainEvent<
  'PortfolioLimitActivated',
  {
    readonly accountId: string;
    readonly grantId: string;
    readonly limitFen: number;
    readonly previousLimitFen: number;
    readonly totalAfterFen: number;
    readonly capFen: number;
  }
>;
export type PortfolioEvent = PortfolioCapSet | PortfolioLimitActivated;

export type Portfolio = {
  readonly cap?: { readonly baseDate: string; readonly capFen: number };
  readonly limits: Readonly<Record<string, number>>;
  readonly totalFen: number;
};

export const initialPortfolio = (): Portfolio => ({ limits: {}, totalFen: 0 });

export const evolvePortfolio = (state: Portfolio, event: PortfolioEvent): Portfolio => {
  switch (event.type) {
    case 'PortfolioCapSet':
      return { ...state, cap: { baseDate: event.data.baseDate, capFen: event.data.capFen } };
    case 'PortfolioLimitActivated': {
      const limits = { ...state.limits, [event.data.accountId]: event.data.limitFen };
      return { ...state, limits, totalFen: Object.values(limits).reduce((a, b) => a + b, 0) };
    }
    default:
      return state;
  }
};

export const decidePortfolio = (
  command: PortfolioCommand,
  state: Portfolio,
  ctx: CreditDecisionContext,
): PortfolioEvent[] => {
  switch (command.type) {
    case 'SetPortfolioCap': {
      requireRole(ctx, ['cfo'], 'setting the portfolio cap (CRD-31)');
      const { baseDate, receivablesBalanceFen } = command.data;
      if (!Number.isInteger(receivablesBalanceFen) || receivablesBalanceFen < 0) {
        throw new DomainError(
          'invalid',
          'credit.invalid_amount',
          'the receivables balance is fen, not negative',
          undefined,
          {
            field: 'receivablesBalanceFen',
          },
        );
      }
      return [
        {
          type: 'PortfolioCapSet',
          data: {
            baseDate,
            capFen: receivablesBalanceFen,
            setBy: ctx.actor.id,
            policyVersion: ctx.policyVersion,
          },
        },
      ];
    }
    case 'ActivateLimit': {
      const { accountId, grantId, limitFen } = command.data;
      if (state.cap === undefined) {
        throw new DomainError(
          'rule',
          'credit.portfolio_cap_not_set',
          'no portfolio cap set: no limit may take effect',
          'CRD-31',
        );
      }
      const previousLimitFen = state.limits[accountId] ?? 0;
      const totalAfterFen = state.totalFen - previousLimitFen + limitFen;
      if (totalAfterFen > state.cap.capFen) {
        throw new DomainError(
          'rule',
          'credit.portfolio_cap_exceeded',
          'the sum of active limits would exceed the receivables balance at the base date (CRD-31)',
          'CRD-31',
          { capFen: state.cap.capFen, totalFen: state.totalFen, limitFen, previousLimitFen },
        );
      }
      return [
        {
          type: 'PortfolioLimitActivated',
          data: { accountId, grantId, limitFen, previousLimitFen, totalAfterFen, capFen: state.cap.capFen },
        },
      ];
    }
  }
};

export const portfolioDecider: Decider<PortfolioCommand, PortfolioEvent, Portfolio, CreditDecisionContext> = {
  initialState: initialPortfolio,
  decide: decidePortfolio,
  evolve: evolvePortfolio,
};
