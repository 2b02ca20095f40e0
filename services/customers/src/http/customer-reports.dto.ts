import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class OwnershipRowDto {
  @ApiProperty({ example: 'bu-1' }) bu!: string;
  @ApiProperty({ example: 'e-001' }) employeeId!: string;
  @ApiProperty({ description: 'Customers the employee owns' }) customers!: number;
  @ApiProperty({ description: 'Of which lapsed (ARC-70)' }) lapsed!: number;
}

export class BatchAllocationDto {
  @ApiProperty({ format: 'uuid' }) batchId!: string;
  @ApiProperty() employeeId!: string;
  @ApiProperty() bu!: string;
  @ApiProperty({ description: 'Records dealt to this participant' }) records!: number;
  @ApiProperty({ description: 'Records in the whole batch' }) batchRecords!: number;
  @ApiProperty() participants!: number;
  @ApiProperty({ description: 'Duplicates kept by their existing owner' }) duplicatesKept!: number;
  @ApiProperty({ format: 'date-time' }) allocatedAt!: string;
}

export class EmployeeAllocationTotalDto {
  @ApiProperty() employeeId!: string;
  @ApiProperty() bu!: string;
  @ApiProperty() batches!: number;
  @ApiProperty() records!: number;
}

export class AllocationFairnessDto {
  @ApiProperty({ type: [BatchAllocationDto] }) batches!: BatchAllocationDto[];
  @ApiProperty({ type: [EmployeeAllocationTotalDto] }) perEmployee!: EmployeeAllocationTotalDto[];
}

export class LapseWatchItemDto {
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty() ownerBu!: string;
  @ApiProperty() ownerEmployeeId!: string;
  @ApiProperty({ format: 'date-time', description: 'Last qualifying service' }) lastServiceAt!: string;
  @ApiProperty({ format: 'date-time' }) lapseDueAt!: string;
}

export class LapseWatchListDto {
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty({ example: 'v1', description: 'The lapse policy version the window comes from' })
  policyVersion!: string;
  @ApiProperty({ example: 14 }) windowDays!: number;
  @ApiProperty({ type: [LapseWatchItemDto], description: 'Soonest first' }) items!: LapseWatchItemDto[];
}

export class ServedElsewhereDto {
  @ApiProperty() bu!: string;
  @ApiProperty({ type: String, nullable: true }) employeeId!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) at!: string | null;
}

export class LapsedCustomerDto {
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty() ownerBu!: string;
  @ApiProperty() ownerEmployeeId!: string;
  @ApiProperty({ format: 'date-time' }) lastServiceAt!: string;
  @ApiPropertyOptional({ type: ServedElsewhereDto, description: 'Another BU that served the customer since' })
  servedElsewhere?: ServedElsewhereDto;
}

export class ReassignmentDto {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty() fromBu!: string;
  @ApiProperty() fromEmployeeId!: string;
  @ApiProperty() toBu!: string;
  @ApiProperty() toEmployeeId!: string;
  @ApiProperty({ example: 'service_lapse' }) reason!: string;
  @ApiProperty({ example: 'ARC-70' }) rule!: string;
  @ApiProperty({ description: 'Who decided' }) decidedBy!: string;
  @ApiProperty({ example: 'v1' }) policyVersion!: string;
  @ApiProperty({ format: 'date-time' }) changedAt!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The facts the decision rested on',
  })
  basis!: Record<string, unknown>;
}

export class PointsEntryDto {
  @ApiProperty({ example: 'referral', description: 'What earned or spent the points' }) entry!: string;
  @ApiProperty({ description: 'Positive earned, negative redeemed' }) points!: number;
  @ApiPropertyOptional({ description: 'The referred customer (referral points)' }) refereeId?: string;
  @ApiProperty() reference!: string;
  @ApiPropertyOptional({ description: 'Sale amount in fen the points came from' }) amountFen?: number;
  @ApiPropertyOptional({ example: 'v1' }) policyVersion?: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ description: 'Running balance after this entry' }) balance!: number;
}

export class PointsLedgerDto {
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty() balance!: number;
  @ApiProperty({ type: [PointsEntryDto], description: 'Oldest first' }) entries!: PointsEntryDto[];
}
