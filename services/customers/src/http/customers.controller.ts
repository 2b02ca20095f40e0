import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor, CommandContext } from '@crm/event-sourcing';
import { ApiCommand, ApiRead, CLOCK, CorrelationId, CurrentActor, requestCommandId, Roles } from '@crm/nest';
import type { Clock } from '@crm/policy';
import { RegisterCustomerHandler } from '../application/register-customer.handler';
import { CustomerQueries } from '../application/customer-queries';
import { CustomerListReader } from '../projections/customer-list.reader';
import { CustomerDto, CustomerPageDto } from './customer-view.dto';
import { ListCustomersQuery } from './list-customers.query';
import { AsOfQuery, ClassificationDto, OwnershipDecisionDto } from './customer-queries.dto';
import { CustomerRegisteredResponse, RegisterCustomerDto } from './register-customer.dto';

export const REGISTERING_ROLES = ['staff', 'bu_manager', 'crm_clerk'];

/** HTTP in, command or query out; every decision is in the domain and the handlers. */
@ApiTags('customers')
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
  @ApiCommand({
    operationId: 'registerCustomer',
    summary: 'Register a customer for the BU of the caller',
    response: CustomerRegisteredResponse,
    errors: {
      400: 'Malformed body or invalid mobile; the problem names the field',
      403: 'The role may not register customers, or the actor has no BU',
      409: '`customer.mobile_taken`: the existing customer id and owner are in `details` (ARC-20)',
    },
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
  @ApiRead({
    operationId: 'listCustomers',
    summary: 'A page of customers (customer_list projection); other BUs see masked data',
    response: CustomerPageDto,
    errors: { 400: 'Invalid filter or paging' },
  })
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
  @ApiRead({
    operationId: 'getCustomer',
    summary:
      'One customer from its event stream (visible right after registration); `asOf` for a past instant',
    response: CustomerDto,
    errors: { 404: '`customer.not_found` (also when it did not exist yet at `asOf`)' },
  })
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
  @ApiRead({
    operationId: 'listCustomerClassifications',
    summary: 'The value-tier history: tier, previous tier, manual or policy, basis, decider',
    response: [ClassificationDto],
    errors: { 404: '`customer.not_found`' },
  })
  classifications(@Param('customerId') customerId: string): Promise<Readonly<Record<string, unknown>>[]> {
    return this.queries.classificationHistory(customerId);
  }

  @Get(':customerId/ownership/explanation')
  @ApiRead({
    operationId: 'explainCustomerOwnership',
    summary: 'The chain of ownership decisions with actor, rule, basis and policy version',
    response: [OwnershipDecisionDto],
    errors: { 404: '`customer.not_found`' },
  })
  explainOwnership(@Param('customerId') customerId: string): Promise<OwnershipDecisionDto[]> {
    return this.queries.explainOwnership(customerId);
  }
}
