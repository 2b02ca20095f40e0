import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DomainError, type Actor, type CommandContext } from '@crm/event-sourcing';
import { ApiCommand, CLOCK, CorrelationId, CurrentActor, requestCommandId, Roles } from '@crm/nest';
import type { Clock } from '@crm/policy';
import { DIRECTOR_ROLES, type CustomerCommand } from '@crm/customers-domain';
import { CustomerCommands, type CustomerCommandResult } from '../application/customer-commands';
import { CustomersPolicies } from '../policy/customers-policies';
import {
  ClassifyCustomerDto,
  CustomerDecisionResponse,
  OwnershipDisputeDto,
  ReassignCustomerDto,
  RecordServiceDto,
  RedeemPointsDto,
} from './customer-commands.dto';

/** Who may forget a customer (PIPL art. 47 requests are executed by the data controller's admins). */
export const FORGETTING_ROLES = ['admin', 'resource_director'];
const STAFF_ROLES = ['staff', 'bu_manager'];
const NOT_FOUND = '`customer.not_found`';

const answer = (customerId: string, result: CustomerCommandResult): CustomerDecisionResponse => ({
  customerId,
  recorded: result.events.map((e) => e.type),
});

/** Commands on one customer: HTTP in, one command out; the rules are in the domain. */
@ApiTags('customers')
@Controller('customers/:customerId')
export class CustomerCommandsController {
  constructor(
    private readonly commands: CustomerCommands,
    private readonly policies: CustomersPolicies,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('services')
  @Roles(...STAFF_ROLES)
  @ApiCommand({
    operationId: 'recordService',
    summary: 'Record a qualifying service (home visit, phone contact); restarts the lapse clock',
    status: 200,
    response: CustomerDecisionResponse,
    errors: { 403: 'The role may not, or `customer.actor_without_bu`', 404: NOT_FOUND },
  })
  async recordService(
    @Param('customerId') customerId: string,
    @Body() body: RecordServiceDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<CustomerDecisionResponse> {
    const context = this.context(actor, correlationId);
    if (actor.bu === undefined) {
      throw new DomainError(
        'forbidden',
        'customer.actor_without_bu',
        'service is given by an employee of a BU',
      );
    }
    return this.run(
      {
        type: 'RecordService',
        data: {
          customerId,
          kind: body.kind,
          reference: body.reference,
          servedAt: context.now.toISOString(),
          byBu: actor.bu,
          byEmployeeId: actor.id,
        },
      },
      context,
    );
  }

  @Post('reassignments')
  @Roles(...DIRECTOR_ROLES)
  @ApiCommand({
    operationId: 'reassignCustomer',
    summary: "Reassign a customer by the resource director's decision",
    status: 200,
    response: CustomerDecisionResponse,
    errors: {
      403: 'Only the resource_director reassigns by decision',
      404: NOT_FOUND,
      409: '`customer.already_owner`, or a concurrent change',
      422: '`customer.not_lapsed` (ARC-70)',
    },
  })
  async reassign(
    @Param('customerId') customerId: string,
    @Body() body: ReassignCustomerDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<CustomerDecisionResponse> {
    const context = await this.withPolicy(this.context(actor, correlationId));
    return this.run(
      {
        type: 'ReassignCustomer',
        data: {
          customerId,
          toBu: body.toBu,
          toEmployeeId: body.toEmployeeId,
          reason: body.reason,
          basis: body.note !== undefined ? { note: body.note } : {},
        },
      },
      context,
    );
  }

  @Post('ownership/disputes')
  @Roles(...DIRECTOR_ROLES)
  @ApiCommand({
    operationId: 'ruleOwnershipDispute',
    summary: 'Rule on an ownership dispute between BUs (ARC-08)',
    status: 200,
    response: CustomerDecisionResponse,
    responseDescription: 'The ruling (and the change of hands if any)',
    errors: { 404: NOT_FOUND },
  })
  async ruleDispute(
    @Param('customerId') customerId: string,
    @Body() body: OwnershipDisputeDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<CustomerDecisionResponse> {
    const context = await this.withPolicy(this.context(actor, correlationId));
    return this.run({ type: 'RuleOwnershipDispute', data: { customerId, ...body } }, context);
  }

  @Post('points/redemptions')
  @Roles(...STAFF_ROLES)
  @ApiCommand({
    operationId: 'redeemPoints',
    summary: "Redeem some of the customer's points",
    status: 200,
    response: CustomerDecisionResponse,
    errors: { 404: NOT_FOUND, 422: '`customer.points_insufficient`: the balance never goes negative' },
  })
  redeem(
    @Param('customerId') customerId: string,
    @Body() body: RedeemPointsDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<CustomerDecisionResponse> {
    return this.run(
      { type: 'RedeemPoints', data: { customerId, points: body.points, reference: body.reference } },
      this.context(actor, correlationId),
    );
  }

  @Post('classification')
  @Roles(...STAFF_ROLES, 'resource_director')
  @ApiCommand({
    operationId: 'classifyCustomer',
    summary: "Set the customer's value tier, by hand or by the classification policy",
    status: 200,
    response: CustomerDecisionResponse,
    errors: {
      400: '`customer.tier_required` for a manual classification, or an invalid field',
      404: NOT_FOUND,
    },
  })
  async classify(
    @Param('customerId') customerId: string,
    @Body() body: ClassifyCustomerDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<CustomerDecisionResponse> {
    const context = this.context(actor, correlationId);
    if (body.mode === 'policy') {
      const policy = await this.policies.classification(context.now);
      return this.run(
        { type: 'ClassifyCustomer', data: { customerId, mode: 'policy', thresholds: policy.params } },
        { ...context, policyVersion: policy.version },
      );
    }
    if (body.tier === undefined) {
      throw new DomainError(
        'invalid',
        'customer.tier_required',
        'a manual classification names the tier',
        undefined,
        {
          field: 'tier',
        },
      );
    }
    return this.run(
      {
        type: 'ClassifyCustomer',
        data: {
          customerId,
          mode: 'manual',
          tier: body.tier,
          ...(body.note !== undefined ? { note: body.note } : {}),
        },
      },
      context,
    );
  }

  @Post('forget')
  @Roles(...FORGETTING_ROLES)
  @ApiCommand({
    operationId: 'forgetCustomer',
    summary:
      'Forget a customer (PIPL art. 47): deletes the key, every copy of the personal data becomes unreadable',
    status: 200,
    response: CustomerDecisionResponse,
    errors: { 404: NOT_FOUND },
  })
  async forget(
    @Param('customerId') customerId: string,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<CustomerDecisionResponse> {
    const result = await this.commands.forget(
      { type: 'ForgetCustomer', data: { customerId } },
      this.context(actor, correlationId),
    );
    return answer(customerId, result);
  }

  private context(actor: Actor, correlationId: string): CommandContext {
    return { actor, now: this.clock.now(), commandId: requestCommandId(), correlationId };
  }

  private async withPolicy(context: CommandContext): Promise<CommandContext> {
    const policy = await this.policies.reassignment(context.now);
    return { ...context, policyVersion: policy.version };
  }

  private async run(
    command: Exclude<
      CustomerCommand,
      { type: 'ForgetCustomer' | 'RegisterCustomer' | 'CorrectCustomerData' }
    >,
    context: CommandContext,
  ): Promise<CustomerDecisionResponse> {
    return answer(command.data.customerId, await this.commands.execute(command, context));
  }
}
