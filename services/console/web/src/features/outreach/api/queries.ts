import { queryOptions } from '@tanstack/react-query';
import { customersApi } from '@/shared/api/clients';
import { batchKeys, type BatchFilter } from './keys';
import type { Batch, BatchPage } from './types';

export const batchListQuery = (filter: BatchFilter) =>
  queryOptions({
    queryKey: batchKeys.list(filter),
    queryFn: async () => {
      const { data } = await customersApi.GET('/outreach-batches', {
        params: {
          query: {
            page: filter.page,
            limit: filter.limit,
            ...(filter.status ? { status: filter.status } : {}),
          },
        },
      });
      return data as unknown as BatchPage;
    },
  });

export const batchQuery = (batchId: string) =>
  queryOptions({
    queryKey: batchKeys.detail(batchId),
    queryFn: async () => {
      const { data } = await customersApi.GET('/outreach-batches/{batchId}', {
        params: { path: { batchId } },
      });
      return data as unknown as Batch;
    },
  });
