import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';

export class SetTestClockDto {
  @ApiProperty({ format: 'date-time', example: '2026-12-07T10:05:00.000Z' })
  @IsISO8601({ strict: true })
  now!: string;
}

export class TestClockDto {
  @ApiProperty({ format: 'date-time', description: "The process's clock now" })
  now!: string;

  @ApiProperty({ description: 'Milliseconds the clock is ahead of (or behind, negative) the real one' })
  offsetMs!: number;
}
