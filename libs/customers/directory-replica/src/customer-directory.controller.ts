import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ProblemException } from '@crm/nest';
import {
  CustomerDirectoryEntryDto,
  CustomerDirectoryPageDto,
  ListCustomerDirectoryQuery,
} from './customer-directory.dto';
import { CustomerDirectoryReader } from './customer-directory.reader';

/** Read-only view of the local customer directory; any authenticated role may read it. */
@ApiTags('customer-directory')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No or invalid bearer token (problem+json)' })
@Controller('customer-directory')
export class CustomerDirectoryController {
  constructor(private readonly reader: CustomerDirectoryReader) {}

  @Get()
  @ApiOkResponse({ type: CustomerDirectoryPageDto })
  list(@Query() query: ListCustomerDirectoryQuery): Promise<CustomerDirectoryPageDto> {
    return this.reader.list({
      page: query.page,
      limit: query.limit,
      ...(query.ownerBu !== undefined ? { ownerBu: query.ownerBu } : {}),
    });
  }

  @Get(':customerId')
  @ApiOkResponse({ type: CustomerDirectoryEntryDto })
  @ApiNotFoundResponse({ description: 'customer_directory.not_found: unknown here (yet)' })
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
