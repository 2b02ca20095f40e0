import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class BatchEntryDto {
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ description: 'The mobile was already registered: the existing customer is kept' })
  duplicate!: boolean;
  @ApiPropertyOptional({ description: 'Owner of the existing customer (duplicates only)' }) ownerBu?: string;
  @ApiPropertyOptional() ownerEmployeeId?: string;
}

export class ParticipantCountDto {
  @ApiProperty({ example: 'e-a' }) employeeId!: string;
  @ApiProperty({ example: 8 }) records!: number;
}

export class BatchAssignmentDto {
  @ApiProperty({ description: "The record's place among the batch's new customers, in entry order" })
  position!: number;
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ example: 'e-a' }) employeeId!: string;
}

/** ARC-04: the deal as recorded in `BatchAllocated`. */
export class BatchAllocationDto {
  @ApiProperty({ enum: ['round_robin_in_entry_order'] }) method!: string;
  @ApiProperty({
    type: [ParticipantCountDto],
    description: 'New customers per participant, in the dealing order (30 over 4: 8/8/7/7)',
  })
  counts!: ParticipantCountDto[];
  @ApiProperty({ type: [BatchAssignmentDto] }) assignments!: BatchAssignmentDto[];
}

/** An outreach batch without the personal data of its records: ids, owners and counts only. */
export class OutreachBatchDto {
  @ApiProperty({ format: 'uuid' }) batchId!: string;
  @ApiProperty({ enum: ['submitted', 'entered', 'returned', 'allocated'] }) status!: string;
  @ApiProperty({ example: 'bu-1' }) bu!: string;
  @ApiProperty() seminar!: string;
  @ApiProperty({ type: [String], description: 'Employees in the order the deal goes round' })
  participants!: readonly string[];
  @ApiProperty() recordCount!: number;
  @ApiPropertyOptional({ type: [BatchEntryDto], description: 'Once entered, in entry order' })
  entries?: readonly BatchEntryDto[];
  @ApiPropertyOptional({ type: () => BatchAllocationDto, description: 'Once allocated: the recorded deal' })
  allocation?: BatchAllocationDto;
}

export class OutreachBatchDecisionDto extends OutreachBatchDto {
  @ApiProperty({ type: [String], description: 'Types of the events recorded (empty: nothing changed)' })
  recorded!: readonly string[];
}

/** A batch in the work list: its step and counts, never the records' personal data. */
export class OutreachBatchListItemDto {
  @ApiProperty({ format: 'uuid' }) batchId!: string;
  @ApiProperty({ example: 'bu-1' }) bu!: string;
  @ApiProperty() seminar!: string;
  @ApiProperty({ type: [String] }) participants!: string[];
  @ApiProperty() recordCount!: number;
  @ApiProperty({ enum: ['submitted', 'entered', 'returned', 'allocated'] }) status!: string;
  @ApiProperty() submittedBy!: string;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Records entered (null before entry)' })
  entered!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Of which duplicates (null before entry)' })
  duplicates!: number | null;
  @ApiProperty({ format: 'date-time' }) changedAt!: string;
}

export class OutreachBatchPageDto {
  @ApiProperty({ type: [OutreachBatchListItemDto] }) items!: OutreachBatchListItemDto[];
  @ApiProperty({ example: 1 }) page!: number;
  @ApiProperty({ example: 20 }) limit!: number;
  @ApiProperty({ description: 'Batches matching the filter' }) total!: number;
}
