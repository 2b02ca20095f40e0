import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsObject, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import type { AdoptedPolicy } from '@crm/policy';

export class PolicyAtQuery {
  @ApiPropertyOptional({ description: 'Which version was in force at this ISO-8601 instant (default: now)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  at?: string;
}

export class AdoptPolicyVersionDto {
  @ApiProperty({ example: 'v2', description: "'v1', 'v2', 'v2.1'...; never reused" })
  @Matches(/^v[1-9][0-9]*(?:\.[0-9]+)*$/, { message: "version must look like 'v1' or 'v2.1'" })
  version!: string;

  @ApiProperty({
    description: 'ISO-8601 instant from which the version governs decisions; not before the latest one',
  })
  @IsISO8601({ strict: true })
  effectiveFrom!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The parameters (domain §7)' })
  @IsObject()
  params!: Record<string, unknown>;

  @ApiProperty({ description: 'Why the rules change (kept in the adoption event)' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason!: string;
}

export interface PolicyVersionView {
  readonly policyId: string;
  readonly version: string;
  readonly effectiveFrom: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly adoptedBy: string;
  readonly adoptedAt: string;
  readonly reason?: string;
  readonly eventId: string;
}

export interface PolicyView {
  readonly policyId: string;
  /** The instant `inForce` refers to. */
  readonly at: string;
  /** null when no version was in force yet at `at`. */
  readonly inForce: PolicyVersionView | null;
  /** Every adopted version, in adoption order. */
  readonly versions: readonly PolicyVersionView[];
}

export const policyVersionView = (policy: AdoptedPolicy): PolicyVersionView => ({
  policyId: policy.policyId,
  version: policy.version,
  effectiveFrom: policy.effectiveFrom,
  params: policy.params,
  adoptedBy: policy.adoptedBy,
  adoptedAt: policy.adoptedAt.toISOString(),
  ...(policy.reason !== undefined ? { reason: policy.reason } : {}),
  eventId: policy.eventId,
});

export class PolicyVersionDto implements PolicyVersionView {
  @ApiProperty({ example: 'customers.lapse' }) policyId!: string;
  @ApiProperty({ example: 'v2' }) version!: string;
  @ApiProperty({ format: 'date-time' }) effectiveFrom!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The parameters (domain §7)' })
  params!: Record<string, unknown>;
  @ApiProperty({ description: 'Who adopted it' }) adoptedBy!: string;
  @ApiProperty({ format: 'date-time' }) adoptedAt!: string;
  @ApiPropertyOptional() reason?: string;
  @ApiProperty({ format: 'uuid', description: 'The adoption event' }) eventId!: string;
}

export class PolicyDto implements PolicyView {
  @ApiProperty() policyId!: string;
  @ApiProperty({ format: 'date-time', description: 'The instant `inForce` refers to' }) at!: string;
  @ApiProperty({ type: PolicyVersionDto, nullable: true, description: 'null when none was in force yet' })
  inForce!: PolicyVersionDto | null;
  @ApiProperty({ type: [PolicyVersionDto], description: 'Every adopted version, in adoption order' })
  versions!: PolicyVersionDto[];
}
