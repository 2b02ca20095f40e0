export interface AccountFilter {
  readonly page: number;
  readonly limit: number;
  readonly grade?: 'A' | 'B' | 'C' | 'none';
  readonly overdue?: 'true' | 'false';
  readonly search?: string;
}

/** Query keys from general to specific, starting with the service (console-style §2). */
export const creditKeys = {
  all: ['credit'] as const,
  lists: () => [...creditKeys.all, 'list'] as const,
  list: (filter: AccountFilter) => [...creditKeys.lists(), filter] as const,
  detail: (id: string) => [...creditKeys.all, 'detail', id] as const,
  hold: (id: string, orderId: string) => [...creditKeys.detail(id), 'hold', orderId] as const,
};
