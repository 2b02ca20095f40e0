import { infiniteQueryOptions } from '@tanstack/react-query';
import { consoleFetch } from '@/shared/api/clients';

export interface WorkItem {
  readonly id: string;
  readonly service: string;
  readonly kind: string;
  readonly titleKey: string;
  readonly titleParams: Record<string, unknown>;
  readonly dueAt: string | null;
  readonly priority: 'high' | 'normal' | 'low';
  readonly link: string;
}

export interface InboxPage {
  readonly items: WorkItem[];
  readonly cursor: string | null;
  readonly sources: { service: string; ok: boolean; status?: number; reason?: string }[];
}

export const inboxKeys = { all: ['console', 'inbox'] as const };

export const inboxQuery = infiniteQueryOptions({
  queryKey: inboxKeys.all,
  queryFn: ({ pageParam }) =>
    consoleFetch<InboxPage>(`/api/inbox${pageParam ? `?after=${encodeURIComponent(pageParam)}` : ''}`),
  initialPageParam: '',
  getNextPageParam: (page) => page.cursor ?? undefined,
  staleTime: 15_000,
});
