import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { DomainError, type Actor, type CommandContext } from '@crm/event-sourcing';
import { CLOCK, CorrelationId, CurrentActor, requestCommandId, Roles } from '@crm/nest';
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

const answer = (customerId: string, result: CustomerCommandResult): CustomerDecisionResponse => ({
  customerId,
  recorded: result.events.map((e) => e.type),
});

/** Commands on one customer: HTTP in, one command out; the rules are in the domain. */
@ApiTags('customers')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A repeat returns the first answer' })
@ApiNotFoundResponse({ description: 'customer.not_found' })
@Controller('customers/:customerId')
export class CustomerCommandsController {
  constructor(
    private readonly commands: CustomerCommands,
    private readonly policies: CustomersPolicies,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('services')
  @HttpCode(200)
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({
    type: CustomerDecisionResponse,
    description: 'Qualifying service; restarts the lapse clock',
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
  @HttpCode(200)
  @Roles(...DIRECTOR_ROLES)
  @ApiOkResponse({ type: CustomerDecisionResponse })
  @ApiForbiddenResponse({ description: 'Only the resource_director reassigns by decision' })
  @ApiUnprocessableEntityResponse({ description: 'customer.not_lapsed (ARC-70)' })
  @ApiConflictResponse({ description: 'customer.already_owner' })
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
  @HttpCode(200)
  @Roles(...DIRECTOR_ROLES)
  @ApiOkResponse({
    type: CustomerDecisionResponse,
    description: 'The ruling (and the change of hands if any)',
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
  @HttpCode(200)
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ type: CustomerDecisionResponse })
  @ApiUnprocessableEntityResponse({
    description: 'customer.points_insufficient: the balance never goes negative',
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
  @HttpCode(200)
  @Roles(...STAFF_ROLES, 'resource_director')
  @ApiOkResponse({ type: CustomerDecisionResponse })
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
  @HttpCode(200)
  @Roles(...FORGETTING_ROLES)
  @ApiOkResponse({
    type: CustomerDecisionResponse,
    description: "Deletes the customer's key: every copy of the personal data becomes unreadable",
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
    command: Exclude<CustomerCommand, { type: 'ForgetCustomer' | 'RegisterCustomer' }>,
    context: CommandContext,
  ): Promise<CustomerDecisionResponse> {
    return answer(command.data.customerId, await this.commands.execute(command, context));
  }
}
