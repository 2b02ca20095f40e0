import type { BatchStatus } from './types';

export interface BatchFilter {
  readonly page: number;
  readonly limit: number;
  readonly status?: BatchStatus;
}

/** Query keys from general to specific, starting with the service (console-style §2). */
export const batchKeys = {
  all: ['customers', 'outreach-batches'] as const,
  lists: () => [...batchKeys.all, 'list'] as const,
  list: (filter: BatchFilter) => [...batchKeys.lists(), filter] as const,
  detail: (batchId: string) => [...batchKeys.all, 'detail', batchId] as const,
};
