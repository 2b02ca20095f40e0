import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '@crm/nest';
import { ADDRESS_MAX_LENGTH, NAME_MAX_LENGTH } from '@crm/customers-domain';

export class SubmitOutreachBatchDto {
  @ApiProperty({ example: '2025-03-01 科普讲座 浦东' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  seminar!: string;

  @ApiProperty({ type: [String], description: 'Employees who took part, in the order the deal goes round' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, {
    each: true,
    message: 'each participant must be an employee id',
  })
  participants!: string[];

  @ApiProperty({ description: 'How many forms were collected' })
  @IsInt()
  @Min(0)
  recordCount!: number;
}

export class BatchRecordDto {
  @ApiProperty({ maxLength: NAME_MAX_LENGTH })
  @IsString()
  @IsNotEmpty()
  @MaxLength(NAME_MAX_LENGTH)
  name!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  mobile!: string;

  @ApiPropertyOptional({ maxLength: ADDRESS_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(ADDRESS_MAX_LENGTH)
  address?: string;
}

export class EnterBatchRecordsDto {
  @ApiProperty({ type: [BatchRecordDto], description: 'The forms, in entry order (the order of the deal)' })
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => BatchRecordDto)
  records!: BatchRecordDto[];
}

export const BATCH_STATUSES = ['submitted', 'entered', 'returned', 'allocated'] as const;

/** `GET /outreach-batches`: a page of the batches the caller works on, optionally at one step. */
export class ListOutreachBatchesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: BATCH_STATUSES, description: 'Only batches at this step' })
  @IsOptional()
  @IsIn(BATCH_STATUSES)
  status?: (typeof BATCH_STATUSES)[number];
}
