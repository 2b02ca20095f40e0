import { queryOptions } from '@tanstack/react-query';
import { penaltiesApi } from '@/shared/api/clients';
import { penaltyKeys } from './keys';
import type { Fine, FineFilter, FinePage } from './types';

export const FINE_PAGE_SIZE = 20;

export const fineListQuery = (filter: FineFilter) =>
  queryOptions({
    queryKey: penaltyKeys.list(filter),
    queryFn: async () => {
      const { data } = await penaltiesApi.GET('/fines', {
        params: { query: { limit: FINE_PAGE_SIZE, ...filter } },
      });
      return data as FinePage;
    },
  });

export const fineQuery = (fineId: string) =>
  queryOptions({
    queryKey: penaltyKeys.fine(fineId),
    queryFn: async () => {
      const { data } = await penaltiesApi.GET('/fines/{fineId}', { params: { path: { fineId } } });
      return data as Fine;
    },
  });
