import { ApiProperty } from '@nestjs/swagger';

export class BoardConfirmedDto {
  @ApiProperty() bu!: string;
  @ApiProperty({ example: '2026-12-09' }) day!: string;
  @ApiProperty() confirmed!: number;
}

export class BoardAttendanceDto {
  @ApiProperty() bu!: string;
  @ApiProperty() invited!: number;
  @ApiProperty() attended!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'attended / invited' }) attendanceRate!:
    number | null;
}

export class BoardBuSalesDto {
  @ApiProperty() bu!: string;
  @ApiProperty({ example: '250000', description: 'Sum in fen (a bigint as a decimal string)' })
  amountFen!: string;
  @ApiProperty() sales!: number;
}

export class BoardEmployeeSalesDto extends BoardBuSalesDto {
  @ApiProperty() employeeId!: string;
}

export class JointEventBoardDto {
  @ApiProperty({ format: 'uuid' }) jointEventId!: string;
  @ApiProperty({ type: [BoardConfirmedDto], description: 'Confirmations per BU and list day' })
  confirmed!: BoardConfirmedDto[];
  @ApiProperty({ type: [BoardAttendanceDto], description: 'Per inviting BU' })
  attendance!: BoardAttendanceDto[];
  @ApiProperty({ type: [BoardBuSalesDto] }) salesPerBu!: BoardBuSalesDto[];
  @ApiProperty({ type: [BoardEmployeeSalesDto] }) salesPerEmployee!: BoardEmployeeSalesDto[];
}

export class ConflictRowDto {
  @ApiProperty({ format: 'uuid' }) jointEventId!: string;
  @ApiProperty() customerId!: string;
  @ApiProperty({ enum: ['open', 'escalated', 'ruled', 'final'] }) status!: string;
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'The BUs (and employees) that confirmed the customer',
  })
  claimants!: Record<string, unknown>[];
  @ApiProperty({ format: 'date-time' }) detectedAt!: string;
  @ApiProperty({ type: String, nullable: true }) winnerBu!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why the winner won' }) basis!: string | null;
  @ApiProperty({ type: String, nullable: true }) decidedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) policyVersion!: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class FilingComplianceRowDto {
  @ApiProperty() bu!: string;
  @ApiProperty({ description: 'Lists due' }) due!: number;
  @ApiProperty() onTime!: number;
  @ApiProperty() late!: number;
  @ApiProperty() missing!: number;
  @ApiProperty({ type: Number, nullable: true }) onTimeRate!: number | null;
  @ApiProperty({ description: 'INV-07 fines' }) fines!: number;
  @ApiProperty({ example: '20000', description: 'Sum in fen (decimal string)' }) finesFen!: string;
}

export class InvitationPenaltyRowDto {
  @ApiProperty() fineId!: string;
  @ApiProperty({ format: 'uuid' }) jointEventId!: string;
  @ApiProperty() bu!: string;
  @ApiProperty({ type: String, nullable: true }) employeeId!: string | null;
  @ApiProperty() role!: string;
  @ApiProperty({ example: '10000', description: 'Fen (decimal string)' }) amountFen!: string;
  @ApiProperty({ example: 'INV-07' }) rule!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) issuedAt!: string;
  @ApiProperty() policyVersion!: string;
}
