import { ApiProperty } from '@nestjs/swagger';
import { OwnerBuPageQuery } from '@crm/nest';
import type { CustomerDirectoryEntry, CustomerDirectoryPage } from './customer-directory.reader';

export class CustomerDirectoryEntryDto implements CustomerDirectoryEntry {
  @ApiProperty({ format: 'uuid' })
  customerId!: string;

  @ApiProperty({ example: 'bu-1' })
  ownerBu!: string;

  @ApiProperty({ example: 'e-001' })
  ownerEmployeeId!: string;

  @ApiProperty({ example: 'walk_in' })
  source!: string;

  @ApiProperty({ format: 'date-time' })
  registeredAt!: string;

  @ApiProperty({ description: 'Id of the customers-service event last applied' })
  lastEventId!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ description: 'Lapsed: open to every BU (ARC-70) until reassigned or served by the owner' })
  lapsed!: boolean;

  @ApiProperty({ description: 'Forgotten (PIPL art. 47): personal data copies must be dropped' })
  forgotten!: boolean;
}

export class CustomerDirectoryPageDto implements CustomerDirectoryPage {
  @ApiProperty({ type: [CustomerDirectoryEntryDto] })
  items!: CustomerDirectoryEntryDto[];

  @ApiProperty()
  page!: number;

  @ApiProperty()
  limit!: number;

  @ApiProperty()
  total!: number;
}

/** `GET /customer-directory`: a page of the replica, optionally only one BU's customers. */
export class ListCustomerDirectoryQuery extends OwnerBuPageQuery {}
