import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import {
  WORK_ITEM_CATEGORIES,
  WORK_ITEM_PRIORITIES,
  type WorkItemCategory,
  type WorkItemPriority,
} from '@crm/projections';

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

  @ApiPropertyOptional({
    enum: ['me'],
    default: 'me',
    description: "Whose items: only ever the caller's own (the console sends `me`)",
  })
  @IsOptional()
  @IsIn(['me'])
  assignee?: 'me';

  @ApiPropertyOptional({
    description: 'The `nextCursor` of the previous page (opaque); empty or absent: the first page',
  })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  after?: string;

  @ApiPropertyOptional({ enum: WORK_ITEM_CATEGORIES, description: 'Only tasks, or only approvals' })
  @IsOptional()
  @IsIn(WORK_ITEM_CATEGORIES)
  category?: WorkItemCategory;
}

/** A command of the item's service that answers it; `reason` is added to `body` when `withReason`. */
export class WorkItemCommandDto {
  @ApiProperty({ enum: ['POST'] })
  method!: 'POST';

  @ApiProperty({
    example: '/credit-accounts/acc-1/grants/g-1/approvals',
    description: 'Relative to the service',
  })
  path!: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
  })
  body?: Record<string, string | number | boolean>;

  @ApiProperty()
  withReason!: boolean;
}

/** What an approval asks and how to answer it (docs/work-items.md). */
export class WorkItemApprovalDto {
  @ApiProperty({ type: String, nullable: true, description: 'Employee id of who asked' })
  requestedBy!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  requestedAt!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    description: 'The facts the decision rests on',
  })
  basis!: Record<string, string | number | boolean | null>;

  @ApiProperty({ example: 'CRD-32' })
  rule!: string;

  @ApiProperty({ type: WorkItemCommandDto })
  approve!: WorkItemCommandDto;

  @ApiProperty({ type: WorkItemCommandDto })
  refuse!: WorkItemCommandDto;

  @ApiProperty({ type: [String], description: 'Reason codes to choose from (workItems.reasons.<code>)' })
  reasons!: readonly string[];
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

  @ApiProperty({ enum: WORK_ITEM_CATEGORIES })
  category!: WorkItemCategory;

  @ApiPropertyOptional({ type: WorkItemApprovalDto, description: 'Present on approvals' })
  approval?: WorkItemApprovalDto;

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
