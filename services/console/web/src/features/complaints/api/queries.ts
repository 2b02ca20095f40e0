import { queryOptions } from '@tanstack/react-query';
import { complaintsApi } from '@/shared/api/clients';
import type { QueueFilter } from '@/features/complaints/utils/queue-filter';
import { complaintKeys } from './keys';
import type { CalendarYearView, CaseView, Explanation, QueuePage } from './types';

export const QUEUE_PAGE_SIZE = 20;

export const queueQuery = (filter: QueueFilter) =>
  queryOptions({
    queryKey: complaintKeys.queue(filter),
    queryFn: async () => {
      const { data } = await complaintsApi.GET('/queue', {
        params: {
          query: {
            page: filter.page,
            limit: QUEUE_PAGE_SIZE,
            ...(filter.kind ? { kind: filter.kind } : {}),
            ...(filter.severity ? { severity: filter.severity } : {}),
            ...(filter.bu ? { bu: filter.bu } : {}),
            ...(filter.status ? { status: filter.status } : {}),
          } as never,
        },
      });
      return data as unknown as QueuePage;
    },
    // The countdown moves with the clock: refresh while the queue is on screen.
    refetchInterval: 60_000,
  });

export const caseQuery = (caseId: string) =>
  queryOptions({
    queryKey: complaintKeys.case(caseId),
    queryFn: async () => {
      const { data } = await complaintsApi.GET('/cases/{id}', {
        params: { path: { id: caseId }, query: {} },
      });
      return data as unknown as CaseView;
    },
  });

export const explanationQuery = (caseId: string, enabled: boolean) =>
  queryOptions({
    queryKey: complaintKeys.explanation(caseId),
    queryFn: async () => {
      const { data } = await complaintsApi.GET('/cases/{id}/explanation', {
        params: { path: { id: caseId } },
      });
      return data as unknown as Explanation;
    },
    enabled,
  });

export const calendarYearQuery = (year: number) =>
  queryOptions({
    queryKey: complaintKeys.calendarYear(year),
    queryFn: async () => {
      const { data } = await complaintsApi.GET('/calendar/years/{year}', { params: { path: { year } } });
      return data as unknown as CalendarYearView;
    },
  });
