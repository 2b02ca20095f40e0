import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export class CalendarDayDto {
  @ApiProperty({ example: '元旦' }) @IsString() @IsNotEmpty() @MaxLength(50) name!: string;
  @ApiProperty({ example: '2027-01-01' }) @Matches(/^\d{4}-\d{2}-\d{2}$/) date!: string;
  @ApiProperty({ description: 'true: a day off; false: a make-up working day (調休)' })
  @IsBoolean()
  isOffDay!: boolean;
}

/** One year's notice in the holiday-cn JSON layout. */
export class AdoptCalendarYearDto {
  @ApiProperty({ example: 2027 }) @IsInt() @Min(2000) @Max(2100) year!: number;
  @ApiProperty({ type: [CalendarDayDto] })
  @IsArray()
  @ArrayMaxSize(120)
  @ValidateNested({ each: true })
  @Type(() => CalendarDayDto)
  days!: CalendarDayDto[];
  @ApiPropertyOptional({ description: 'The notice the days come from, for auditors' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  source?: string;
}

export class CalendarYearDto {
  @ApiProperty() year!: number;
  @ApiProperty({ type: [CalendarDayDto] }) days!: CalendarDayDto[];
  @ApiProperty({ example: 'v2' }) calendarVersion!: string;
  @ApiProperty({ description: 'false: no notice adopted, the statutory holidays stand in (provisional)' })
  adopted!: boolean;
  @ApiProperty({ type: String, nullable: true }) source!: string | null;
}

export class CalendarAdoptionDto {
  @ApiProperty({ example: 'v2' }) calendarVersion!: string;
  @ApiProperty({ example: 'v1' }) previousVersion!: string;
  @ApiProperty({ description: 'Open cases whose deadline was recomputed' }) recomputedCases!: number;
}

export class CalendarYearParam {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year!: number;
}
