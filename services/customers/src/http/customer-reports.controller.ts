import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { DomainError, type Actor } from '@crm/event-sourcing';
import { CLOCK, CurrentActor } from '@crm/nest';
import type { Clock } from '@crm/policy';
import { CustomerSearch } from '../application/customer-search';
import type { CustomerView } from '../application/customer-view';
import { CustomersPolicies } from '../policy/customers-policies';
import { CustomerReportsReader } from '../projections/customer-reports.reader';

export class BuQuery {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  bu?: string;
}

export class BatchQuery {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  batchId?: string;
}

export class ReassignmentQuery extends BuQuery {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  customerId?: string;
}

export class SearchQuery {
  @ValidateIf((q: SearchQuery) => q.name === undefined)
  @IsString({ message: 'give mobile or name' })
  @MaxLength(32)
  mobile?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string;
}

/** Read models for analysts and managers (docs/read-models.md, customers section). */
@ApiTags('customer-reports')
@ApiBearerAuth()
@Controller()
export class CustomerReportsController {
  constructor(
    private readonly reports: CustomerReportsReader,
    private readonly search: CustomerSearch,
    private readonly policies: CustomersPolicies,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('customer-reports/ownership')
  @ApiOkResponse({ description: 'Customers per BU and employee (and how many of them lapsed)' })
  ownership(@Query() query: BuQuery) {
    return this.reports.ownership(query.bu);
  }

  @Get('customer-reports/allocation-fairness')
  @ApiOkResponse({ description: 'Records per participant per batch, and totals per employee (ARC-04)' })
  fairness(@Query() query: BatchQuery) {
    return this.reports.allocationFairness(query.batchId);
  }

  @Get('customer-reports/lapse-watch-list')
  @ApiOkResponse({
    description: "Customers due to lapse within the policy's window (⚙ 14 days), soonest first",
  })
  async watchList(@Query() query: BuQuery) {
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
  @ApiOkResponse({
    description:
      "The resource director's queue: lapsed customers and the other BU that served them since (ARC-70)",
  })
  lapsed(@Query() query: BuQuery) {
    return this.reports.lapsedCustomers(query.bu);
  }

  @Get('customer-reports/reassignments')
  @ApiOkResponse({ description: 'Every change of hands with reason, decider, rule, basis, policy version' })
  reassignments(@Query() query: ReassignmentQuery) {
    return this.reports.reassignmentHistory({
      ...(query.customerId !== undefined ? { customerId: query.customerId } : {}),
      ...(query.bu !== undefined ? { bu: query.bu } : {}),
    });
  }

  @Get('customers/:customerId/points')
  @ApiOkResponse({ description: 'The points ledger of one customer with the running balance' })
  points(@Param('customerId') customerId: string) {
    return this.reports.pointsLedger(customerId);
  }

  @Get('customer-search')
  @ApiOkResponse({
    description: 'By mobile (masked unless open to the actor) or by name (within permissions)',
  })
  find(@Query() query: SearchQuery, @CurrentActor() actor: Actor): Promise<CustomerView[]> {
    if (query.mobile !== undefined) return this.search.byMobile(query.mobile, actor);
    if (query.name === undefined || query.name.trim().length === 0) {
      throw new DomainError('invalid', 'customer.search_needs_criteria', 'give mobile or name', undefined, {
        field: 'name',
      });
    }
    return this.search.byName(query.name, actor);
  }
}
