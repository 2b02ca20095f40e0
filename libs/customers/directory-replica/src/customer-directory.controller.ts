import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRead, ProblemException } from '@crm/nest';
import {
  CustomerDirectoryEntryDto,
  CustomerDirectoryPageDto,
  ListCustomerDirectoryQuery,
} from './customer-directory.dto';
import { CustomerDirectoryReader } from './customer-directory.reader';

/** Read-only view of the local customer directory; any authenticated role may read it. */
@ApiTags('customer-directory')
@Controller('customer-directory')
export class CustomerDirectoryController {
  constructor(private readonly reader: CustomerDirectoryReader) {}

  @Get()
  @ApiRead({
    operationId: 'listCustomerDirectory',
    summary: "A page of this service's replica of the customer directory",
    response: CustomerDirectoryPageDto,
  })
  list(@Query() query: ListCustomerDirectoryQuery): Promise<CustomerDirectoryPageDto> {
    return this.reader.list({
      page: query.page,
      limit: query.limit,
      ...(query.ownerBu !== undefined ? { ownerBu: query.ownerBu } : {}),
    });
  }

  @Get(':customerId')
  @ApiRead({
    operationId: 'getCustomerDirectoryEntry',
    summary: "One customer from this service's replica of the customer directory",
    response: CustomerDirectoryEntryDto,
    errors: { 404: '`customer_directory.not_found`: unknown here (yet)' },
  })
  async get(@Param('customerId') customerId: string): Promise<CustomerDirectoryEntryDto> {
    const entry = await this.reader.get(customerId);
    if (entry === undefined) {
      throw new ProblemException(
        404,
        'customer_directory.not_found',
        `Customer ${customerId} is not in the directory.`,
        { customerId },
      );
    }
    return entry;
  }
}
