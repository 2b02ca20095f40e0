import type { CustomerFilter } from '@/features/customers/api/keys';

const PAGE_SIZES = [10, 20, 50, 100];

/** URL → filter, tolerant of hand-edited URLs: anything invalid falls back to the default. */
export const filterFromParams = (params: URLSearchParams): CustomerFilter => {
  const page = Number(params.get('page'));
  const limit = Number(params.get('limit'));
  const ownerBu = params.get('ownerBu')?.trim();
  return {
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    limit: PAGE_SIZES.includes(limit) ? limit : 20,
    ...(ownerBu ? { ownerBu } : {}),
  };
};

export const paramsFromFilter = (filter: Partial<CustomerFilter>): URLSearchParams => {
  const params = new URLSearchParams();
  if (filter.page && filter.page > 1) params.set('page', String(filter.page));
  if (filter.limit && filter.limit !== 20) params.set('limit', String(filter.limit));
  if (filter.ownerBu) params.set('ownerBu', filter.ownerBu);
  return params;
};
