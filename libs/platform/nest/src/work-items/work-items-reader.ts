import type { Pool } from 'pg';
import { qualifiedName } from '@crm/postgres';
import {
  WORK_ITEMS,
  type WorkItemApproval,
  type WorkItemCategory,
  type WorkItemPriority,
} from '@crm/projections';
import { decodeWorkItemCursor, encodeWorkItemCursor } from './work-item-cursor';
import type { WorkItemDto, WorkItemPageDto } from './work-item.dto';

/** Who asks: every role the token grants, its BU and employee id. */
export interface WorkItemCaller {
  readonly employeeId: string;
  readonly bu: string | null;
  readonly roles: readonly string[];
}

interface Row {
  id: string;
  kind: string;
  title_key: string;
  title_params: Record<string, string | number | boolean | null>;
  due_at: Date | null;
  priority: WorkItemPriority;
  link: string;
  category: WorkItemCategory;
  approval: WorkItemApproval | null;
  version: number;
}

/**
 * The caller's page of `<readSchema>.work_items`, ordered by due instant (undated last) then id.
 * An item is the caller's when one of their roles is its audience (or it names no role but the
 * caller's employee id) and its BU and employee, when set, are the caller's; rows whose `visible_from` lies ahead of the clock stay hidden.
 */
export class WorkItemsReader {
  private readonly table: string;

  constructor(
    private readonly pool: Pool,
    readSchema: string,
    private readonly service: string,
  ) {
    this.table = qualifiedName(readSchema, WORK_ITEMS);
  }

  async page(
    caller: WorkItemCaller,
    limit: number,
    after: string | undefined,
    now: Date,
    category?: WorkItemCategory,
  ): Promise<WorkItemPageDto> {
    // `after=` with nothing in it is how a client written for `?assignee=me&after=` asks for page one.
    const cursor = after !== undefined && after !== '' ? decodeWorkItemCursor(after) : undefined;
    const { rows } = await this.pool.query<Row>(
      `SELECT id, kind, title_key, title_params, due_at, priority, link, category, approval, version
         FROM ${this.table}
        WHERE (audience_role = ANY($1::text[]) OR (audience_role IS NULL AND audience_employee = $3))
          AND (audience_bu IS NULL OR audience_bu = $2)
          AND (audience_employee IS NULL OR audience_employee = $3)
          AND (visible_from IS NULL OR visible_from <= $4)
          AND ($8::text IS NULL OR category = $8)
          AND ($5::text IS NULL
               OR (coalesce(due_at, 'infinity'::timestamptz), id) > (coalesce($6::timestamptz, 'infinity'::timestamptz), $5))
        ORDER BY coalesce(due_at, 'infinity'::timestamptz), id
        LIMIT $7`,
      [
        caller.roles,
        caller.bu,
        caller.employeeId,
        now,
        cursor?.id ?? null,
        cursor?.dueAt ?? null,
        limit + 1,
        category ?? null,
      ],
    );
    const items = rows.slice(0, limit).map((row) => this.toDto(row));
    const last = items[items.length - 1];
    const nextCursor =
      rows.length > limit && last !== undefined
        ? encodeWorkItemCursor({ dueAt: last.dueAt, id: last.id })
        : null;
    return { items, nextCursor };
  }

  private toDto(row: Row): WorkItemDto {
    return {
      id: row.id,
      service: this.service,
      kind: row.kind,
      titleKey: row.title_key,
      titleParams: row.title_params,
      dueAt: row.due_at?.toISOString() ?? null,
      priority: row.priority,
      link: row.link,
      category: row.category,
      ...(row.approval !== null ? { approval: row.approval } : {}),
      version: row.version,
    };
  }
}
