import type { BatchFilter } from '@/features/outreach/api/keys';
import type { BatchStatus } from '@/features/outreach/api/types';
import { BATCH_STEPS } from './batch-steps';

const PAGE_SIZES = [10, 20, 50, 100];

/** URL → filter, tolerant of hand-edited URLs: anything invalid falls back to the default. */
export const batchFilterFromParams = (params: URLSearchParams): BatchFilter => {
  const page = Number(params.get('page'));
  const limit = Number(params.get('limit'));
  const status = params.get('status') as BatchStatus | null;
  return {
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    limit: PAGE_SIZES.includes(limit) ? limit : 20,
    ...(status !== null && BATCH_STEPS.includes(status) ? { status } : {}),
  };
};

export const paramsFromBatchFilter = (filter: Partial<BatchFilter>): URLSearchParams => {
  const params = new URLSearchParams();
  if (filter.status) params.set('status', filter.status);
  if (filter.page && filter.page > 1) params.set('page', String(filter.page));
  if (filter.limit && filter.limit !== 20) params.set('limit', String(filter.limit));
  return params;
};
