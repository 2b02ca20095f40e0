import type { Decider } from '@crm/event-sourcing';
import { evolveCreditAccount, initialCreditAccount, type CreditAccount } from './credit-account';
import type { CreditAccountCommand, OpenCreditAccount } from './credit-account.commands';
import type { CreditAccountEvent } from './credit-account.events';
import { requireRole, type CreditDecisionContext } from './credit-context';
import { conflict, invalid } from './account-guards';
import {
  decideApproveGrade,
  decideFileDossier,
  decideMarkDossierStale,
  decideProposeGrade,
  decideReviewDossier,
  decideReviewGrade,
  decideSubmitDossier,
} from './dossier-rating.decide';
import { decideRefuseApproval } from './approval-refusal.decide';
import { decideMarkReviewDue, decideMarkReviewOverdue } from './review-reminders.decide';
import { decideApproveCreditGrant, decideRegisterCollateral, decideRequestCreditGrant } from './grant.decide';
import { decideCheckCredit, decideHold, decideRequestHoldRelease } from './credit-check.decide';
import {
  decideEscalateDefault,
  decideIssueCreditNote,
  decideMarkInvoiceOverdue,
  decideReconcileAccount,
  decideRecordGoodsAccepted,
  decideRecordPayment,
  decideRecordShipment,
} from './ledger.decide';
import {
  decideApproveLimitAdjustment,
  decideCompleteReview,
  decideEndContractPeriod,
  decideOpenRenewalWindow,
  decideProposeLimitAdjustment,
  decideRecordContract,
  withClearedToZero,
} from './review.decide';

/** Settlements that bring the exposure to zero also record it (CRD-45). */
const clearing = (
  state: CreditAccount,
  events: CreditAccountEvent[],
  ctx: CreditDecisionContext,
): CreditAccountEvent[] => (state.status === 'open' ? withClearedToZero(state, events, ctx.now) : events);

const opened = (accountId: string, data: OpenCreditAccount['data'], now: Date): CreditAccountEvent => ({
  type: 'CreditAccountOpened',
  data: {
    accountId,
    counterpartyKind: data.counterpartyKind,
    ...(data.customerId !== undefined ? { customerId: data.customerId } : {}),
    ...(data.counterpartyKind === 'supplier' && data.name !== undefined ? { name: data.name } : {}),
    openedAt: now.toISOString(),
  },
});

/** The account id is the counterparty's id (a customer's id for customers, CRD-04). */
export const decideCreditAccount =
  (accountId: string) =>
  (
    command: CreditAccountCommand,
    state: CreditAccount,
    ctx: CreditDecisionContext,
  ): readonly CreditAccountEvent[] => {
    switch (command.type) {
      case 'OpenCreditAccount':
        requireRole(ctx, ['credit_controller', 'marketing_manager'], 'opening a credit account');
        if (state.status === 'open')
          throw conflict('credit.account_exists', 'the credit account exists', { accountId });
        if (command.data.counterpartyKind === 'customer' && command.data.customerId === undefined) {
          throw invalid('credit.customer_id_required', 'a customer counterparty names its customer id', {
            field: 'customerId',
          });
        }
        if (command.data.counterpartyKind === 'customer' && command.data.name !== undefined) {
          throw invalid(
            'credit.customer_name_not_kept',
            "a customer's name is personal data kept only by the customers service: give customerId only",
            { field: 'name' },
          );
        }
        if (command.data.counterpartyKind === 'supplier' && (command.data.name ?? '').trim() === '') {
          throw invalid('credit.name_required', 'a supplier counterparty names the company', {
            field: 'name',
          });
        }
        return [opened(accountId, command.data, ctx.now)];
      case 'SubmitDossier':
        return decideSubmitDossier(command, state, ctx);
      case 'ReviewDossier':
        return decideReviewDossier(command, state, ctx);
      case 'FileDossier':
        return decideFileDossier(command, state, ctx);
      case 'MarkDossierStale':
        return decideMarkDossierStale(command, state, ctx);
      case 'ProposeGrade':
        return decideProposeGrade(command, state, ctx);
      case 'ReviewGrade':
        return decideReviewGrade(command, state, ctx);
      case 'ApproveGrade':
        return decideApproveGrade(command, state, ctx);
      case 'RegisterCollateral':
        return decideRegisterCollateral(command, state, ctx);
      case 'RequestCreditGrant':
        return decideRequestCreditGrant(command, state, ctx);
      case 'ApproveCreditGrant':
        return decideApproveCreditGrant(command, state, ctx);
      case 'CheckCredit':
        return decideCheckCredit(command, state, ctx);
      case 'RequestHoldRelease':
        return decideRequestHoldRelease(command, state, ctx);
      case 'DecideHold':
        return decideHold(command, state, ctx);
      case 'RecordShipment':
        return decideRecordShipment(command, state, ctx);
      case 'RecordGoodsAccepted':
        return clearing(state, decideRecordGoodsAccepted(command, state, ctx), ctx);
      case 'RecordPayment':
        return clearing(state, decideRecordPayment(command, state, ctx), ctx);
      case 'IssueCreditNote': {
        // A settlement for a customer we never opened an account for still lands on its receivables.
        if (state.status === 'unopened') {
          const open = opened(accountId, { counterpartyKind: 'customer', customerId: accountId }, ctx.now);
          const next = evolveCreditAccount(state, open);
          return [open, ...decideIssueCreditNote(command, next, ctx)];
        }
        return clearing(state, decideIssueCreditNote(command, state, ctx), ctx);
      }
      case 'MarkInvoiceOverdue':
        return decideMarkInvoiceOverdue(command, state, ctx);
      case 'EscalateDefault':
        return decideEscalateDefault(command, state, ctx);
      case 'ReconcileAccount':
        return decideReconcileAccount(command, state, ctx);
      case 'CompleteReview':
        return decideCompleteReview(command, state, ctx);
      case 'MarkReviewDue':
        return decideMarkReviewDue(command, state, ctx);
      case 'MarkReviewOverdue':
        return decideMarkReviewOverdue(command, state, ctx);
      case 'RefuseApproval':
        return decideRefuseApproval(command, state, ctx);
      case 'ProposeLimitAdjustment':
        return decideProposeLimitAdjustment(command, state, ctx);
      case 'ApproveLimitAdjustment':
        return decideApproveLimitAdjustment(command, state, ctx);
      case 'RecordContract':
        return decideRecordContract(command, state, ctx);
      case 'OpenRenewalWindow':
        return decideOpenRenewalWindow(command, state, ctx);
      case 'EndContractPeriod':
        return decideEndContractPeriod(command, state, ctx);
    }
  };

export const creditAccountDecider = (
  accountId: string,
): Decider<CreditAccountCommand, CreditAccountEvent, CreditAccount, CreditDecisionContext> => ({
  initialState: initialCreditAccount,
  decide: decideCreditAccount(accountId),
  evolve: evolveCreditAccount,
});
