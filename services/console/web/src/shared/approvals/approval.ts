import { infiniteQueryOptions } from '@tanstack/react-query';
import { consoleFetch } from '@/shared/api/clients';
import { idempotencyHeaders } from '@/shared/api/idempotency';

/** A command of the item's own service that answers it (docs/work-items.md). */
export interface ApprovalCommand {
  readonly method: 'POST';
  readonly path: string;
  readonly body?: Record<string, string | number | boolean>;
  readonly withReason: boolean;
}

export interface Approval {
  readonly requestedBy: string | null;
  readonly requestedAt: string | null;
  readonly basis: Record<string, string | number | boolean | null>;
  readonly rule: string;
  readonly approve: ApprovalCommand;
  readonly refuse: ApprovalCommand;
  readonly reasons: readonly string[];
}

export interface ApprovalItem {
  readonly id: string;
  readonly service: string;
  readonly kind: string;
  readonly titleKey: string;
  readonly titleParams: Record<string, unknown>;
  readonly dueAt: string | null;
  readonly priority: 'high' | 'normal' | 'low';
  readonly link: string;
  readonly category: 'approval';
  readonly approval: Approval;
  readonly version: number;
}

interface ApprovalsPage {
  readonly items: ApprovalItem[];
  readonly cursor: string | null;
  readonly sources: { service: string; ok: boolean; status?: number; reason?: string }[];
}

export const approvalKeys = { all: ['console', 'inbox', 'approval'] as const };

/** The approvals inbox: the console inbox's items of the approval category, from every service. */
export const approvalsQuery = infiniteQueryOptions({
  queryKey: approvalKeys.all,
  queryFn: ({ pageParam }) =>
    consoleFetch<ApprovalsPage>(
      `/api/inbox?category=approval${pageParam ? `&after=${encodeURIComponent(pageParam)}` : ''}`,
    ),
  initialPageParam: '',
  getNextPageParam: (page) => page.cursor ?? undefined,
  staleTime: 5_000,
  // Approvals arrive from other people's actions: the list looks again while it is open.
  refetchInterval: 15_000,
});

/** Calls the approve or refuse command the item names, through the console's service proxy. */
export const answerApproval = (
  item: ApprovalItem,
  command: ApprovalCommand,
  reason: string | undefined,
  key: string,
): Promise<unknown> =>
  consoleFetch(`/api/${item.service}${command.path}`, {
    method: command.method,
    headers: idempotencyHeaders(key),
    body: JSON.stringify({
      ...(command.body ?? {}),
      ...(command.withReason && reason !== undefined ? { reason } : {}),
    }),
  });
