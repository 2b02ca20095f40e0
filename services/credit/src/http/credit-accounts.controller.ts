import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DomainError, type Actor, type CommandContext } from '@crm/event-sourcing';
import { ApiCommand, ApiRead, CLOCK, CorrelationId, CurrentActor, requestCommandId, Roles } from '@crm/nest';
import type { Clock } from '@crm/policy';
import { CREDIT_CHECK_ROLES, type CreditAccountCommand, type DossierSections } from '@crm/credit-domain';
import { CreditAccountExecutor } from '../application/credit-account.executor';
import { CreditAccountList } from '../application/credit-account-list';
import { CreditQueries } from '../application/credit-queries';
import {
  AsOfQuery,
  CheckCreditDto,
  CompleteReviewDto,
  CreditAccountListQuery,
  DecideHoldDto,
  GoodsAcceptedDto,
  OpenCreditAccountDto,
  ProposeGradeDto,
  ProposeLimitAdjustmentDto,
  ReconcileDto,
  RefuseApprovalDto,
  RecordContractDto,
  RecordPaymentDto,
  RecordShipmentDto,
  RegisterCollateralDto,
  RequestGrantDto,
  RequestHoldReleaseDto,
  ReviewDossierDto,
  SubmitDossierDto,
} from './credit-account.dto';
import {
  CreditAccountDto,
  CreditAccountListDto,
  CreditCheckResultDto,
  CreditCommandResultDto,
  HoldExplanationDto,
} from './credit-account-view.dto';

const ACCOUNT_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

const ACCOUNT_ERRORS = {
  404: '`credit.account_not_found`',
  409: 'State conflict, or a concurrent change',
  422: 'A credit rule refused; `rule` names it (CRD-…)',
} as const;

/** A command on one credit account: the events it recorded, and the errors every such command may meet. */
const AccountCommand = (operationId: string, summary: string, status: 200 | 201 = 201): MethodDecorator =>
  ApiCommand({ operationId, summary, status, response: CreditCommandResultDto, errors: ACCOUNT_ERRORS });

/** Who may read a credit account (credit data is not for every role). */
export const CREDIT_READ_ROLES = [
  'staff',
  'account_supervisor',
  'marketing_manager',
  'credit_controller',
  'marketing_vp',
  'cfo',
  'gm',
  'chairman',
  'auditor',
  'analyst',
  'admin',
];

