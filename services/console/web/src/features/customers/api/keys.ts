export interface CustomerFilter {
  readonly page: number;
  readonly limit: number;
  readonly ownerBu?: string;
}

/** Query keys from general to specific, starting with the service (console-style §2). */
export const customerKeys = {
  all: ['customers'] as const,
  lists: () => [...customerKeys.all, 'list'] as const,
  list: (filter: CustomerFilter) => [...customerKeys.lists(), filter] as const,
  detail: (id: string) => [...customerKeys.all, 'detail', id] as const,
  ownership: (id: string) => [...customerKeys.detail(id), 'ownership'] as const,
  search: (mobile: string) => [...customerKeys.all, 'search', mobile] as const,
  watchList: () => [...customerKeys.all, 'watch-list'] as const,
  lapsed: () => [...customerKeys.all, 'lapsed'] as const,
};
