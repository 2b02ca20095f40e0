import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import {
  ADDRESS_MAX_LENGTH,
  NAME_MAX_LENGTH,
  REGISTRATION_SOURCES,
  type RegistrationSource,
} from '@crm/customers-domain';

/** Shape checks only; the domain normalises the mobile and enforces the business rules. */
export class RegisterCustomerDto {
  @ApiProperty({
    enum: REGISTRATION_SOURCES,
    description: 'How the customer came to us (`outreach` = 科普 seminar)',
  })
  @IsIn(REGISTRATION_SOURCES)
  source!: RegistrationSource;

  @ApiProperty({ example: '王小明', maxLength: NAME_MAX_LENGTH })
  @IsString()
  @IsNotEmpty()
  @MaxLength(NAME_MAX_LENGTH)
  name!: string;

  @ApiProperty({
    example: '+86 138-1234-1234',
    description: 'Mainland China mobile; spaces, dashes and a +86/0086 prefix are accepted and normalised',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  mobile!: string;

  @ApiPropertyOptional({ example: '上海市浦东新区…', maxLength: ADDRESS_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(ADDRESS_MAX_LENGTH)
  address?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Id of the referring customer; required when source is `referral`',
  })
  @IsOptional()
  @IsUUID()
  referredBy?: string;
}

export class CustomerRegisteredResponse {
  @ApiProperty({ format: 'uuid' })
  customerId!: string;
}
