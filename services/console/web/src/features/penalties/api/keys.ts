import type { FineFilter } from './types';

/** Query keys from general to specific, starting with the service (console-style §2). */
export const penaltyKeys = {
  all: ['penalties'] as const,
  list: (filter: FineFilter) => [...penaltyKeys.all, 'fines', 'list', filter] as const,
  fine: (fineId: string) => [...penaltyKeys.all, 'fines', 'detail', fineId] as const,
};
