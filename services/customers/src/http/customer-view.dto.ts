import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REGISTRATION_SOURCES, VALUE_TIERS } from '@crm/customers-domain';
import { ConsentDto } from './customer-data.dto';

export class PersonalDataDto {
  @ApiProperty({
    enum: ['full', 'masked', 'forgotten'],
    description:
      'full for the owning BU, masked for other BUs, forgotten when the customer was erased (PIPL art. 47)',
  })
  visibility!: 'full' | 'masked' | 'forgotten';

  @ApiPropertyOptional({ example: '张*', description: 'Absent when forgotten' })
  name?: string;

  @ApiPropertyOptional({ example: '138****1234', description: 'Absent when forgotten' })
  mobile?: string;

  @ApiPropertyOptional({ description: 'Only shown to the owning BU' })
  address?: string;
}

export class CustomerDto {
  @ApiProperty({ format: 'uuid' })
  customerId!: string;

  @ApiProperty({ enum: REGISTRATION_SOURCES })
  source!: string;

  @ApiProperty({ example: 'bu-1' })
  ownerBu!: string;

  @ApiProperty({ example: 'e-001' })
  ownerEmployeeId!: string;

  @ApiProperty({
    format: 'date-time',
    description: 'Server time of the first registration; never changes (ARC-20)',
  })
  registeredAt!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  referredBy?: string;

  @ApiPropertyOptional({ description: 'Lapsed (ARC-70): open to other BUs, who then see the data unmasked' })
  lapsed?: boolean;

  @ApiPropertyOptional({ enum: VALUE_TIERS, description: 'Value tier (latest classification)' })
  tier?: string;

  @ApiProperty({ type: PersonalDataDto })
  personalData!: PersonalDataDto;

  @ApiPropertyOptional({ type: ConsentDto, description: 'The consent as last recorded (DAT-02, DAT-22)' })
  consent?: ConsentDto;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'When the personal data was last corrected (CUS-05)',
  })
  correctedAt?: string;
}

export class CustomerPageDto {
  @ApiProperty({ type: [CustomerDto] })
  items!: CustomerDto[];

  @ApiProperty({ example: 1 })
  page!: number;

  @ApiProperty({ example: 20 })
  limit!: number;

  @ApiProperty({ description: 'Customers matching the filter' })
  total!: number;
}
