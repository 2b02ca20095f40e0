import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class BatchEntryDto {
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ description: 'The mobile was already registered: the existing customer is kept' })
  duplicate!: boolean;
  @ApiPropertyOptional({ description: 'Owner of the existing customer (duplicates only)' }) ownerBu?: string;
  @ApiPropertyOptional() ownerEmployeeId?: string;
}

/** An outreach batch without the personal data of its records: ids, owners and counts only. */
export class OutreachBatchDto {
  @ApiProperty({ format: 'uuid' }) batchId!: string;
  @ApiProperty({ enum: ['submitted', 'entered', 'returned', 'allocated'] }) status!: string;
  @ApiProperty({ example: 'bu-1' }) bu!: string;
  @ApiProperty() seminar!: string;
  @ApiProperty({ type: [String], description: 'Employees in the order the deal goes round' })
  participants!: string[];
  @ApiProperty() recordCount!: number;
  @ApiPropertyOptional({ type: [BatchEntryDto], description: 'Once entered, in entry order' })
  entries?: BatchEntryDto[];
}

export class OutreachBatchDecisionDto extends OutreachBatchDto {
  @ApiProperty({ type: [String], description: 'Types of the events recorded (empty: nothing changed)' })
  recorded!: string[];
}
