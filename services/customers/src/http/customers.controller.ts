import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Actor, CommandContext } from '@crm/event-sourcing';
import { CLOCK, CorrelationId, CurrentActor, requestCommandId, Roles } from '@crm/nest';
import type { Clock } from '@crm/policy';
import { RegisterCustomerHandler } from '../application/register-customer.handler';
import { CustomerQueries } from '../application/customer-queries';
import { CustomerListReader } from '../projections/customer-list.reader';
import { CustomerDto, CustomerPageDto } from './customer-view.dto';
import { ListCustomersQuery } from './list-customers.query';
import { AsOfQuery, OwnershipDecisionDto } from './customer-queries.dto';
import { CustomerRegisteredResponse, RegisterCustomerDto } from './register-customer.dto';

export const REGISTERING_ROLES = ['staff', 'bu_manager', 'crm_clerk'];

/** HTTP in, command or query out; every decision is in the domain and the handlers. */
@ApiTags('customers')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No or invalid bearer token (problem+json)' })
@Controller('customers')
export class CustomersController {
  constructor(
    private readonly register: RegisterCustomerHandler,
    private readonly queries: CustomerQueries,
    private readonly list: CustomerListReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Roles(...REGISTERING_ROLES)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A repeat returns the first answer' })
  @ApiCreatedResponse({ type: CustomerRegisteredResponse })
  @ApiBadRequestResponse({ description: 'Malformed body or invalid mobile; the problem names the field' })
  @ApiForbiddenResponse({ description: 'The role may not register customers, or the actor has no BU' })
  @ApiConflictResponse({
    description: 'customer.mobile_taken: the existing customer id and owner are in `details` (ARC-20)',
  })
  registerCustomer(
    @Body() body: RegisterCustomerDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<CustomerRegisteredResponse> {
    const context: CommandContext = {
      actor,
      now: this.clock.now(),
      commandId: requestCommandId(),
      correlationId,
    };
    return this.register.handle(
      {
        source: body.source,
        name: body.name,
        mobile: body.mobile,
        ...(body.address !== undefined ? { address: body.address } : {}),
        ...(body.referredBy !== undefined ? { referredBy: body.referredBy } : {}),
      },
      context,
    );
  }

  @Get()
  @ApiOkResponse({
    type: CustomerPageDto,
    description: 'From the customer_list projection; other BUs see masked data',
  })
  @ApiBadRequestResponse({ description: 'Invalid filter or paging' })
  listCustomers(@Query() query: ListCustomersQuery, @CurrentActor() actor: Actor): Promise<CustomerPageDto> {
    return this.list.list(
      {
        page: query.page,
        limit: query.limit,
        ...(query.ownerBu !== undefined ? { ownerBu: query.ownerBu } : {}),
      },
      actor,
    );
  }

  @Get(':customerId')
  @ApiOkResponse({
    type: CustomerDto,
    description: 'Read from the event stream: visible right after registration; `asOf` for a past instant',
  })
  @ApiNotFoundResponse({ description: 'customer.not_found (also when it did not exist yet at `asOf`)' })
  getCustomer(
    @Param('customerId') customerId: string,
    @Query() query: AsOfQuery,
    @CurrentActor() actor: Actor,
  ): Promise<CustomerDto> {
    return this.queries.getCustomer(
      customerId,
      actor,
      query.asOf !== undefined ? new Date(query.asOf) : undefined,
    );
  }

  @Get(':customerId/classifications')
  @ApiOkResponse({
    description: 'The value-tier history: tier, previous tier, manual or policy, basis, decider',
  })
  @ApiNotFoundResponse({ description: 'customer.not_found' })
  classifications(@Param('customerId') customerId: string): Promise<Readonly<Record<string, unknown>>[]> {
    return this.queries.classificationHistory(customerId);
  }

  @Get(':customerId/ownership/explanation')
  @ApiOkResponse({
    type: [OwnershipDecisionDto],
    description: 'The chain of ownership decisions with actor, rule, basis and policy version',
  })
  @ApiNotFoundResponse({ description: 'customer.not_found' })
  explainOwnership(@Param('customerId') customerId: string): Promise<OwnershipDecisionDto[]> {
    return this.queries.explainOwnership(customerId);
  }
}
