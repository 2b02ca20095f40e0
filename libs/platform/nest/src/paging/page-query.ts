import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 100;

/**
 * `?page=&limit=` of every list endpoint: 1-based page, at most MAX_PAGE_SIZE items. Query strings
 * arrive as text, hence the conversion before validation. Extend it with the endpoint's filters.
 */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit: number = 20;
}

/** A page of things business units own (customers, cases, accounts), optionally one BU's only. */
export class OwnerBuPageQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'bu-1', description: 'Only items owned by this BU' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  ownerBu?: string;
}
