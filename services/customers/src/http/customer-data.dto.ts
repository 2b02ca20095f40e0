import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import {
  ADDRESS_MAX_LENGTH,
  CONSENT_CHANNELS,
  CONSENT_NOTE_MAX_LENGTH,
  CONSENT_PURPOSES,
  CORRECTABLE_FIELDS,
  CORRECTION_REASON_MAX_LENGTH,
  NAME_MAX_LENGTH,
  type ConsentChannel,
  type ConsentPurpose,
} from '@crm/customers-domain';

/** Shape checks only; the domain merges, normalises and validates like a registration. */
export class CorrectCustomerDataDto {
  @ApiPropertyOptional({ example: '王晓明', maxLength: NAME_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(NAME_MAX_LENGTH)
  name?: string;

  @ApiPropertyOptional({
    example: '13900001111',
    description: 'Checked for uniqueness like a registration (ARC-20)',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  mobile?: string;

  @ApiPropertyOptional({ example: '上海市徐汇区…', description: 'An empty string removes the address' })
  @IsOptional()
  @IsString()
  @MaxLength(ADDRESS_MAX_LENGTH)
  address?: string;

  @ApiProperty({ example: '客户来电告知换号', maxLength: CORRECTION_REASON_MAX_LENGTH })
  @IsString()
  @IsNotEmpty()
  @MaxLength(CORRECTION_REASON_MAX_LENGTH)
  reason!: string;
}

export class CorrectionDto {
  @ApiProperty({ format: 'uuid', description: 'The id of the CustomerDataCorrected event' })
  correctionId!: string;

  @ApiProperty({ enum: CORRECTABLE_FIELDS, isArray: true })
  fields!: readonly string[];

  @ApiPropertyOptional({ description: 'Shown to those who see the personal data in full (the owner BU)' })
  reason?: string;

  @ApiProperty({ example: 'CUS-06' })
  rule!: string;

  @ApiProperty({ example: 'e-001' })
  correctedBy!: string;

  @ApiProperty({ format: 'date-time' })
  correctedAt!: string;
}

export class CorrectionResponse {
  @ApiProperty({ format: 'uuid' })
  customerId!: string;

  @ApiProperty({ example: ['CustomerDataCorrected'], description: 'Empty when the values were already so' })
  recorded!: string[];

  @ApiProperty({ enum: CORRECTABLE_FIELDS, isArray: true })
  fields!: readonly string[];
}

export class RecordConsentDto {
  @ApiProperty({
    enum: CONSENT_PURPOSES,
    isArray: true,
    description: 'Every purpose consented to now (the whole set)',
  })
  @IsArray()
  @ArrayMaxSize(CONSENT_PURPOSES.length)
  @IsIn(CONSENT_PURPOSES, { each: true })
  purposes!: ConsentPurpose[];

  @ApiProperty({
    description: 'DAT-22: the customer opted out of marketing, joint-event invitations included',
  })
  @IsBoolean()
  marketingOptOut!: boolean;

  @ApiProperty({ enum: CONSENT_CHANNELS, description: 'How the customer told us' })
  @IsIn(CONSENT_CHANNELS)
  channel!: ConsentChannel;

  @ApiPropertyOptional({ maxLength: CONSENT_NOTE_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(CONSENT_NOTE_MAX_LENGTH)
  note?: string;
}

export class ConsentDto {
  @ApiProperty({ enum: CONSENT_PURPOSES, isArray: true })
  purposes!: readonly string[];

  @ApiProperty()
  marketingOptedOut!: boolean;

  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;
}

export class ConsentEntryDto extends ConsentDto {
  @ApiProperty({ format: 'uuid' })
  consentId!: string;

  @ApiProperty({ enum: CONSENT_CHANNELS })
  channel!: string;

  @ApiPropertyOptional()
  note?: string;

  @ApiProperty({ example: 'DAT-22', description: 'DAT-22 when the marketing opt-out changed, else DAT-02' })
  rule!: string;

  @ApiProperty({ example: 'e-001' })
  recordedBy!: string;
}

export class ConsentResponse {
  @ApiProperty({ format: 'uuid' })
  customerId!: string;

  @ApiProperty({ example: ['CustomerConsentRecorded'], description: 'Empty when the consent was already so' })
  recorded!: string[];

  @ApiProperty({ type: ConsentDto })
  consent!: ConsentDto;
}
