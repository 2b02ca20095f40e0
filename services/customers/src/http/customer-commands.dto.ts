import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { VALUE_TIERS, type ValueTier } from '@crm/customers-domain';

export const STAFF_SERVICE_KINDS = ['home_visit', 'phone_contact'] as const;

export class RecordServiceDto {
  @ApiProperty({ enum: STAFF_SERVICE_KINDS })
  @IsIn(STAFF_SERVICE_KINDS)
  kind!: (typeof STAFF_SERVICE_KINDS)[number];

  @ApiProperty({ description: 'Visit note or call log id: the evidence of the service' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  reference!: string;
}

export const DIRECTOR_REASONS = ['director_decision', 'service_lapse'] as const;

export class ReassignCustomerDto {
  @ApiProperty({ example: 'bu-2' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  toBu!: string;

  @ApiProperty({ example: 'e-201' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  toEmployeeId!: string;

  @ApiProperty({ enum: DIRECTOR_REASONS })
  @IsIn(DIRECTOR_REASONS)
  reason!: (typeof DIRECTOR_REASONS)[number];

  @ApiPropertyOptional({ description: 'Why; kept as the basis of the decision' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class OwnershipDisputeDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) claimantBu!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) claimantEmployeeId!: string;

  @ApiProperty({ format: 'date-time', description: "Time on the claimant's registration form" })
  @IsISO8601({ strict: true })
  claimantRegisteredAt!: string;

  @ApiProperty({ description: 'The evidence: registration form, evening-meeting minutes (ARC-08)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  evidence!: string;
}

export class RedeemPointsDto {
  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  points!: number;

  @ApiProperty({ description: 'What the points were redeemed for' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  reference!: string;
}

export class ClassifyCustomerDto {
  @ApiProperty({ enum: ['manual', 'policy'] })
  @IsIn(['manual', 'policy'])
  mode!: 'manual' | 'policy';

  @ApiPropertyOptional({ enum: VALUE_TIERS, description: 'Required for manual classification' })
  @IsOptional()
  @IsIn(VALUE_TIERS)
  tier?: ValueTier;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class CustomerDecisionResponse {
  @ApiProperty() customerId!: string;
  @ApiProperty({
    type: [String],
    description: 'Types of the events the command recorded (empty: nothing changed)',
  })
  recorded!: string[];
}
