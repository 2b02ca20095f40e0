import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { WORK_ITEM_PRIORITIES, type WorkItemPriority } from '@crm/projections';

export const MAX_WORK_ITEMS_PAGE = 100;

/** `?limit=&after=`: keyset paging so items that come and go between pages neither repeat nor vanish. */
export class WorkItemsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_WORK_ITEMS_PAGE, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_WORK_ITEMS_PAGE)
  limit: number = 50;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page (opaque)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(512)
  after?: string;
}

/** One item of the console inbox; the same shape from every service. */
export class WorkItemDto {
  @ApiProperty({ example: 'batch-to-enter:2f7c…' })
  id!: string;

  @ApiProperty({ example: 'customers' })
  service!: string;

  @ApiProperty({ example: 'batchToEnter' })
  kind!: string;

  @ApiProperty({ example: 'workItems.customers.batchToEnter', description: 'i18n key (docs/work-items.md)' })
  titleKey!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    example: { batchId: 'b-1', customers: 12 },
  })
  titleParams!: Record<string, string | number | boolean | null>;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  dueAt!: string | null;

  @ApiProperty({ enum: WORK_ITEM_PRIORITIES })
  priority!: WorkItemPriority;

  @ApiProperty({ example: '/customers/2f7c…', description: 'Console route that opens the work' })
  link!: string;

  @ApiProperty({ description: 'Grows each time the item changes' })
  version!: number;
}

export class WorkItemPageDto {
  @ApiProperty({ type: [WorkItemDto] })
  items!: WorkItemDto[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `after` for the next page; null at the end',
  })
  nextCursor!: string | null;
}
