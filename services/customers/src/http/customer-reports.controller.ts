import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { DomainError, type Actor } from '@crm/event-sourcing';
import { ApiRead, ApiReadByBody, CLOCK, CurrentActor } from '@crm/nest';
import type { Clock } from '@crm/policy';
import { CustomerSearch } from '../application/customer-search';
import type { CustomerView } from '../application/customer-view';
import { CustomersPolicies } from '../policy/customers-policies';
import { CustomerReportsReader } from '../projections/customer-reports.reader';
import {
  AllocationFairnessDto,
  LapsedCustomerDto,
  LapseWatchListDto,
  OwnershipRowDto,
  PointsLedgerDto,
  ReassignmentDto,
} from './customer-reports.dto';
import { CustomerDto } from './customer-view.dto';

export class BuQuery {
  @ApiPropertyOptional({ example: 'bu-1', description: 'Only this BU' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  bu?: string;
}

export class BatchQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this batch' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  batchId?: string;
}

export class ReassignmentQuery extends BuQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this customer' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  customerId?: string;
}

/** In the body, not the query string: personal data never appears in a URL (and so in no access log). */
export class CustomerSearchDto {
  @ApiPropertyOptional({ example: '13812341234', description: 'Exact mobile; give mobile or name' })
  // Checked whenever it is given (it wins over name), and required when name is absent.
  @ValidateIf((q: CustomerSearchDto) => q.name === undefined || q.mobile !== undefined)
  @IsString({ message: 'give mobile or name' })
  @MaxLength(32)
  mobile?: string;

  @ApiPropertyOptional({ description: 'Name (within permissions)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string;
}

/** Read models for analysts and managers (docs/read-models.md, customers section). */
@ApiTags('customer-reports')
@Controller()
export class CustomerReportsController {
  constructor(
    private readonly reports: CustomerReportsReader,
    private readonly search: CustomerSearch,
    private readonly policies: CustomersPolicies,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('customer-reports/ownership')
  @ApiRead({
    operationId: 'reportOwnership',
    summary: 'Customers per BU and employee, and how many of them lapsed',
    response: [OwnershipRowDto],
  })
  ownership(@Query() query: BuQuery): Promise<OwnershipRowDto[]> {
    return this.reports.ownership(query.bu);
  }

  @Get('customer-reports/allocation-fairness')
  @ApiRead({
    operationId: 'reportAllocationFairness',
    summary: 'Records per participant per batch, and totals per employee (ARC-04)',
    response: AllocationFairnessDto,
  })
  fairness(@Query() query: BatchQuery): Promise<AllocationFairnessDto> {
    return this.reports.allocationFairness(query.batchId);
  }

  @Get('customer-reports/lapse-watch-list')
  @ApiRead({
    operationId: 'reportLapseWatchList',
    summary: "Customers due to lapse within the policy's window (⚙ 14 days), soonest first",
    response: LapseWatchListDto,
  })
  async watchList(@Query() query: BuQuery): Promise<LapseWatchListDto> {
    const now = this.clock.now();
    const policy = await this.policies.lapse(now);
    const items = await this.reports.lapseWatchList(
      now,
      policy.params.lapseAfterMonths,
      policy.params.watchWindowDays,
      query.bu,
    );
    return {
      asOf: now.toISOString(),
      policyVersion: policy.version,
      windowDays: policy.params.watchWindowDays,
      items,
    };
  }

  @Get('customer-reports/lapsed')
  @ApiRead({
    operationId: 'reportLapsedCustomers',
    summary:
      "The resource director's queue: lapsed customers and the other BU that served them since (ARC-70)",
    response: [LapsedCustomerDto],
  })
  lapsed(@Query() query: BuQuery): Promise<LapsedCustomerDto[]> {
    return this.reports.lapsedCustomers(query.bu);
  }

  @Get('customer-reports/reassignments')
  @ApiRead({
    operationId: 'reportReassignments',
    summary: 'Every change of hands with reason, decider, rule, basis and policy version',
    response: [ReassignmentDto],
  })
  reassignments(@Query() query: ReassignmentQuery) {
    return this.reports.reassignmentHistory({
      ...(query.customerId !== undefined ? { customerId: query.customerId } : {}),
      ...(query.bu !== undefined ? { bu: query.bu } : {}),
    });
  }

  @Get('customers/:customerId/points')
  @ApiRead({
    operationId: 'getPointsLedger',
    summary: 'The points ledger of one customer with the running balance',
    response: PointsLedgerDto,
  })
  points(@Param('customerId') customerId: string): Promise<PointsLedgerDto> {
    return this.reports.pointsLedger(customerId);
  }

  @Post('customer-search')
  @ApiReadByBody({
    operationId: 'searchCustomers',
    summary: 'Find customers by mobile (masked unless open to the actor) or by name (within permissions)',
    response: [CustomerDto],
    errors: { 400: '`customer.search_needs_criteria`: give mobile or name; or an invalid field' },
  })
  find(@Body() query: CustomerSearchDto, @CurrentActor() actor: Actor): Promise<CustomerView[]> {
    if (query.mobile !== undefined) return this.search.byMobile(query.mobile, actor);
    if (query.name === undefined || query.name.trim().length === 0) {
      throw new DomainError('invalid', 'customer.search_needs_criteria', 'give mobile or name', undefined, {
        field: 'name',
      });
    }
    return this.search.byName(query.name, actor);
  }
}