/** HTTP in, command or query out; the rules (including who may approve) are in the domain. */
@ApiTags('credit-accounts')
@Controller('credit-accounts')
export class CreditAccountsController {
  constructor(
    private readonly executor: CreditAccountExecutor,
    private readonly queries: CreditQueries,
    private readonly list: CreditAccountList,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private async run(
    accountId: string,
    command: CreditAccountCommand,
    actor: Actor,
    correlationId: string,
  ): Promise<CreditCommandResultDto> {
    const context: CommandContext = {
      actor,
      now: this.clock.now(),
      commandId: requestCommandId(),
      correlationId,
    };
    const result = await this.executor.execute(checkedId(accountId), command, context);
    return { accountId, events: result.events.map((e) => e.type) };
  }

  @Post()
  @Roles('credit_controller', 'marketing_manager')
  @AccountCommand('openCreditAccount', 'Open a credit account for a customer or supplier')
  open(@Body() b: OpenCreditAccountDto, @CurrentActor() actor: Actor, @CorrelationId() corr: string) {
    const { accountId, ...data } = b;
    return this.run(accountId, { type: 'OpenCreditAccount', data }, actor, corr);
  }

  @Post(':id/dossier')
  @Roles('account_supervisor')
  @AccountCommand('submitDossier', 'Submit the credit dossier (sections and rating facts)')
  submitDossier(
    @Param('id') id: string,
    @Body() b: SubmitDossierDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() corr: string,
  ) {
    const sections = { ...b.sections } as DossierSections;
    return this.run(id, { type: 'SubmitDossier', data: { sections, facts: { ...b.facts } } }, actor, corr);
  }

  @Post(':id/dossier/review')
  @Roles('marketing_manager')
  @AccountCommand('reviewDossier', 'Review the dossier draft with findings', 200)
  reviewDossier(
    @Param('id') id: string,
    @Body() b: ReviewDossierDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() corr: string,
  ) {
    return this.run(id, { type: 'ReviewDossier', data: { findings: b.findings } }, actor, corr);
  }

  @Post(':id/dossier/filing')
  @Roles('credit_controller')
  @AccountCommand('fileDossier', 'File the reviewed dossier', 200)
  fileDossier(@Param('id') id: string, @CurrentActor() actor: Actor, @CorrelationId() corr: string) {
    return this.run(id, { type: 'FileDossier', data: {} }, actor, corr);
  }

  @Post(':id/grade-proposals')
  @Roles('marketing_manager')
  @AccountCommand('proposeGrade', 'Propose a credit grade computed from the dossier')
  proposeGrade(
    @Param('id') id: string,
    @Body() b: ProposeGradeDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() corr: string,
  ) {
    return this.run(id, { type: 'ProposeGrade', data: { ...b } }, actor, corr);
  }

  @Post(':id/grade-proposals/:proposalId/reviews')
  @Roles('marketing_vp', 'cfo')
  @AccountCommand('reviewGrade', 'Review a grade proposal (marketing VP, CFO)')
  reviewGrade(
    @Param('id') id: string,
    @Param('proposalId') proposalId: string,
    @CurrentActor() actor: Actor,
    @CorrelationId() corr: string,
  ) {
    return this.run(id, { type: 'ReviewGrade', data: { proposalId } }, actor, corr);
  }

  @Post(':id/grade-proposals/:proposalId/approval')
  @Roles('gm')
  @AccountCommand('approveGrade', 'Approve a reviewed grade proposal (GM)')
  approveGrade(
    @Param('id') id: string,
    @Param('proposalId') proposalId: string,
    @CurrentActor() actor: Actor,
    @CorrelationId() corr: string,
  ) {
    return this.run(id, { type: 'ApproveGrade', data: { proposalId } }, actor, corr);
  }

  @Post(':id/collateral')
  @Roles('credit_controller')
  @AccountCommand('registerCollateral', 'Register collateral for the account')
  registerCollateral(
    @Param('id') id: string,
    @Body() b: RegisterCollateralDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() corr: string,
  ) {
    return this.run(id, { type: 'RegisterCollateral', data: { ...b } }, actor, corr);
  }

  @Post(':id/grants')
  @Roles('marketing_manager')
  @AccountCommand('requestCreditGrant', 'Request a credit grant: type, limit and term')
  requestGrant(
    @Param('id') id: string,
    @Body() b: RequestGrantDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() corr: string,
  ) {
    return this.run(id, { type: 'RequestCreditGrant', data: { ...b } }, actor, corr);
  }

  @Post(':id/grants/:grantId/approvals')
  @Roles('marketing_vp', 'cfo', 'gm', 'chairman')
  @AccountCommand('approveCreditGrant', 'Approve a credit grant; the approvers needed depend on the limit')
  approveGrant(
    @Param('id') id: string,
    @Param('grantId') grantId: string,
    @CurrentActor() actor: Actor,
    @CorrelationId() corr: string,
  ) {
    return this.run(id, { type: 'ApproveCreditGrant', data: { grantId } }, actor, corr);
  }

  /** 201 with `decision: approved | held` and every hold reason; refusals are 422 naming the rule. */
  @Post(':id/credit-checks')
  @Roles(...CREDIT_CHECK_ROLES)
  @ApiCommand({
    operationId: 'checkCredit',
    summary: 'Check a credit sale or prepayment against the limit, grade, overdue items and dossier',
    response: CreditCheckResultDto,
    responseDescription: '`decision: approved | held` with every hold reason',
    errors: ACCOUNT_ERRORS,
  })
  async checkCredit(
    @Param('id') id: string,
    @Body() b: CheckCreditDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() corr: string,
  ): Promise<CreditCheckResultDto> {
    const context: CommandContext = {
      actor,
      now: this.clock.now(),
      commandId: requestCommandId(),
      correlationId: corr,
    };
    const { events } = await this.executor.execute(
      checkedId(id),
      { type: 'CheckCredit', data: { ...b } },
      context,
    );
    const [decision] = events;
    if (decision?.type === 'CreditSaleHeld') {
      return {
        accountId: id,
        orderId: b.orderId,
        decision: 'held',
        reasons: decision.data.reasons,
        rules: decision.data.rules,
      };
    }
    return { accountId: id, orderId: b.orderId, decision: 'approved', reasons: [] };
  }

  @Post(':id/holds/:orderId/release-requests')
  @Roles('marketing_manager')
  @AccountCommand('requestHoldRelease', 'Request the release of a held order')
  requestRelease(
    @Param('id') id: string,
    @Param('orderId') orderId: string,
    @Body() b: RequestHoldReleaseDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() corr: string,
  ) {
    return this.run(
      id,
      { type: 'RequestHoldRelease', data: { orderId, creditControllerId: b.creditControllerId } },
      actor,
      corr,
    );
  }

  @Post(':id/holds/:orderId/decision')
  @Roles('marketing_vp')
  @AccountCommand('decideHold', 'Release or reject a held order (marketing VP)')
  decideHold(
    @Param('id') id: string,
    @Param('orderId') orderId: string,
    @Body() b: DecideHoldDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() corr: string,
  ) {
    return this.run(id, { type: 'DecideHold', data: { orderId, ...b } }, actor, corr);
  }

  @Post(':id/shipments')
  @Roles('staff', 'marketing_manager', 'credit_controller')
  @AccountCommand('recordShipment', 'Record the shipment of an order: an invoice falls due')
  recordShipment(
    @Param('id') id: string,
    @Body() b: RecordShipmentDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() corr: string,
  ) {
    return this.run(id, { type: 'RecordShipment', data: { ...b } }, actor, corr);
  }

  /** CRD-08: a prepayment's exposure ends when the goods arrive and pass acceptance. */
  @Post(':id/goods-acceptances')
  @Roles('staff', 'marketing_manager', 'credit_controller')
  @AccountCommand('recordGoodsAccepted', "A prepayment's goods arrived and passed acceptance (CRD-08)")
  recordGoodsAccepted(
    @Param('id') id: string,
    @Body() b: GoodsAcceptedDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() corr: string,
  ) {
    return this.run(id, { type: 'RecordGoodsAccepted', data: { orderId: b.orderId } }, actor, corr);
  }

  @Post(':id/payments')
  @Roles('credit_controller')
  @AccountCommand('recordPayment', 'Record a payment received from the counterparty')
  recordPayment(
    @Param('id') id: string,
    @Body() b: RecordPaymentDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() corr: string,
  ) {
    return this.run(id, { type: 'RecordPayment', data: { ...b } }, actor, corr);
  }

  @Post(':id/reconciliations')
  @Roles('credit_controller')
  @AccountCommand('reconcileAccount', 'Reconcile the account with the counterparty up to a period end')
  reconcile(
    @Param('id') id: string,
    @Body() b: ReconcileDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() corr: string,
  ) {
    return this.run(id, { type: 'ReconcileAccount', data: { ...b } }, actor, corr);
  }

  @Post(':id/reviews')
  @Roles('marketing_manager')
  @AccountCommand(
    'completeReview',
    'Complete the monthly or quarterly review with a written evaluation (CRD-53)',
  )
  completeReview(
    @Param('id') id: string,
    @Body() b: CompleteReviewDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() corr: string,
  ) {
    return this.run(id, { type: 'CompleteReview', data: { ...b } }, actor, corr);
  }

  @Post(':id/approval-refusals')
  @Roles('marketing_vp', 'cfo', 'gm', 'chairman')
  @AccountCommand(
    'refuseCreditApproval',
    'Refuse a pending grade proposal, grant or limit adjustment, with the reason',
  )
  refuseApproval(
    @Param('id') id: string,
    @Body() b: RefuseApprovalDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() corr: string,
  ) {
    return this.run(id, { type: 'RefuseApproval', data: { ...b } }, actor, corr);
  }

  @Post(':id/limit-adjustments')
  @Roles('marketing_manager')
  @AccountCommand(
    'proposeLimitAdjustment',
    'Propose a new credit limit (an exception reason keeps or raises it, CRD-54)',
  )
  proposeAdjustment(
    @Param('id') id: string,
    @Body() b: ProposeLimitAdjustmentDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() corr: string,
  ) {
    return this.run(id, { type: 'ProposeLimitAdjustment', data: { ...b } }, actor, corr);
  }

  @Post(':id/limit-adjustments/:adjustmentId/approvals')
  @Roles('marketing_vp', 'gm', 'chairman')
  @AccountCommand('approveLimitAdjustment', 'Approve a proposed limit adjustment')
  approveAdjustment(
    @Param('id') id: string,
    @Param('adjustmentId') adjustmentId: string,
    @CurrentActor() actor: Actor,
    @CorrelationId() corr: string,
  ) {
    return this.run(id, { type: 'ApproveLimitAdjustment', data: { adjustmentId } }, actor, corr);
  }

  @Post(':id/contracts')
  @Roles('marketing_manager', 'credit_controller')
  @AccountCommand('recordContract', 'Record the credit contract and its term')
  recordContract(
    @Param('id') id: string,
    @Body() b: RecordContractDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() corr: string,
  ) {
    return this.run(id, { type: 'RecordContract', data: { ...b } }, actor, corr);
  }

  @Get()
  @Roles(...CREDIT_READ_ROLES)
  @ApiRead({
    operationId: 'listCreditAccounts',
    summary:
      'Accounts with grade, limit, exposure, overdue amount, aging and late reviews; most overdue first',
    response: CreditAccountListDto,
  })
  async listAccounts(@Query() q: CreditAccountListQuery): Promise<CreditAccountListDto> {
    const { items, total } = await this.list.page(
      {
        ...(q.grade !== undefined ? { grade: q.grade } : {}),
        ...(q.overdue !== undefined ? { overdue: q.overdue === 'true' } : {}),
        ...(q.search !== undefined && q.search.trim() !== '' ? { search: q.search.trim() } : {}),
        page: q.page,
        limit: q.limit,
      },
      this.clock.now(),
    );
    return { items, total, page: q.page, limit: q.limit };
  }

  @Get(':id')
  @Roles(...CREDIT_READ_ROLES)
  @ApiRead({
    operationId: 'getCreditAccount',
    summary: 'A credit account with exposure, limit, invoices, aging and orders; `asOf` for a past instant',
    response: CreditAccountDto,
    errors: { 404: ACCOUNT_ERRORS[404] },
  })
  getAccount(@Param('id') id: string, @Query() q: AsOfQuery): Promise<CreditAccountDto> {
    return this.queries.account(
      checkedId(id),
      this.clock.now(),
      q.asOf !== undefined ? new Date(q.asOf) : undefined,
    );
  }

  @Get(':id/holds/:orderId/explanation')
  @Roles('auditor', 'marketing_vp', 'marketing_manager', 'credit_controller', 'cfo', 'gm', 'admin')
  @ApiRead({
    operationId: 'explainCreditDecision',
    summary: 'Why an order was held (or approved): what the decision saw, and what happened since',
    response: HoldExplanationDto,
    errors: { 404: '`credit.account_not_found` or `credit.order_not_found`' },
  })
  explanation(@Param('id') id: string, @Param('orderId') orderId: string) {
    return this.queries.holdExplanation(checkedId(id), orderId);
  }
}

/** A path id that cannot be an account id is a 404, not a stream named after arbitrary input. */
const checkedId = (id: string): string => {
  if (!ACCOUNT_ID.test(id)) {
    throw new DomainError('not_found', 'credit.account_not_found', 'no credit account with this id');
  }
  return id;
};
